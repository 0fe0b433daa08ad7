// Starts worker.ts in its thread. Node 20 applies no `--import tsx` given in a
// Worker's execArgv (ERR_UNKNOWN_FILE_EXTENSION), so the worker registers tsx
// itself: this works the same under `tsx`, vitest and plain node.
import { workerData } from 'node:worker_threads';

const { tsImport } = await import('tsx/esm/api');
await tsImport(workerData.entry, import.meta.url);
