// Reading a request's body, with the checks that need no body first: nothing
// is read past what the operation could take, and a body that cannot be
// answered with anything but a refusal is not read at all.
//
// - The session travels in a header (`sessionid`), so it is known before the
//   body. Without a live one, the only operation that can succeed is login
//   (JSON, §2.1): a JSON body is read up to SESSIONLESS_BODY_MAX and dispatched
//   as usual (so an unknown msg_id still answers -3599); a larger one, or any
//   form, is answered -141 unread. (The device may answer -3599 first for an
//   unknown msg_id in a large body; the console reads either as a refusal.)
// - msg_id travels in the body. A JSON body is capped at the largest any
//   operation takes, and our client (src/api/client.ts) writes msg_id first,
//   so it is read from the first bytes when it is there and the operation's
//   own cap applies from then on. A form's msg_id is its first field (the
//   client appends it first, and browsers keep FormData's order): a file part
//   before msg_id is refused (-3596), so no file is taken before the operation
//   and its caps (body-limits.ts) are known.
// - A file larger than LARGE_FILE_BYTES may be (a firmware package) goes to a
//   temporary file under <data>/uploads, removed after the answer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import busboy from 'busboy';
import { OPERATION_BY_MSG_ID } from '../src/api/protocol';
import { bodyLimits, JSON_BODY_CEILING, SESSIONLESS_BODY_MAX, type BodyLimits } from '../src/api/protocol/body-limits';
import type { Operation } from '../src/api/protocol/operation';
import type { EmulatorContext } from './context';
import { ErrorCode } from '../src/api/protocol/error-codes';
import type { Incoming } from './dispatch';
import type { ReceivedFile } from './operations/handler';

const { MSG_ID_ERROR, NOT_LOGGED_IN, PARAM_ERROR } = ErrorCode;

/** Files that may be larger than this go to disk. */
const LARGE_FILE_BYTES = 16 * 1024 * 1024;
/** A form's text field: the longest real one is a list of 50 ids (limits.ts TEXT_MAX). */
const FORM_FIELD_BYTES = 16 * 1024;
const FORM_FIELDS_MAX = 64;

export type BodyOutcome =
  | { kind: 'incoming'; incoming: Incoming; cleanup(): void }
  /** Answer this code now; the rest of the body is not read. */
  | { kind: 'refused'; code: number };

const refused = (code: number): BodyOutcome => ({ kind: 'refused', code });

function declaredLength(req: http.IncomingMessage): number | null {
  const v = req.headers['content-length'];
  return v === undefined ? null : Number(v);
}

/** `{"msg_id":"1052", …`: the operation, when the body starts with it. */
const LEADING_MSG_ID = /^\s*\{\s*"msg_id"\s*:\s*"?(\d{1,6})"?\s*[,}]/;

export function readJsonBody(ctx: EmulatorContext, req: http.IncomingMessage, session: string | null): Promise<BodyOutcome> {
  const loggedIn = ctx.sessions.touch(session);
  let cap = loggedIn ? JSON_BODY_CEILING : SESSIONLESS_BODY_MAX;
  const overCap = () => refused(loggedIn ? PARAM_ERROR : NOT_LOGGED_IN);
  const declared = declaredLength(req);
  if (declared !== null && declared > cap) return Promise.resolve(overCap());
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let peeked = !loggedIn;
    let done = false;
    const finish = (o: BodyOutcome) => {
      if (done) return;
      done = true;
      chunks.length = 0;
      resolve(o);
    };
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (!peeked && (size >= 32 || c.includes(0x2c))) {
        peeked = true;
        const m = LEADING_MSG_ID.exec(
          Buffer.concat([...chunks, c])
            .subarray(0, 64)
            .toString('latin1'),
        );
        if (m) {
          const op = OPERATION_BY_MSG_ID.get(m[1]!);
          if (!op || op.via !== 'json') return finish(refused(MSG_ID_ERROR));
          cap = bodyLimits(op).bytes;
        }
      }
      if (size > cap) return finish(overCap());
      chunks.push(c);
    });
    req.on('end', () => {
      if (done) return;
      let v: unknown;
      try {
        v = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        v = null;
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return finish(refused(PARAM_ERROR));
      const fields = v as Record<string, unknown>;
      // A body that did not start with msg_id is held to its operation's cap once read.
      const op =
        typeof fields.msg_id === 'string' || typeof fields.msg_id === 'number' ? OPERATION_BY_MSG_ID.get(String(fields.msg_id)) : undefined;
      if (op && op.via === 'json' && size > bodyLimits(op).bytes) return finish(refused(PARAM_ERROR));
      finish({ kind: 'incoming', incoming: { via: 'json', fields, session }, cleanup: () => {} });
    });
    req.on('error', () => finish(refused(PARAM_ERROR)));
  });
}

