// One alarm on the wall. Memoised: a flush re-renders only the cards whose
// alarm object changed (new, or acknowledged); the time text ticks on its own.
// Plain elements, no antd inside: up to hundreds of cards mount a second at
// high rates, and antd's Button/Tag/Tooltip cost several times a <button>.
import { CheckOutlined, HistoryOutlined, WarningFilled } from '../../../components/icons';
import { memo, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useLang } from '../../../i18n';
import { nodeLabel, useNodeStore } from '../../../session/node-store';
import { usePictureSrc, type LiveAlarm } from '../../../live';
import { bodySummary, faceSummary } from '../lib/attributes';
import { shortTime } from '../lib/device-time';
import { probeEnabled, probeMounted } from '../lib/wall-probe';
import { classify, type AlarmClass } from '../lib/wall-filters';
import { useWallT, type WallT } from '../messages';
import { Ago } from './ago';

export interface AlarmCardProps {
  alarm: LiveAlarm;
  /** A stranger at a camera that watches whitelists only. */
  strangerAlert: boolean;
  /** The roving tab stop of the grid. */
  tabStop: boolean;
  /** The device's date today ("yyyy-MM-dd"): older captures show their date. */
  today: string;
  /** By the alarm's key (its snap_id; `<node>:<snap_id>` on the merged wall). */
  onOpen(key: string): void;
  onAck(key: string): void;
  onFocusCard(key: string): void;
}

const CLASS_TAG: Record<AlarmClass, { key: 'class.blacklist' | 'class.whitelist' | 'class.stranger' | 'class.body' }> = {
  blacklist: { key: 'class.blacklist' },
  whitelist: { key: 'class.whitelist' },
  stranger: { key: 'class.stranger' },
  body: { key: 'class.body' },
};

/** Our own tag colours (wall.css): antd's presets are below 4.5:1 on small text. */
export function tagClass(cls: AlarmClass, strangerAlert = false): string {
  return `wall-tag wall-tag--${strangerAlert ? 'stranger-alert' : cls}`;
}

export function alarmTitle(alarm: LiveAlarm, t: WallT): string {
  if (alarm.kind === 'body') return t('card.body');
  return alarm.match?.person.name || t('card.unknown');
}

export function alarmLabel(alarm: LiveAlarm, t: WallT, strangerAlert: boolean, time: string, where: string | null = null): string {
  const cls = classify(alarm);
  const kind = strangerAlert ? t('class.strangerAlert') : t(CLASS_TAG[cls].key);
  const similarity = alarm.kind === 'face' && alarm.match ? `${t('card.similarity', { value: alarm.match.similarity })}, ` : '';
  return t('card.label', {
    kind,
    name: alarmTitle(alarm, t),
    similarity,
    camera: `${alarm.cameraName || t('card.channel', { channel: alarm.channel })}${where === null ? '' : ` (${where})`}`,
    time,
    state: alarm.acknowledged ? t('card.acked') : t('card.unacked'),
  });
}

/** The merged wall: which node (and site) an alarm came from; null on one node's wall. */
export function useNodeText(node: string | undefined): string | null {
  return useNodeStore((s) => {
    if (node === undefined) return null;
    return nodeLabel(
      s.nodes.find((n) => n.id === node),
      node,
    );
  });
}

export const AlarmCard = memo(function AlarmCard({ alarm, strangerAlert, tabStop, today, onOpen, onAck, onFocusCard }: AlarmCardProps) {
  const t = useWallT();
  const lang = useLang();
  const cls = classify(alarm);
  const match = alarm.kind === 'face' ? alarm.match : null;
  const title = alarmTitle(alarm, t);
  const time = shortTime(alarm.trigger, today);
  const attrs = alarm.kind === 'face' ? faceSummary(lang, alarm.faceAttr) : bodySummary(lang, alarm.bodyAttr);
  const urgent = cls === 'blacklist' && !alarm.acknowledged;
  const snapSrc = usePictureSrc(alarm.snap);
  const photoSrc = usePictureSrc(match?.photo);
  const where = useNodeText(alarm.node);

  const capture = useRef<HTMLImageElement>(null);
  useLayoutEffect(() => {
    if (probeEnabled) probeMounted(alarm.key, capture.current);
  }, [alarm.key]);

  const className = [
    'wall-card',
    `wall-card--${cls}`,
    urgent ? 'wall-card--urgent' : '',
    strangerAlert ? 'wall-card--stranger-alert' : '',
    alarm.acknowledged ? 'wall-card--acked' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const ack = (e: MouseEvent) => {
    e.stopPropagation();
    onAck(alarm.key);
  };
  // The button handles its own keys; the grid handles the card's.
  const stopKeys = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
  };

  return (
    <article
      className={className}
      aria-label={alarmLabel(alarm, t, strangerAlert, time, where)}
      tabIndex={tabStop ? 0 : -1}
      data-snap-id={alarm.key}
      onClick={() => onOpen(alarm.key)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusCard(alarm.key);
      }}
    >
      <div className="wall-card__pics">
        <img ref={capture} className="wall-card__pic" src={snapSrc} alt={t('card.capture')} decoding="async" width={112} height={112} />
        {match ? (
          <>
            <img
              className="wall-card__pic"
              src={photoSrc}
              alt={t('card.libraryPhoto', { name: match.person.name || match.imgId })}
              decoding="async"
              width={112}
              height={112}
            />
            <span className="wall-card__sim" aria-hidden>
              {match.similarity}%
            </span>
          </>
        ) : null}
      </div>
      <div className="wall-card__body">
        <div className="wall-card__head">
          <span className="wall-card__name" title={title}>
            {title}
          </span>
          <span className={`wall-card__tag ${tagClass(cls, strangerAlert)}`}>
            {cls === 'blacklist' || strangerAlert ? <WarningFilled aria-hidden /> : null}{' '}
            {strangerAlert ? t('class.stranger') : t(CLASS_TAG[cls].key)}
          </span>
        </div>
        <div className="wall-card__line" title={attrs}>
          {match?.libName ? <span className="wall-card__lib">{match.libName}</span> : null}
          {match?.libName && attrs ? ' · ' : null}
          {attrs}
        </div>
        <div className="wall-card__line" title={where === null ? alarm.position : `${where} · ${alarm.position}`}>
          {/* The merged wall: the node (and site) first, the part that tells walls of several nodes apart. */}
          {where !== null ? <span className="wall-card__node">{where} · </span> : null}
          {alarm.cameraName || t('card.channel', { channel: alarm.channel })}
        </div>
        <div className="wall-card__time">
          <time dateTime={alarm.trigger.replace(' ', 'T')}>{time}</time> · <Ago at={alarm.at} />
        </div>
        <div className="wall-card__foot">
          {alarm.backfilled ? (
            <span className="wall-tag wall-tag--recovered" title={t('card.fromHistoryHint')}>
              <HistoryOutlined aria-hidden /> {t('card.fromHistory')}
            </span>
          ) : null}
          <span className="wall-card__spacer" />
          {alarm.acknowledged ? (
            <span className="wall-card__acked">
              <CheckOutlined aria-hidden /> {t('card.acked')}
            </span>
          ) : (
            <button
              type="button"
              className={urgent ? 'wall-ack wall-ack--urgent' : 'wall-ack'}
              onClick={ack}
              onKeyDown={stopKeys}
              aria-label={t('card.ackNamed', { name: title })}
              tabIndex={tabStop ? 0 : -1}
            >
              {t('card.ack')}
            </button>
          )}
        </div>
      </div>
    </article>
  );
});
