// Everything about one record: its pictures (and the scene when the live
// push brought one), every field, the attributes in words, and where to go
// next (the person in their library, a search with this face).
import { DownloadOutlined, FieldTimeOutlined, ScanOutlined, SearchOutlined, TeamOutlined } from '../../../components/icons';
import { Alert, Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router';
import type { AlarmRecord, BodyRecord, SnapshotRecord } from '../../../api/protocol/records';
import { useLang } from '../../../i18n';
import { useLiveAlarms, usePictureSrc, type LiveAlarm } from '../../../live';
import { personGender } from '../../../i18n/attribute-words';
import type { RecordTab } from '../model/record-view';
import { useRecordsT } from '../messages';
import { BodyAttributes, FaceAttributes } from './attribute-list';
import { BoxOverlay } from '../../../components/box-overlay';
import { hrefs, onNode } from '../../../config/paths';
import { nodeBase, nodeLabel, useNodeStore, type NodeInfo } from '../../../session/node-store';
import { deviceFileUrl } from '../../../api/protocol/files';
import { LIST_TAG_COLOURS } from '../../../components/list-tag-colours';

export type AnyRecord =
  | { tab: 'snapshots'; row: SnapshotRecord }
  | { tab: 'alarms'; row: AlarmRecord }
  | { tab: 'bodies'; row: BodyRecord };

/** The live push's copy of this capture, if the buffer still holds it (it has the scene and the box). */
function useLiveCopy(snapId: string | undefined): LiveAlarm | undefined {
  const select = useCallback((alarms: readonly LiveAlarm[]) => (snapId ? alarms.find((a) => a.snapId === snapId) : undefined), [snapId]);
  return useLiveAlarms(select);
}

/**
 * `node` (the fleet's search): the record is that node's, so its pictures,
 * links and the live copy are that node's; without it, the node shown.
 */
export function RecordDrawer({
  record,
  tab,
  onClose,
  node,
}: {
  record: AnyRecord | null;
  tab: RecordTab;
  onClose: () => void;
  node?: NodeInfo;
}) {
  const t = useRecordsT();
  return (
    <Drawer
      open={record !== null}
      onClose={onClose}
      size={620}
      title={t(`drawer.title.${record?.tab ?? tab}`)}
      closable={{ 'aria-label': t('drawer.close') }}
      destroyOnHidden
    >
      {record && <RecordDetails record={record} node={node} />}
    </Drawer>
  );
}

function Picture({ src, alt, caption }: { src: string; alt: string; caption: string }) {
  return (
    <figure className="records-figure">
      <img src={src} alt={alt} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

function RecordDetails({ record, node }: { record: AnyRecord; node: NodeInfo | undefined }) {
  const t = useRecordsT();
  const lang = useLang();
  const r = record.row;
  const shown = useNodeStore((s) => s.current);
  // The live buffer holds the node shown's pushes only.
  const live = useLiveCopy(node === undefined || node.id === shown ? r.snap_id : undefined);
  const href = (h: string) => (node ? onNode(node.id, h) : h);
  const fileUrl = (path: string) => (node ? deviceFileUrl(path, nodeBase(node.id)) : deviceFileUrl(path));
  const none = t('field.none');
  const frameSrc = usePictureSrc(live?.frame);

  const recordItems = [
    ...(node ? [{ key: 'node', label: t('field.node'), children: nodeLabel(node.id), span: 2 }] : []),
    { key: 'time', label: t('field.time'), children: r.trigger },
    { key: 'camera', label: t('field.camera'), children: r.camera_name },
    { key: 'channel', label: t('field.channel'), children: r.channel },
    { key: 'position', label: t('field.position'), children: r.position || none },
    ...(record.tab === 'bodies'
      ? [{ key: 'quality', label: t('field.quality'), children: record.row.quality }]
      : [
          { key: 'threshold', label: t('field.threshold'), children: record.row.threshold },
          ...(record.row.similarity >= 0 && record.row.lib_id
            ? [
                { key: 'library', label: t('field.library'), children: record.row.lib_name },
                {
                  key: 'type',
                  label: t('field.listType'),
                  children:
                    record.row.lib_type === 1 || record.row.lib_type === 2 ? (
                      <Tag color={LIST_TAG_COLOURS[record.row.lib_type]}>{t(`type.${record.row.lib_type}`)}</Tag>
                    ) : (
                      none
                    ),
                },
                { key: 'similarity', label: t('field.similarity'), children: record.row.similarity },
                { key: 'ranking', label: t('field.ranking'), children: record.row.ranking },
              ]
            : [{ key: 'similarity', label: t('field.similarity'), children: t('row.notCompared') }]),
        ]),
    {
      key: 'snap',
      label: t('field.snapId'),
      children: <Typography.Text copyable={{ text: r.snap_id }}>{r.snap_id}</Typography.Text>,
      span: 2,
    },
  ];

  const personItems =
    record.tab === 'alarms'
      ? [
          { key: 'name', label: t('field.name'), children: record.row.person_name || none },
          { key: 'gender', label: t('field.gender'), children: personGender(record.row.person_gender, lang) || none },
          { key: 'age', label: t('field.age'), children: record.row.person_age || none },
          { key: 'idcard', label: t('field.idcard'), children: record.row.person_idcard || none },
          { key: 'addr', label: t('field.address'), children: record.row.person_addr || none, span: 2 },
          { key: 'img', label: t('field.imgId'), children: record.row.img_id || none },
          { key: 'enrolled', label: t('field.enrolled'), children: record.row.create_time || none },
        ]
      : null;

  return (
    <div className="records-detail">
      <section aria-labelledby="records-pictures">
        <Typography.Title level={3} id="records-pictures" className="records-h3">
          {t('drawer.pictures')}
        </Typography.Title>
        <div className="records-figures">
          <Picture
            src={fileUrl(r.snap_path)}
            alt={t(record.tab === 'bodies' ? 'img.body' : 'img.capture', { camera: r.camera_name, time: r.trigger })}
            caption={t('drawer.capture')}
          />
          {record.tab === 'alarms' && record.row.img_path && (
            <Picture
              src={fileUrl(record.row.img_path)}
              alt={t('img.library', { name: record.row.person_name || record.row.img_id })}
              caption={`${t('drawer.libraryPhoto')} · ${record.row.lib_name}`}
            />
          )}
        </div>
      </section>

      <section aria-labelledby="records-scene">
        <Typography.Title level={3} id="records-scene" className="records-h3">
          {t('drawer.scene')}
        </Typography.Title>
        {frameSrc ? (
          <>
            <BoxOverlay className="records-scene" src={frameSrc} alt={t('img.frame', { time: r.trigger })} box={live?.box ?? null} />
            <Typography.Paragraph type="secondary">
              {t(record.tab === 'bodies' ? 'drawer.sceneLiveBody' : 'drawer.sceneLive')}
            </Typography.Paragraph>
          </>
        ) : (
          <Alert type="info" showIcon title={t('drawer.sceneMissing')} />
        )}
      </section>

      <Space wrap className="records-links">
        {record.tab === 'alarms' && record.row.img_id && (
          <Link to={href(hrefs.person(record.row.lib_id, record.row.img_id))}>
            <TeamOutlined aria-hidden /> {t('drawer.openGallery')}
          </Link>
        )}
        {record.tab === 'alarms' && record.row.img_id && (
          <Link to={href(hrefs.personSeen(record.row.lib_id, record.row.img_id))}>
            <FieldTimeOutlined aria-hidden /> {t('seen.link')}
          </Link>
        )}
        {record.tab === 'snapshots' && record.row.lib_id > 0 && (
          <Link to={href(hrefs.library(record.row.lib_id))}>
            <TeamOutlined aria-hidden /> {t('drawer.openLibrary')}
          </Link>
        )}
        {record.tab !== 'bodies' && (
          <Link to={href(hrefs.faceSearch({ snap: r.snap_path }))}>
            <SearchOutlined aria-hidden /> {t('drawer.searchFace')}
          </Link>
        )}
        <Link to={href(hrefs.cameraRoi(r.channel))}>
          <ScanOutlined aria-hidden /> {t('drawer.cameraRoi', { camera: r.camera_name })}
        </Link>
        <Button type="link" href={fileUrl(r.snap_path)} download icon={<DownloadOutlined aria-hidden />}>
          {t('drawer.download')}
        </Button>
      </Space>

      <section aria-labelledby="records-record">
        <Descriptions
          title={
            <span role="heading" aria-level={3} id="records-record">
              {t('drawer.record')}
            </span>
          }
          size="small"
          column={2}
          bordered
          items={recordItems}
        />
      </section>

      {personItems && (
        <section aria-labelledby="records-person">
          <Descriptions
            title={
              <span role="heading" aria-level={3} id="records-person">
                {t('drawer.person')}
              </span>
            }
            size="small"
            column={2}
            bordered
            items={personItems}
          />
        </section>
      )}

      <section>
        {record.tab === 'bodies' ? <BodyAttributes attr={record.row.body_attr} /> : <FaceAttributes attr={record.row.face_attr} />}
      </section>
    </div>
  );
}
