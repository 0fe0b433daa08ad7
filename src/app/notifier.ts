// Failures no page handles go here; the authenticated layout (which loads antd)
// plugs in a sink that shows a notification. Before it is there (the login page,
// the first instant after login) the last few wait, so none is lost.
type Sink = (error: unknown) => void;

const PENDING_MAX = 3;
let sink: Sink | null = null;
const pending: unknown[] = [];

export function reportError(error: unknown): void {
  if (sink) {
    sink(error);
    return;
  }
  pending.push(error);
  if (pending.length > PENDING_MAX) pending.shift();
}

export function setErrorSink(next: Sink): () => void {
  sink = next;
  for (const e of pending.splice(0)) next(e);
  return () => {
    if (sink === next) sink = null;
  };
}
