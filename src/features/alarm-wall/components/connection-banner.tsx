// The stream's state in words on the wall itself (the header's light is gone in
// kiosk mode, and a wall monitor is read from across the room): why it is down,
// when the next try is, and after a gap how many alarms came back from history.
import { Alert } from 'antd';
import { memo, useEffect, useEffectEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { hrefs } from '../../../config/paths';
import { DEVICE_ERRORS } from '../../../api/protocol/errors';
import { useLang } from '../../../i18n';
import { useLiveStatus, useLiveStore, type LiveReason, type LiveStatus } from '../../../live';
import { useTicked } from '../lib/ticker';
import { useWallT, type WallT } from '../messages';

const RECOVERED_SHOW_MS = 15_000;

export function reasonWords(reason: LiveReason | null, t: WallT, lang: string): string {
  if (!reason) return '';
  switch (reason.type) {
    case 'close':
      return t('status.reasonClose', { code: reason.code });
    case 'device': {
      const known = DEVICE_ERRORS[reason.code];
      const words = known ? (lang === 'zh-CN' ? known.zhCN : known.en) : '';
      return words ? `${words} (${reason.code})` : String(reason.code);
    }
    case 'network':
      return t('status.reasonNetwork');
    case 'ack-timeout':
      return t('status.reasonAck');
    case 'browser-offline':
      return t('status.reasonBrowserOffline');
    case 'sleep':
      return t('status.reasonSleep');
    case 'stop':
      return '';
  }
}

function Retry({ status }: { status: LiveStatus }) {
  const t = useWallT();
  const seconds = useTicked((now) => (status.retryAt === null ? null : Math.max(0, Math.ceil((status.retryAt - now) / 1000))));
  if (seconds === null) return null;
  return <>{seconds > 0 ? t('status.retryIn', { seconds }) : t('status.retrying')}</>;
}

export const ConnectionBanner = memo(function ConnectionBanner() {
  const t = useWallT();
  const lang = useLang();
  const status = useLiveStatus();
  const backfilled = useLiveStore((s) => s.counters.backfilled);
  const notShown = useLiveStore((s) => s.counters.notShown);
  const capacity = useLiveStore((s) => s.capacity);
  const downSince = useRef<{ backfilled: number; notShown: number } | null>(null);
  const [recovered, setRecovered] = useState<{ backfilled: number; notShown: number; until: number } | null>(null);

  // On each change of state, with the counters as they are at that moment.
  const onState = useEffectEvent((state: typeof status.state) => {
    if (state !== 'live') {
      const down = state === 'reconnecting' || state === 'offline' || state === 'refused';
      if (down && downSince.current === null) downSince.current = { backfilled, notShown };
      return;
    }
    if (downSince.current !== null) {
      setRecovered({ ...downSince.current, until: Date.now() + RECOVERED_SHOW_MS });
      downSince.current = null;
    }
  });
  useEffect(() => onState(status.state), [status.state]);

  const showRecovered = useTicked((now) => recovered !== null && now < recovered.until);

  if (status.state === 'live') {
    if (!recovered || !showRecovered) return null;
    // A long outage can miss more than the wall keeps: say where the rest are.
    const older = Math.max(0, notShown - recovered.notShown);
    return (
      <Alert
        className="wall-banner"
        type={older > 0 ? 'info' : 'success'}
        showIcon
        title={t('status.recovered', { count: Math.max(0, backfilled - recovered.backfilled) })}
        description={
          older > 0 ? (
            <>
              {t('status.recoveredOlder', { count: older, capacity })}{' '}
              <Link to={hrefs.records({ tab: 'alarms' })}>{t('detail.history')}</Link>
            </>
          ) : undefined
        }
      />
    );
  }
  const type = status.state === 'offline' || status.state === 'refused' ? 'error' : status.state === 'reconnecting' ? 'warning' : 'info';
  const why = reasonWords(status.reason, t, lang);
  const down = status.state === 'reconnecting' || status.state === 'offline' || status.state === 'refused';
  return (
    <Alert
      // "--down" frames a kiosk wall in colour: not live must read from across the room.
      className={down ? 'wall-banner wall-banner--down' : 'wall-banner'}
      type={type}
      showIcon
      title={t(`status.${status.state}`)}
      description={
        down ? (
          <>
            {why}
            {why && status.retryAt !== null ? ' · ' : null}
            <Retry status={status} />
            {'. '}
            {t('status.gapNote')}
          </>
        ) : (
          why || undefined
        )
      }
    />
  );
});
