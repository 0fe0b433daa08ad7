// The browser's transport for the live socket. Apart from push-transport.ts so
// that the worker's own bundle does not contain the `new Worker(...)` below.
import { webSocketTransport, workerTransport, type OpenTransport, type WorkerLike } from './push-transport';

/** The worker when there are workers, else this thread. */
export function browserTransport(): OpenTransport {
  if (typeof Worker === 'undefined') return webSocketTransport();
  return workerTransport(
    () => new Worker(new URL('./push-worker.ts', import.meta.url), { type: 'module', name: 'live push' }) as unknown as WorkerLike,
  );
}
