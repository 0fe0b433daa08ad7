// The push worker's body, apart from the worker global so a test can drive it.
import { framesToMove } from './push-decode';
import type { OpenTransport, PushTransport } from './push-transport';
import type { WorkerCommand, WorkerReport } from './push-worker-protocol';

/** Opens, feeds and closes sockets as the main thread says; tells it what happens (moving, not copying, frames). */
export function serveSockets(
  report: (r: WorkerReport, move: ArrayBuffer[]) => void,
  openSocket: OpenTransport,
): (c: WorkerCommand) => void {
  const sockets = new Map<number, PushTransport>();
  return (c) => {
    switch (c.type) {
      case 'open':
        try {
          sockets.set(
            c.id,
            openSocket(c.url, {
              onOpen: () => report({ type: 'open', id: c.id }, []),
              onMessage: (message) => report({ type: 'message', id: c.id, message }, framesToMove(message)),
              onClose: (code) => {
                sockets.delete(c.id);
                report({ type: 'close', id: c.id, code }, []);
              },
            }),
          );
        } catch {
          report({ type: 'close', id: c.id, code: 1006 }, []);
        }
        break;
      case 'send':
        sockets.get(c.id)?.send(c.text);
        break;
      case 'close':
        sockets.get(c.id)?.close(c.code);
        sockets.delete(c.id);
        break;
    }
  };
}
