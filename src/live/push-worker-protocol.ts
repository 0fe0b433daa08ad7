// What the main thread and the push worker say to each other (push-transport.ts, push-worker.ts).
import type { PushMessage } from './live-event';

export type WorkerCommand =
  | { readonly type: 'open'; readonly id: number; readonly url: string }
  | { readonly type: 'send'; readonly id: number; readonly text: string }
  | { readonly type: 'close'; readonly id: number; readonly code: number };

export type WorkerReport =
  | { readonly type: 'open'; readonly id: number }
  | { readonly type: 'message'; readonly id: number; readonly message: PushMessage }
  /** The socket closed (or could not be made: 1006); the id is done. */
  | { readonly type: 'close'; readonly id: number; readonly code: number };
