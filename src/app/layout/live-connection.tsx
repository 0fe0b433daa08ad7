// The app's one alarm socket: started with the signed-in layout, stopped at
// logout, resumed (with a backfill of what was missed) after a re-login.
// Pages read the live store; only this file touches the socket.
import { Badge, Tooltip } from 'antd';
import { useEffect } from 'react';
import { call } from '../../api/device';
import { useT } from '../../i18n';
import { connectLive, useLiveStatus, type LiveSocket, type LiveState } from '../../live';

let socket: LiveSocket | null = null;

function liveSocket(): LiveSocket {
  socket ??= connectLive({ call });
  return socket;
}

/** Mount once inside the signed-in layout. */
export function useLiveConnection(): void {
  useEffect(() => {
    const s = liveSocket();
    // resume() starts a stopped socket and backfills the gap since it stopped.
    s.resume();
    return () => s.stop();
  }, []);
}

const BADGE: Record<LiveState, 'success' | 'processing' | 'warning' | 'error' | 'default'> = {
  live: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  refused: 'error',
  offline: 'error',
  stopped: 'default',
};

/** The status light in the header: never a silent failure. */
export function LiveStatusLight() {
  const t = useT();
  const status = useLiveStatus();
  const reason = status.reason;
  const why =
    reason?.type === 'device'
      ? t('live.reason.code', { code: reason.code })
      : reason?.type === 'close'
        ? t('live.reason.close', { code: reason.code })
        : '';
  const retry =
    status.retryAt !== null ? t('live.retryIn', { seconds: Math.max(0, Math.round((status.retryAt - Date.now()) / 1000)) }) : '';
  const detail = [why, retry].filter(Boolean).join(' · ');
  return (
    <Tooltip title={detail || undefined}>
      <span className="shell__live" role="status" aria-label={`${t('live.label')}: ${t(`live.${status.state}`)}`}>
        <Badge status={BADGE[status.state]} text={t(`live.${status.state}`)} />
      </span>
    </Tooltip>
  );
}
