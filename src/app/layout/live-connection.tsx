// The app's one alarm socket: started with the signed-in layout, stopped at
// logout, resumed (with a backfill of what was missed) after a re-login.
// Pages read the live store; only this file touches the socket.
import { Badge, Tooltip } from 'antd';
import { useEffect } from 'react';
import { callOn } from '../../api/device';
import { useT } from '../../i18n';
import { browserWsUrl, connectLive, liveStore, useLiveStatus, type LiveSocket, type LiveState } from '../../live';
import { nodeBase } from '../../session/node-store';

let socket: LiveSocket | null = null;
let socketNode: string | null = null;

/** The socket of the node shown (fleet mode: another node's page means another socket, and its alarms only). */
function liveSocket(node: string): LiveSocket {
  if (socketNode !== node) {
    socket?.stop();
    if (socketNode !== null) liveStore.getState().clear();
    socket = connectLive({ call: callOn(node), wsUrl: () => browserWsUrl(nodeBase(node)) });
    socketNode = node;
  }
  return socket!;
}

/** Mount once inside the signed-in layout; null (the fleet's own pages): no socket. */
export function useLiveConnection(node: string | null): void {
  useEffect(() => {
    if (node === null) return;
    const s = liveSocket(node);
    // resume() starts a stopped socket and backfills the gap since it stopped.
    s.resume();
    return () => s.stop();
  }, [node]);
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
