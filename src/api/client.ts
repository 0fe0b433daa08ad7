// The only code that talks to /api/json and /api/form. It checks the envelope
// once, turns a non-zero code into a DeviceError and validates every answer
// against the protocol's schema, so nothing untyped leaves src/api.
import type { z } from 'zod';
import type { AnswerOf, Envelope, FileSpec, Operation, RequestOf } from './protocol/operation';
import { DeviceError, NetworkError, ProtocolError, RequestError } from './errors';
import { ErrorCode } from './protocol/error-codes';

export interface ClientOptions {
  /** '' in the browser (same origin, through the proxy); the emulator's URL in Node tests. */
  baseUrl?: string;
  /** The current session id, or null before login. */
  getSession: () => string | null;
  /** Told of every -141 with the session the call carried, so the app can end that session. */
  onSessionExpired?: (sessionSent: string | null) => void;
  /**
   * After a -141: resolves true once a new session is there (the user signed in
   * again over the page, or a kiosk renewed itself), false if the user gave up.
   * On true the call that met the expiry is sent again, once, with the new
   * session: a Save pressed as the session ran out is not lost.
   */
  renewSession?: () => Promise<boolean>;
  /** The fleet's node this client speaks to: its failures to connect name it, not the console's own address. */
  node?: string;
  fetch?: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Upload progress needs XMLHttpRequest; fetch cannot report it. */
  onUploadProgress?: (sent: number, total: number) => void;
}

export type Call = <Op extends Operation>(op: Op, req: RequestOf<Op>, opts?: CallOptions) => Promise<AnswerOf<Op>>;

function fileName(part: Blob, fallback: string): string {
  return typeof File !== 'undefined' && part instanceof File && part.name ? part.name : fallback;
}

function formBody(op: Operation, fields: Record<string, unknown>, req: Record<string, unknown>): FormData {
  const form = new FormData();
  form.append('msg_id', op.msgId);
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined && v !== null) form.append(k, String(v));
  }
  const spec: FileSpec = op.files ?? {};
  for (const [name, arity] of Object.entries(spec)) {
    const value = req[name];
    if (arity === 'one') {
      if (!(value instanceof Blob)) throw new RequestError(op.name, `missing file ${name}`);
      form.append(name, value, fileName(value, `${name}.jpg`));
    } else {
      // §3.19: files are numbered img_1, img_2 … under the prefix.
      const parts = Array.isArray(value) ? (value as Blob[]) : [];
      if (parts.length === 0) throw new RequestError(op.name, `no files for ${name}*`);
      parts.forEach((p, i) => form.append(`${name}${i + 1}`, p, fileName(p, `${name}${i + 1}.jpg`)));
    }
  }
  return form;
}

function xhrPost(url: string, body: FormData, headers: Record<string, string>, opts: CallOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => opts.onUploadProgress?.(e.loaded, e.total);
    xhr.onload = () => resolve(new Response(xhr.responseText, { status: xhr.status }));
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

export function createClient(options: ClientOptions): Call {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  return async function call<Op extends Operation>(op: Op, req: RequestOf<Op>, opts: CallOptions = {}) {
    try {
      return await send(op, req, opts);
    } catch (e) {
      if (!(e instanceof DeviceError) || e.code !== ErrorCode.NOT_LOGGED_IN || op.public || !options.renewSession) throw e;
      if (!(await options.renewSession())) throw e;
      opts.signal?.throwIfAborted();
      return send(op, req, opts);
    }
  };

  async function send<Op extends Operation>(op: Op, req: RequestOf<Op>, opts: CallOptions): Promise<AnswerOf<Op>> {
    const parsed = op.request.safeParse(req);
    if (!parsed.success) throw new RequestError(op.name, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const fields = parsed.data as Record<string, unknown>;

    const headers: Record<string, string> = {};
    const session = options.getSession();
    if (session && !op.public) headers.sessionid = session;

    let response: Response;
    try {
      if (op.via === 'json') {
        headers['Content-Type'] = 'application/json';
        response = await doFetch(`${base}/api/json`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ msg_id: op.msgId, ...fields }),
          signal: opts.signal,
        });
      } else {
        const body = formBody(op, fields, req as Record<string, unknown>);
        response =
          opts.onUploadProgress && typeof XMLHttpRequest !== 'undefined'
            ? await xhrPost(`${base}/api/form`, body, headers, opts)
            : await doFetch(`${base}/api/form`, { method: 'POST', headers, body, signal: opts.signal });
      }
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new NetworkError(op.name, undefined, { cause: e, node: options.node });
    }
    if (!response.ok) throw new NetworkError(op.name, response.status, { node: options.node });

    let envelope: Envelope;
    try {
      envelope = (await response.json()) as Envelope;
    } catch {
      throw new ProtocolError(op.name, 'not JSON');
    }
    if (typeof envelope !== 'object' || envelope === null || typeof envelope.code !== 'number') {
      throw new ProtocolError(op.name, 'no envelope');
    }
    if (envelope.code !== 0) {
      if (envelope.code === ErrorCode.NOT_LOGGED_IN) options.onSessionExpired?.(headers.sessionid ?? null);
      throw new DeviceError(envelope.code, String(envelope.msg ?? ''), op.name);
    }
    const answer = (op.answer as z.ZodType).safeParse(envelope.data);
    if (!answer.success) {
      throw new ProtocolError(op.name, answer.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    return answer.data as AnswerOf<Op>;
  }
}
