// A card opened: the scene with the face outlined, every attribute, the person
// and the match, and the ways on (gallery entry, "search this face", history).
// The alarm can leave the buffer while this is open: the drawer holds it (and
// so its Blobs, and usePictureSrc their URLs) for as long as it shows.
import { CheckOutlined, DownloadOutlined, FieldTimeOutlined, HistoryOutlined, ScanOutlined, TeamOutlined } from '../../../components/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { memo, useState } from 'react';
import { Link } from 'react-router';
import { deviceFileUrl } from '../../../api/protocol/files';
import { BoxOverlay } from '../../../components/box-overlay';
import { hrefs, nodeOfPath, onNode } from '../../../config/paths';
import { nodeBase } from '../../../session/node-store';
import { useLang } from '../../../i18n';
import { usePictureSrc, type LiveAlarm } from '../../../live';
import { useWallStore } from '../lib/wall-store';
import { bodyAttrRows, faceAttrRows, type AttrRow } from '../lib/attributes';
import { classify } from '../lib/wall-filters';
import { useWallT, type WallT } from '../messages';
import { alarmTitle, tagClass } from '../lib/card-view';

/** §2.2: the device answers "" where it has nothing; we say "none" rather than leave a blank. */
function orNone(value: string | number | null | undefined, t: WallT): string {
  return value === null || value === undefined || value === '' ? t('detail.none') : String(value);
}

function attrItems(rows: AttrRow[]): DescriptionsProps['items'] {
  return rows.map((r) => ({ key: r.key, label: r.label, children: r.value }));
}

export interface AlarmDetailProps {
  /** The open alarm's key (LiveAlarm.key). */
  alarmKey: string | null;
  onClose(): void;
  onAck(key: string): void;
}

export const AlarmDetail = memo(function AlarmDetail({ alarmKey, onClose, onAck }: AlarmDetailProps) {
  const t = useWallT();
  const found = useWallStore((s) => (alarmKey ? (s.alarms.find((a) => a.key === alarmKey) ?? null) : null));
  // Kept while open, so an alarm evicted meanwhile does not vanish under the reader.
  const [held, setHeld] = useState<LiveAlarm | null>(null);
  if (found && found !== held) setHeld(found);
  if (!alarmKey && held) setHeld(null);
  const alarm = found ?? (held && held.key === alarmKey ? held : null);

  return (
    <Drawer
      open={alarmKey !== null}
      onClose={onClose}
      title={t('detail.title')}
      size={760}
      destroyOnHidden
      closable={{ 'aria-label': t('detail.close') }}
      extra={
        alarm && !alarm.acknowledged ? (
          <Button
            className={classify(alarm) === 'blacklist' ? 'wall-btn-danger' : 'wall-btn-strong'}
            icon={<CheckOutlined />}
            onClick={() => onAck(alarm.key)}
          >
            {t('card.ack')}
          </Button>
        ) : null
      }
    >
      {alarm ? (
        <DetailBody alarm={alarm} />
      ) : (
        <Space orientation="vertical">
          <Alert type="info" showIcon title={t('detail.missing')} />
          <Link to={onAlarmNode(alarmKey ? keyNode(alarmKey) : undefined, hrefs.records({ tab: 'alarms' }))}>
            <HistoryOutlined /> {t('detail.history')}
          </Link>
        </Space>
      )}
    </Drawer>
  );
});

/** The merged wall's keys are `<node>:<snap_id>` (node ids have no colon). */
function keyNode(key: string): string | undefined {
  const i = key.indexOf(':');
  return i > 0 && nodeOfPath(`/n/${key.slice(0, i)}`) !== null ? key.slice(0, i) : undefined;
}

/** A link about an alarm goes to its node's page (the merged wall shows several nodes). */
function onAlarmNode(node: string | undefined, href: string): string {
  return node === undefined ? href : onNode(node, href);
}

