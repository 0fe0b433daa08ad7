import { z } from 'zod';
import { empty } from './schema';
import { operation } from './operation';

/** §2.1: the session id is the answer's data, a string. */
export const login = operation({
  name: 'session.login',
  msgId: '257',
  via: 'json',
  section: '2.1',
  public: true,
  request: z.object({ user_name: z.string().min(1), user_pwd: z.string().min(1) }),
  answer: z.string().min(1),
});

export const logout = operation({
  name: 'session.logout',
  msgId: '258',
  via: 'json',
  section: '2.2',
  request: z.object({}),
  answer: empty(),
});
