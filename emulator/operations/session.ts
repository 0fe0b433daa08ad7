import { login, logout } from '../../src/api/protocol';
import { handle, Refusal } from './handler';

/** §2.1: one user (admin by default); -113 on a wrong name or password. */
export const sessionHandlers = [
  handle(login, (req, ctx) => {
    const password = ctx.config.get('password', ctx.options.password);
    if (req.user_name !== ctx.options.user || req.user_pwd !== password) throw new Refusal(-113);
    return ctx.sessions.create(req.user_name);
  }),
  handle(logout, (_req, ctx, session) => {
    if (session) ctx.sessions.end(session);
    return '';
  }),
];