/** A file part kept on disk: `data` reads it when a handler asks. */
function diskFile(filename: string, file: string, size: number): ReceivedFile {
  return {
    filename,
    size,
    get data() {
      return fs.readFileSync(file);
    },
  };
}

export function readFormBody(ctx: EmulatorContext, req: http.IncomingMessage, session: string | null): Promise<BodyOutcome> {
  // No form operation is public: without a session there is nothing to read.
  if (!ctx.sessions.touch(session)) return Promise.resolve(refused(NOT_LOGGED_IN));
  return new Promise((resolve) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fieldSize: FORM_FIELD_BYTES, fields: FORM_FIELDS_MAX },
      });
    } catch {
      resolve(refused(PARAM_ERROR));
      return;
    }
    const fields: Record<string, string> = {};
    const files: Record<string, ReceivedFile> = {};
    const onDisk: string[] = [];
    const writing: Array<Promise<void>> = [];
    const outs: fs.WriteStream[] = [];
    let op: Operation | undefined;
    let limits: BodyLimits | undefined;
    let fileCount = 0;
    let total = 0;
    let done = false;

    const cleanup = () => {
      for (const f of onDisk) fs.rmSync(f, { force: true });
    };
    const refuse = (code: number) => {
      if (done) return;
      done = true;
      req.unpipe(bb);
      // The rest of the body is read and thrown away (the answer says Connection: close).
      req.resume();
      for (const k of Object.keys(files)) delete files[k];
      for (const out of outs) out.destroy();
      void Promise.allSettled(writing).then(cleanup);
      resolve(refused(code));
    };
    const count = (n: number) => {
      total += n;
      if (limits && total > limits.bytes) refuse(PARAM_ERROR);
    };

    bb.on('field', (name, value, info) => {
      if (done) return;
      if (info.valueTruncated || info.nameTruncated) return refuse(PARAM_ERROR);
      count(name.length + value.length);
      if (name === 'msg_id' && !op) {
        op = OPERATION_BY_MSG_ID.get(value);
        if (!op || op.via !== 'form') return refuse(MSG_ID_ERROR);
        limits = bodyLimits(op);
      }
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (done || !limits) {
        stream.resume();
        // msg_id must come before any file (see the head of this file).
        return refuse(PARAM_ERROR);
      }
      if (++fileCount > limits.files) {
        stream.resume();
        return refuse(PARAM_ERROR);
      }
      const filename = info.filename ?? name;
      const max = limits.fileBytes;
      let size = 0;
      if (max > LARGE_FILE_BYTES) {
        const dir = path.join(ctx.options.dataDir, 'uploads');
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, crypto.randomUUID());
        onDisk.push(file);
        const out = fs.createWriteStream(file);
        outs.push(out);
        stream.on('data', (c: Buffer) => {
          size += c.length;
          count(c.length);
          if (size > max) refuse(PARAM_ERROR);
        });
        writing.push(
          new Promise<void>((res) => {
            out.on('close', () => res());
            out.on('error', () => res());
          }),
        );
        stream.pipe(out);
        stream.on('end', () => {
          if (!done) files[name] = diskFile(filename, file, size);
        });
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (done) return;
        size += c.length;
        count(c.length);
        if (size > max) return refuse(PARAM_ERROR);
        chunks.push(c);
      });
      stream.on('end', () => {
        if (!done) {
          const data = Buffer.concat(chunks);
          files[name] = { filename, data };
        }
      });
    });
    bb.on('fieldsLimit', () => refuse(PARAM_ERROR));
    bb.on('close', () => {
      if (done) return;
      done = true;
      void Promise.all(writing).then(() => resolve({ kind: 'incoming', incoming: { via: 'form', fields, files, session }, cleanup }));
    });
    bb.on('error', () => refuse(PARAM_ERROR));
    req.pipe(bb);
  });
}
