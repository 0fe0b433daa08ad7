// One alarm on the wall. Memoised: a flush re-renders only the cards whose
// alarm object changed (new, or acknowledged); the time text ticks on its own.
// Plain elements, no antd inside: up to hundreds of cards mount a second at
// high rates, and antd's Button/Tag/Tooltip cost several times a <button>.
import { CheckOutlined, HistoryOutlined, WarningFilled } from '../../../components/icons';
import { memo, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useLang } from '../../../i18n';
import { nodeLabel, useNodeStore } from '../../../session/node-store';
import { usePictureSrc, type LiveAlarm } from '../../../live';
import { cardView } from '../lib/card-view';
import { probeEnabled, probeMounted } from '../lib/wall-probe';
import { useWallT } from '../messages';
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

/** The merged wall: which node (and site) an alarm came from; null on one node's wall. */
export function useNodeText(node: string | undefined): string | null {
  return useNodeStore((s) => (node === undefined ? null : nodeLabel(node, s.nodes)));
}

export const AlarmCard = memo(function AlarmCard({ alarm, strangerAlert, tabStop, today, onOpen, onAck, onFocusCard }: AlarmCardProps) {
  const t = useWallT();
  const lang = useLang();
  const match = alarm.kind === 'face' ? alarm.match : null;
  const where = useNodeText(alarm.node);
  const v = cardView(alarm, { t, lang, today, strangerAlert, where });
  const snapSrc = usePictureSrc(alarm.snap);
  const photoSrc = usePictureSrc(match?.photo);

  const capture = useRef<HTMLImageElement>(null);
  useLayoutEffect(() => {
    if (probeEnabled) probeMounted(alarm.key, capture.current);
  }, [alarm.key]);

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
      className={v.className}
      aria-label={v.label}
      tabIndex={tabStop ? 0 : -1}
      data-snap-id={alarm.key}
      onClick={() => onOpen(alarm.key)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusCard(alarm.key);
      }}
    >
      <div className="wall-card__pics">
        <img ref={capture} className="wall-card__pic" src={snapSrc} alt={t('card.capture')} decoding="async" width={112} height={112} />
        {v.match ? (
          <>
            <img className="wall-card__pic" src={photoSrc} alt={v.match.photoAlt} decoding="async" width={112} height={112} />
            <span className="wall-card__sim" aria-hidden>
              {v.match.similarity}
            </span>
          </>
        ) : null}
      </div>
      <div className="wall-card__body">
        <div className="wall-card__head">
          <span className="wall-card__name" title={v.title}>
            {v.title}
          </span>
          <span className={v.tag.className}>
            {v.tag.warning ? <WarningFilled aria-hidden /> : null} {v.tag.text}
          </span>
        </div>
        <div className="wall-card__line" title={v.attrs}>
          {v.libName ? <span className="wall-card__lib">{v.libName}</span> : null}
          {v.libName && v.attrs ? ' · ' : null}
          {v.attrs}
        </div>
        <div className="wall-card__line" title={v.placeTitle}>
          {/* The merged wall: the node (and site) first, the part that tells walls of several nodes apart. */}
          {v.where !== null ? <span className="wall-card__node">{v.where} · </span> : null}
          {v.camera}
        </div>
        <div className="wall-card__time">
          <time dateTime={v.dateTime}>{v.time}</time> · <Ago at={alarm.at} />
        </div>
        <div className="wall-card__foot">
          {v.backfilled ? (
            <span className="wall-tag wall-tag--recovered" title={t('card.fromHistoryHint')}>
              <HistoryOutlined aria-hidden /> {t('card.fromHistory')}
            </span>
          ) : null}
          <span className="wall-card__spacer" />
          {v.acked ? (
            <span className="wall-card__acked">
              <CheckOutlined aria-hidden /> {t('card.acked')}
            </span>
          ) : (
            <button
              type="button"
              className={v.urgent ? 'wall-ack wall-ack--urgent' : 'wall-ack'}
              onClick={ack}
              onKeyDown={stopKeys}
              aria-label={v.ackLabel}
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
