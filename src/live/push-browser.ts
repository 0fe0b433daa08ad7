// The browser's transport for the live socket. Apart from push-transport.ts so
// that the worker's own bundle does not contain the `new Worker(...)` below.
import { webSocketTransport, workerTransport, type OpenTransport, type WorkerLike } from './push-transport';

let shared: OpenTransport | null = null;

/**
 * The worker when there are workers, else this thread. One worker for the
 * page: a node's socket and the merged wall's sockets (one per node) are all
 * opened in it.
 */
export function browserTransport(): OpenTransport {
  if (shared) return shared;
  if (typeof Worker === 'undefined') return (shared = webSocketTransport());
  return (shared = workerTransport(
    () => new Worker(new URL('./push-worker.ts', import.meta.url), { type: 'module', name: 'live push' }) as unknown as WorkerLike,
  ));
}
