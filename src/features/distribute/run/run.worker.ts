/// <reference lib="webworker" />
// The distribution's requests, off the page's main thread (run-core.ts).
import { serveRun } from './run-core';
import type { RunCommand } from './run-protocol';

declare const self: DedicatedWorkerGlobalScope;

const serve = serveRun((r) => self.postMessage(r));
self.onmessage = (ev: MessageEvent<RunCommand>) => serve(ev.data);
