// A call to one of several target nodes (enrol once to many, a search across
// nodes): the node shown waits for its re-login like any call, so its page and
// the user's input stay; another node's -141 fails at once (its sign-in is its
// own page's, nobody would see a dialog for it), and a node that does not
// answer fails after TARGET_TIMEOUT_MS. Either way the other nodes go on.
import type { Call } from './client';
import { callOn } from './device';
import { currentNode } from '../session/node-store';

/** A 1030 chunk of 20 photos takes a node seconds; a minute is a node that is not answering. */
export const TARGET_TIMEOUT_MS = 60_000;

export function targetCall(node: string, timeoutMs: number = TARGET_TIMEOUT_MS): Call {
  const shown = node === currentNode();
  const c = callOn(node, { wait: shown });
  if (shown) return c;
  return (op, req, opts = {}) => {
    const bound = AbortSignal.timeout(timeoutMs);
    return c(op, req, { ...opts, signal: opts.signal ? AbortSignal.any([opts.signal, bound]) : bound });
  };
}
