// One request in, one envelope out, with no HTTP in sight: the server, the
// protocol tests and the benchmarks all go through here.
import { OPERATION_BY_MSG_ID } from '../src/api/protocol';
import { errorText } from '../src/api/protocol/errors';
import type { Envelope } from '../src/api/protocol/operation';
import type { EmulatorContext } from './context';
import { HANDLERS } from './operations';
import { Refusal, type ReceivedFile } from './operations/handler';
import { ErrorCode } from '../src/api/protocol/error-codes';

const { INTERNAL_ERROR, MSG_ID_ERROR, NOT_LOGGED_IN, PARAM_ERROR } = ErrorCode;

export function envelope(code: number, data: unknown = ''): Envelope {
  return { code, data: code === 0 ? data : '', msg: code === 0 ? '' : errorText(code).en };
}

export interface Incoming {
  via: 'json' | 'form';
  /** The body's fields (JSON object, or the form's text fields). */
  fields: Record<string, unknown>;
  /** Form files by part name (img, img_1, file …). */
  files?: Record<string, ReceivedFile>;
  session: string | null;
}

export async function dispatch(ctx: EmulatorContext, incoming: Incoming): Promise<Envelope> {
  const msgId = incoming.fields.msg_id;
  // msg_id is a string on the wire; a number is taken too (Appendix D's push uses numbers).
  const op = typeof msgId === 'string' || typeof msgId === 'number' ? OPERATION_BY_MSG_ID.get(String(msgId)) : undefined;
  const handler = op ? HANDLERS.get(op.msgId) : undefined;
  // An operation sent to the other endpoint (a form one as JSON) is not known there either.
  if (!op || !handler || op.via !== incoming.via) return envelope(MSG_ID_ERROR);

  if (!op.public && !ctx.sessions.touch(incoming.session)) return envelope(NOT_LOGGED_IN);

  const { msg_id: _ignored, ...rest } = incoming.fields;
  const parsed = op.request.safeParse(rest);
  if (!parsed.success) return envelope(PARAM_ERROR);

  const req: Record<string, unknown> = { ...(parsed.data as Record<string, unknown>) };
  for (const [name, arity] of Object.entries(op.files ?? {})) {
    const files = incoming.files ?? {};
    if (arity === 'one') {
      const f = files[name];
      if (!f) return envelope(PARAM_ERROR);
      req[name] = f;
    } else {
      // §3.19: img_1, img_2 … in their numeric order.
      const many = Object.entries(files)
        .filter(([k]) => k.startsWith(name) && /^\d+$/.test(k.slice(name.length)))
        .sort(([a], [b]) => Number(a.slice(name.length)) - Number(b.slice(name.length)))
        .map(([, f]) => f);
      if (many.length === 0) return envelope(PARAM_ERROR);
      req[name] = many;
    }
  }

  try {
    const data = await handler.run(req as never, ctx, incoming.session);
    return envelope(0, data ?? '');
  } catch (e) {
    if (e instanceof Refusal) return envelope(e.code);
    ctx.log(`internal error in ${op.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return envelope(INTERNAL_ERROR);
  }
}
