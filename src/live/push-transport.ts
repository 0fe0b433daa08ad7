// How the live socket talks to /ws/: an open socket that hands over parsed
// messages. In the browser the WebSocket lives in a worker (push-worker.ts),
// which parses each frame and decodes its scene picture, so the main thread only
// sees small events; elsewhere (Node tests, a browser without workers) the
// WebSocket is on the calling thread and parses there.
import { parsePushMessage, type PushMessage } from './live-event';
import type { WorkerCommand, WorkerReport } from './push-worker-protocol';

export interface PushTransportHandlers {
  onOpen(): void;
  onMessage(message: PushMessage): void;
  /** Once, after which nothing else is told. Not told after our own close(). */
  onClose(code: number): void;
}

export interface PushTransport {
  send(text: string): void;
  /** Ours: no onClose follows. */
  close(code?: number): void;
}

/** Throws when the socket cannot even be made (a bad URL). */
export type OpenTransport = (url: string, handlers: PushTransportHandlers) => PushTransport;

/** The WebSocket on this thread. */
export function webSocketTransport(
  Impl: typeof WebSocket = globalThis.WebSocket,
  parse: (text: string) => PushMessage = parsePushMessage,
): OpenTransport {
  return (url, h) => {
    const socket = new Impl(url);
    let done = false;
    socket.onopen = () => {
      if (!done) h.onOpen();
    };
    socket.onmessage = (ev: MessageEvent) => {
      if (done) return;
      h.onMessage(typeof ev.data === 'string' ? parse(ev.data) : { type: 'malformed', detail: 'a binary frame' });
    };
    socket.onclose = (ev: CloseEvent) => {
      if (done) return;
      done = true;
      h.onClose(ev.code);
    };
    // A close always follows an error; that is where we act.
    socket.onerror = () => {};
    return {
      send: (text) => {
        try {
          socket.send(text);
        } catch {
          // Closing already: its close is on the way.
        }
      },
      close: (code = 1000) => {
        done = true;
        try {
          socket.close(code);
        } catch {
          // already closing
        }
      },
    };
  };
}

export interface WorkerLike {
  postMessage(message: WorkerCommand): void;
  onmessage: ((ev: MessageEvent<WorkerReport>) => void) | null;
  onerror: ((ev: Event) => void) | null;
  terminate(): void;
}

/**
 * Sockets opened in a worker, made on first use. Should the worker fail (it
 * would not load, it crashed), its sockets count as closed (1006), and every
 * later socket is opened on this thread instead: slower, never silent.
 */
export function workerTransport(makeWorker: () => WorkerLike, fallback: OpenTransport = webSocketTransport()): OpenTransport {
  let worker: WorkerLike | null = null;
  let broken = false;
  let next = 0;
  const open = new Map<number, PushTransportHandlers>();

  function ensure(): WorkerLike | null {
    if (worker || broken) return worker;
    try {
      worker = makeWorker();
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (ev) => {
      const r = ev.data;
      const h = open.get(r.id);
      if (!h) return;
      if (r.type === 'open') h.onOpen();
      else if (r.type === 'message') h.onMessage(r.message);
      else {
        open.delete(r.id);
        h.onClose(r.code);
      }
    };
    worker.onerror = () => {
      broken = true;
      worker?.terminate();
      worker = null;
      const lost = [...open.values()];
      open.clear();
      for (const h of lost) h.onClose(1006);
    };
    return worker;
  }

  return (url, h) => {
    const w = ensure();
    if (!w) return fallback(url, h);
    const id = ++next;
    open.set(id, h);
    w.postMessage({ type: 'open', id, url });
    return {
      send: (text) => worker?.postMessage({ type: 'send', id, text }),
      close: (code = 1000) => {
        if (!open.delete(id)) return;
        worker?.postMessage({ type: 'close', id, code });
      },
    };
  };
}