function DetailBody({ alarm }: { alarm: LiveAlarm }) {
  const t = useWallT();
  const on = (href: string) => onAlarmNode(alarm.node, href);
  const lang = useLang();
  const cls = classify(alarm);
  const match = alarm.kind === 'face' ? alarm.match : null;
  const frameSrc = usePictureSrc(alarm.frame);
  const snapSrc = usePictureSrc(alarm.snap);
  const photoSrc = usePictureSrc(match?.photo ?? null);
  const attrs = alarm.kind === 'face' ? faceAttrRows(lang, alarm.faceAttr) : bodyAttrRows(lang, alarm.bodyAttr);

  const capture: DescriptionsProps['items'] = [
    { key: 'camera', label: t('detail.camera'), children: `${alarm.cameraName} (${t('card.channel', { channel: alarm.channel })})` },
    { key: 'position', label: t('detail.position'), children: orNone(alarm.position, t) },
    { key: 'time', label: t('detail.time'), children: alarm.trigger },
    { key: 'quality', label: t('detail.quality'), children: orNone(alarm.quality, t) },
    { key: 'source', label: t('detail.source'), children: alarm.backfilled ? t('detail.sourceHistory') : t('detail.sourceLive') },
    { key: 'snap', label: t('detail.snapId'), children: <Typography.Text copyable>{alarm.snapId}</Typography.Text> },
    ...(alarm.deviceId ? [{ key: 'device', label: t('detail.deviceId'), children: alarm.deviceId }] : []),
  ];
  const person: DescriptionsProps['items'] = match
    ? [
        { key: 'name', label: t('detail.name'), children: orNone(match.person.name, t) },
        { key: 'idcard', label: t('detail.idcard'), children: orNone(match.person.idcard, t) },
        {
          key: 'gender',
          label: t('detail.gender'),
          children: match.person.gender === '0' || match.person.gender === '1' ? t(`gender.${match.person.gender}`) : t('detail.none'),
        },
        { key: 'age', label: t('detail.age'), children: orNone(match.person.age, t) },
        { key: 'addr', label: t('detail.addr'), children: orNone(match.person.addr, t), span: 2 },
        { key: 'lib', label: t('detail.library'), children: orNone(match.libName, t) },
        { key: 'list', label: t('detail.listType'), children: match.libType === 1 ? t('list.1') : t('list.2') },
        { key: 'sim', label: t('detail.similarity'), children: `${match.similarity}%` },
        { key: 'threshold', label: t('detail.threshold'), children: `${alarm.threshold}%` },
      ]
    : [];

  return (
    <div className="wall-detail">
      <div className="wall-detail__head">
        <Typography.Title level={2} className="wall-detail__name">
          {alarmTitle(alarm, t)}
        </Typography.Title>
        <Tag className={tagClass(cls)}>{t(`class.${cls}`)}</Tag>
        {alarm.acknowledged ? <Tag icon={<CheckOutlined />}>{t('card.acked')}</Tag> : null}
      </div>

      {frameSrc ? (
        <BoxOverlay className="wall-frame" src={frameSrc} box={alarm.box} alt={alarm.box ? t('detail.sceneWithBox') : t('detail.scene')} />
      ) : (
        <Alert type="info" showIcon title={t('detail.noScene')} />
      )}

      <div className="wall-detail__pics">
        <figure>
          <img src={snapSrc} alt={t('card.capture')} />
          <figcaption>{t('card.capture')}</figcaption>
        </figure>
        {match ? (
          <figure>
            <img src={photoSrc} alt={t('card.libraryPhoto', { name: match.person.name || match.imgId })} />
            <figcaption>
              {match.libName} · {match.similarity}%
            </figcaption>
          </figure>
        ) : null}
      </div>

      <Space wrap className="wall-detail__links">
        {match ? (
          <Link to={on(hrefs.person(match.libId, match.imgId))}>
            <TeamOutlined aria-hidden /> {t('detail.gallery')}
          </Link>
        ) : null}
        {match ? (
          <Link to={on(hrefs.personSeen(match.libId, match.imgId))}>
            <FieldTimeOutlined aria-hidden /> {t('detail.seen')}
          </Link>
        ) : null}
        {alarm.kind === 'face' && alarm.snapPath ? (
          <Link to={on(hrefs.faceSearch({ snap: alarm.snapPath }))}>
            <ScanOutlined aria-hidden /> {t('detail.search')}
          </Link>
        ) : null}
        {alarm.snapPath ? (
          <a href={alarm.node === undefined ? deviceFileUrl(alarm.snapPath) : deviceFileUrl(alarm.snapPath, nodeBase(alarm.node))} download>
            <DownloadOutlined aria-hidden /> {t('detail.download')}
          </a>
        ) : null}
        <Link to={on(hrefs.records({ tab: 'alarms' }))}>
          <HistoryOutlined aria-hidden /> {t('detail.history')}
        </Link>
      </Space>

      {match ? <Descriptions title={t('detail.person')} size="small" bordered column={2} items={person} /> : null}
      <Descriptions title={t('detail.camera')} size="small" bordered column={2} items={capture} />
      {attrs.length ? (
        <Descriptions
          title={alarm.kind === 'face' ? t('detail.faceAttrs') : t('detail.bodyAttrs')}
          size="small"
          bordered
          column={2}
          items={attrItems(attrs)}
        />
      ) : (
        <Empty description={t('detail.noAttrs')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </div>
  );
}
