// The restart overlay's one question to the device: are you there, and do you
// still know us? It has its own client on purpose: the app's client ends the
// session at the first -141, which would tear the overlay down before it could
// say that the device is back. Here -141 is news ("it restarted"), not an end.
import { createClient } from '../../../api/client';
import { DeviceError } from '../../../api/errors';
import { getVersion } from '../../../api/protocol/system';
import { PROBE_TIMEOUT_MS, type ProbeResult } from '../utils/restart-machine';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { nodeBase } from '../../../session/node-store';

export type Probe = (signal: AbortSignal) => Promise<ProbeResult>;

/** A probe that asks the node's 1281 with the session the page had when the restart began. */
export function versionProbe(sessionId: string | null, node: string, timeoutMs = PROBE_TIMEOUT_MS): Probe {
  const call = createClient({ baseUrl: nodeBase(node), getSession: () => sessionId });
  return async (signal) => {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const stop = () => timeout.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      await call(getVersion, {}, { signal: timeout.signal });
      return 'same-session';
    } catch (e) {
      // The device answered: with -141 it has forgotten us (it restarted); any other code, it is up.
      if (e instanceof DeviceError) return e.code === ErrorCode.NOT_LOGGED_IN ? 'new-session' : 'same-session';
      // A network failure, a proxy's 5xx, an answer that is not the device's, or our timeout.
      return 'unreachable';
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  };
}
