// What an alarm's card says, worked out once: the flow's React card
// (components/alarm-card.tsx) renders it and the tiles (components/tile-board.ts)
// write it into a fixed card of their own, so both say the same words.
import type { Lang } from '../../../i18n';
import type { LiveAlarm } from '../../../live';
import type { WallT } from '../messages';
import { bodySummary, faceSummary } from './attributes';
import { shortTime } from './device-time';
import { classify, type AlarmClass } from './wall-filters';

const CLASS_TAG: Record<AlarmClass, 'class.blacklist' | 'class.whitelist' | 'class.stranger' | 'class.body'> = {
  blacklist: 'class.blacklist',
  whitelist: 'class.whitelist',
  stranger: 'class.stranger',
  body: 'class.body',
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
  const kind = strangerAlert ? t('class.strangerAlert') : t(CLASS_TAG[cls]);
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

export interface CardContext {
  t: WallT;
  lang: Lang;
  /** The device's date today ("yyyy-MM-dd"): older captures show their date. */
  today: string;
  /** A stranger at a camera that watches whitelists only. */
  strangerAlert: boolean;
  /** The merged wall: the node (and site) it came from; null on one node's wall. */
  where: string | null;
}

export interface CardView {
  className: string;
  label: string;
  title: string;
  /** The class tag: its classes, words and whether it carries the warning sign. */
  tag: { className: string; text: string; warning: boolean };
  match: { photoAlt: string; similarity: string } | null;
  libName: string;
  attrs: string;
  camera: string;
  where: string | null;
  placeTitle: string;
  time: string;
  dateTime: string;
  urgent: boolean;
  acked: boolean;
  backfilled: boolean;
  ackLabel: string;
}

export function cardView(alarm: LiveAlarm, c: CardContext): CardView {
  const { t } = c;
  const cls = classify(alarm);
  const match = alarm.kind === 'face' ? alarm.match : null;
  const title = alarmTitle(alarm, t);
  const time = shortTime(alarm.trigger, c.today);
  const urgent = cls === 'blacklist' && !alarm.acknowledged;
  const camera = alarm.cameraName || t('card.channel', { channel: alarm.channel });
  const className = [
    'wall-card',
    `wall-card--${cls}`,
    urgent ? 'wall-card--urgent' : '',
    c.strangerAlert ? 'wall-card--stranger-alert' : '',
    alarm.acknowledged ? 'wall-card--acked' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    className,
    label: alarmLabel(alarm, t, c.strangerAlert, time, c.where),
    title,
    tag: {
      className: `wall-card__tag ${tagClass(cls, c.strangerAlert)}`,
      text: c.strangerAlert ? t('class.stranger') : t(CLASS_TAG[cls]),
      warning: cls === 'blacklist' || c.strangerAlert,
    },
    match: match
      ? { photoAlt: t('card.libraryPhoto', { name: match.person.name || match.imgId }), similarity: `${match.similarity}%` }
      : null,
    libName: match?.libName ?? '',
    attrs: alarm.kind === 'face' ? faceSummary(c.lang, alarm.faceAttr) : bodySummary(c.lang, alarm.bodyAttr),
    camera,
    where: c.where,
    placeTitle: c.where === null ? alarm.position : `${c.where} · ${alarm.position}`,
    time,
    dateTime: alarm.trigger.replace(' ', 'T'),
    urgent,
    acked: alarm.acknowledged,
    backfilled: alarm.backfilled,
    ackLabel: t('card.ackNamed', { name: title }),
  };
}
