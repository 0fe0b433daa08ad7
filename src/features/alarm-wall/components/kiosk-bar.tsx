// Kiosk mode's only chrome: the clock, the stream's state, the counts, and the
// few buttons a wall monitor needs (touch or keyboard).
import {
  CheckOutlined,
  CompressOutlined,
  ExpandOutlined,
  LogoutOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
} from '../../../components/icons';
import { Badge, Button } from 'antd';
import { memo } from 'react';
import { useLang } from '../../../i18n';
import { useLiveStatus, type LiveState } from '../../../live';
import { deviceClock } from '../lib/device-time';
import { useTicked } from '../lib/ticker';
import { useWallT } from '../messages';
import { SoundControls } from './sound-controls';

const DOT: Record<LiveState, string> = {
  live: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  refused: 'error',
  offline: 'error',
  stopped: 'default',
};

const Clock = memo(function Clock() {
  const t = useWallT();
  const lang = useLang();
  // The device's clock, not this PC's: the cards beside it carry the device's times.
  // Its wall time is naive (read as UTC), so it is formatted in UTC.
  const onDevice = (now: number, parts: Intl.DateTimeFormatOptions) =>
    new Date(deviceClock.wallNow(now)).toLocaleString(lang, { timeZone: 'UTC', ...parts });
  const time = useTicked((now) => onDevice(now, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }));
  const date = useTicked((now) => onDevice(now, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }));
  return (
    <div className="wall-clock" role="timer" aria-label={t('kiosk.clock')}>
      <span className="wall-clock__time">{time}</span>
      <span className="wall-clock__date">{date}</span>
    </div>
  );
});

export interface KioskBarProps {
  paused: boolean;
  pausedCount: number;
  onTogglePause(): void;
  unacknowledged: number;
  onAckAll(): void;
  hidden: number;
  fullscreen: boolean;
  onFullscreen(): void;
  onExit(): void;
  /** The merged wall: each node's state, instead of the one stream's. */
  states?: React.ReactNode;
}

export function KioskBar(p: KioskBarProps) {
  const t = useWallT();
  const status = useLiveStatus();
  return (
    <header className="wall-kiosk__bar">
      <Clock />
      <h1 className="wall-kiosk__title">{t('page.title')}</h1>
      {p.states ?? (
        <span className="wall-kiosk__status">
          <Badge status={DOT[status.state] as 'success'} text={t(`status.${status.state === 'live' ? 'live' : status.state}`)} />
        </span>
      )}
      {p.hidden > 0 ? <span className="wall-kiosk__more">{t('kiosk.more', { count: p.hidden })}</span> : null}
      <span className="wall-kiosk__spacer" />
      <Badge count={p.paused ? p.pausedCount : 0} overflowCount={9999}>
        <Button icon={p.paused ? <PlayCircleOutlined /> : <PauseCircleOutlined />} aria-pressed={p.paused} onClick={p.onTogglePause}>
          {p.paused ? t('action.resume') : t('action.pause')}
        </Button>
      </Badge>
      <Button icon={<CheckOutlined />} onClick={p.onAckAll} disabled={p.unacknowledged === 0}>
        {p.unacknowledged > 0 ? t('action.ackAllCount', { count: p.unacknowledged }) : t('action.ackAll')}
      </Button>
      <SoundControls compact />
      <Button icon={p.fullscreen ? <CompressOutlined /> : <ExpandOutlined />} onClick={p.onFullscreen}>
        {p.fullscreen ? t('action.exitFullscreen') : t('action.fullscreen')}
      </Button>
      <Button icon={<LogoutOutlined />} onClick={p.onExit}>
        {t('action.exitKiosk')}
      </Button>
    </header>
  );
}
