// Any part of the system page that makes the device restart hands over here.
// While the overlay shows, the page's sections are not rendered: their polls
// (CPU, memory) would only fail while the device is away.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useSessionStore } from '../../../session/session-store';
import { deviceQueries } from '../../../api/queries/device';
import { versionProbe, type Probe } from '../../../api/settings/restart-probe';
import type { RestartReason } from '../../../api/settings/restart-machine';
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
}

export function RestartProvider({
  children,
  makeProbe = versionProbe,
  onBack,
  pollMs,
}: {
  children: ReactNode;
  /** Tests give a fake device. */
  makeProbe?: (sessionId: string | null) => Probe;
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
      setActive({ reason, probe: makeProbe(useSessionStore.getState().sessionId) });
    },
    [queryClient, makeProbe],
  );
  const api = useMemo(() => ({ begin }), [begin]);

  const back = useCallback(() => {
    if (onBack) return onBack();
    // Every session died with the restart: back to the page, where the password
    // is asked for over it (the session dialog says the device restarted).
    useSessionStore.getState().expire('restart');
    setActive(null);
  }, [onBack]);

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
