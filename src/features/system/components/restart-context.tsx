// Any part of the system page that makes the device restart hands over here.
// While the overlay shows, the page's sections are not rendered: their polls
// (CPU, memory) would only fail while the device is away.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { sessionOf, useSessionStore } from '../../../session/session-store';
import { deviceQueries } from '../../../api/queries/device';
import { versionProbe, type Probe } from '../api/restart-probe';
import type { RestartReason } from '../utils/restart-machine';
import { RestartOverlay } from './restart-overlay';

interface RestartApi {
  /** The device accepted a restarting request: follow it. */
  begin(reason: RestartReason): void;
}

const RestartContext = createContext<RestartApi | null>(null);

export function useRestart(): RestartApi {
  const api = useContext(RestartContext);
  if (!api) throw new Error('useRestart outside RestartProvider');
  return api;
}

/** The device id for titles and confirmations; the serial as a fallback, then a dash. */
export function useDeviceName(): string {
  const version = useQuery(deviceQueries.version());
  return version.data?.device_id || version.data?.serial_id || '—';
}

interface Active {
  reason: RestartReason;
  probe: Probe;
  /** The node and session the restart took down: only that session ends when the device is back. */
  node: string;
  session: string | null;
}

export function RestartProvider({
  children,
  makeProbe = versionProbe,
  onBack,
  pollMs,
}: {
  children: ReactNode;
  /** Tests give a fake device. */
  makeProbe?: (sessionId: string | null, node: string) => Probe;
  /** Default: end the session; the session guard then opens the login page with `next` back here. */
  onBack?: () => void;
  /** Tests poll faster than the overlay's 2 s. */
  pollMs?: number;
}) {
  const queryClient = useQueryClient();
  const deviceName = useDeviceName();
  const [active, setActive] = useState<Active | null>(null);

  const begin = useCallback(
    (reason: RestartReason) => {
      void queryClient.cancelQueries();
      const { node, sessionId } = useSessionStore.getState();
      setActive({ reason, probe: makeProbe(sessionId, node), node, session: sessionId });
    },
    [queryClient, makeProbe],
  );
  const api = useMemo(() => ({ begin }), [begin]);

  const back = useCallback(() => {
    if (onBack) return onBack();
    // Every session died with the restart: back to the page, where the password
    // is asked for over it (the session dialog says the device restarted). A poll's
    // -141 can open that dialog before the probe sees the device back, and the user
    // may have signed in already: that new session is not the restart's to end.
    if (active) {
      const now = sessionOf(active.node);
      if (now.sessionId === null || now.sessionId === active.session) useSessionStore.getState().expire('restart', active.node);
    }
    setActive(null);
  }, [onBack, active]);

  return (
    <RestartContext.Provider value={api}>
      {active ? (
        <RestartOverlay
          reason={active.reason}
          deviceName={deviceName}
          probe={active.probe}
          onBack={back}
          onAbandon={() => setActive(null)}
          pollMs={pollMs}
        />
      ) : (
        children
      )}
    </RestartContext.Provider>
  );
}
