// At most `slots` requests in flight; the rest wait in order. The overview
// asks for dozens of one-row counts on its first view (the request budget is
// in overview-queries.ts): sent all at once they would queue on the device
// anyway and starve the pages a user opens next. A waiting task whose signal
// aborts (its query was cancelled) leaves the queue without being sent.

export type Limiter = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function createLimiter(slots: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', onAbort);
        running++;
        task().then(resolve, reject).finally(next);
      };
      const onAbort = () => {
        const i = waiting.indexOf(start);
        if (i >= 0) waiting.splice(i, 1);
        reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
      };
      if (signal?.aborted) return onAbort();
      if (running < slots) return start();
      waiting.push(start);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}
