/// <reference lib="webworker" />
// The live push's WebSocket, off the main thread: frames are parsed and their
// scene frames decoded here (push-decode.ts); the page gets small messages and
// the frames' bytes, moved, not copied. The socket logic (keys, acks, backoff, backfill) stays on the
// main thread in live-socket.ts; this is only the wire.
import { decodePush } from './push-decode';
import { webSocketTransport } from './push-transport';
import { serveSockets } from './push-worker-core';
import type { WorkerCommand } from './push-worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const serve = serveSockets((r, move) => self.postMessage(r, move), webSocketTransport(WebSocket, decodePush));
self.onmessage = (ev: MessageEvent<WorkerCommand>) => serve(ev.data);
