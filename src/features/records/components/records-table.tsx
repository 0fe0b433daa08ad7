// One table for the three sets; the columns follow the tab. Selection (for
// the chosen-rows export) spans pages of one filter, up to ID_LIST_MAX.
import { useSelectAllLabel } from '../../../components/use-select-all-label';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Key } from 'react';
import type { AlarmRecord, BodyRecord, SnapshotRecord } from '../../../api/protocol/records';
import { ID_LIST_MAX } from '../../../api/protocol/limits';
import { useLang, type Lang } from '../../../i18n';
import { bodyValue, faceValue, personGender } from '../../../i18n/attribute-words';
import type { RecordPage } from '../api/record-queries';
import { useRecordsT } from '../messages';
import { Thumb } from './thumb';
import type { NodeInfo } from '../../../session/node-store';
import { LIST_TAG_COLOURS } from '../../../components/list-tag-colours';
import { FIT_TABLE, LANDSCAPE_UP, WIDE_ONLY } from '../../../components/table-fit';
import { usePageArrows } from '../../../components/use-page-arrows';

export type Row = SnapshotRecord | AlarmRecord | BodyRecord;
type T = ReturnType<typeof useRecordsT>;

export interface RecordsTableProps {
  /** The tab shown: the columns follow it even before its first page arrives. */
  tab: RecordPage['tab'];
  data: RecordPage | undefined;
  loading: boolean;
  page: number;
  size: number;
  pageSizes: readonly number[];
  onPage: (page: number, size: number) => void;
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
  /** The row's key (its snap_id; across nodes "<node>/<snap_id>"). */
  onOpen: (key: string) => void;
  /** Across nodes: each row's node (a node column; pictures from that node), and the table is not paged by itself. */
  fleet?: { nodeOf: (row: Row) => NodeInfo; keyOf: (row: Row) => string };
}

function faceSummary(a: SnapshotRecord['face_attr'], lang: Lang): string {
  const parts = [faceValue(a, 'gender_code', lang), faceValue(a, 'st_age', lang), faceValue(a, 'st_expression', lang)];
  if (a.glass_style && a.glass_style !== 'glasses_style_type_none') parts.push(faceValue(a, 'glass_style', lang));
  if (a.respirator_color && a.respirator_color !== 'color_type_none') parts.push(faceValue(a, 'respirator_color', lang));
  if (a.cap_style && a.cap_style !== 'hat_style_type_none') parts.push(faceValue(a, 'cap_style', lang));
  return parts.filter(Boolean).join(' · ');
}

function bodySummary(a: BodyRecord['body_attr'], lang: Lang): string {
  const coat = [bodyValue(a, 'coat_color', lang), bodyValue(a, 'coat_style', lang)].filter(Boolean).join(' ');
  const lower = [bodyValue(a, 'trousers_color', lang), bodyValue(a, 'trousers_len', lang)].filter(Boolean).join(' ');
  return [
    bodyValue(a, 'gender_code', lang),
    bodyValue(a, 'st_age', lang),
    coat,
    lower,
    a.st_bag ? bodyValue(a, 'bag_style', lang) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

function TypeTag({ type, t }: { type: number; t: T }) {
  if (type !== 1 && type !== 2) return null;
  return <Tag color={LIST_TAG_COLOURS[type]}>{t(`type.${type}`)}</Tag>;
}

/** Per table: a row's key and the node its pictures are on (undefined: the node shown). */
interface Rows {
  keyOf: (r: Row) => string;
  nodeOf?: (r: Row) => NodeInfo;
}

function common(
  t: T,
  onOpen: (id: string) => void,
  rows: Rows,
): { time: ColumnsType<Row>[number]; camera: ColumnsType<Row>[number]; actions: ColumnsType<Row>[number] } {
  return {
    // Date over time: narrow, and never cut.
    time: {
      key: 'time',
      title: t('col.time'),
      dataIndex: 'trigger',
      width: 108,
      render: (_, r) => {
        const [date, time] = r.trigger.split(' ');
        return (
          <span className="records-time">
            <span>{date}</span> <span>{time}</span>
          </span>
        );
      },
    },
    camera: {
      key: 'camera',
      title: t('col.camera'),
      render: (_, r) => (
        <>
          <div>{r.camera_name}</div>
          <Typography.Text type="secondary" className="records-small">
            {t('row.channel', { channel: r.channel })}
          </Typography.Text>
        </>
      ),
    },
    actions: {
      key: 'actions',
      title: t('col.actions'),
      width: 90,
      fixed: 'right',
      render: (_, r) => (
        <Button
          size="small"
          onClick={() => onOpen(rows.keyOf(r))}
          aria-label={t('row.detailsOf', { camera: r.camera_name, time: r.trigger })}
        >
          {t('row.details')}
        </Button>
      ),
    },
  };
}

function snapshotColumns(t: T, lang: Lang, onOpen: (id: string) => void, rows: Rows): ColumnsType<Row> {
  const c = common(t, onOpen, rows);
  return [
    {
      key: 'face',
      title: t('col.face'),
      width: 76,
      render: (_, r) => (
        <Thumb node={rows.nodeOf?.(r).id} path={r.snap_path} alt={t('img.capture', { camera: r.camera_name, time: r.trigger })} />
      ),
    },
    c.time,
    c.camera,
    {
      key: 'match',
      // §3.13: a snapshot names the closest library, not its person (only an alarm, §3.16, does).
      title: t('col.match'),
      render: (_, row) => {
        const r = row as SnapshotRecord;
        if (r.similarity < 0 || !r.lib_id) return <Typography.Text type="secondary">{t('row.notCompared')}</Typography.Text>;
        return (
          <>
            <div>
              {r.lib_name} <TypeTag type={r.lib_type} t={t} />
            </div>
            <Typography.Text type={r.similarity >= r.threshold ? 'danger' : 'secondary'} className="records-small">
              {t('row.similarity', { similarity: r.similarity, threshold: r.threshold })}
            </Typography.Text>
          </>
        );
      },
    },
    {
      key: 'attr',
      title: t('col.attributes'),
      responsive: [...WIDE_ONLY],
      render: (_, r) => faceSummary((r as SnapshotRecord).face_attr, lang),
    },
    c.actions,
  ];
}

function alarmColumns(t: T, lang: Lang, onOpen: (id: string) => void, rows: Rows): ColumnsType<Row> {
  const c = common(t, onOpen, rows);
  return [
    {
      key: 'faces',
      title: t('col.capture'),
      width: 136,
      render: (_, row) => {
        const r = row as AlarmRecord;
        return (
          <Space size={4}>
            <Thumb node={rows.nodeOf?.(r).id} path={r.snap_path} alt={t('img.capture', { camera: r.camera_name, time: r.trigger })} />
            <Thumb node={rows.nodeOf?.(r).id} path={r.img_path} alt={t('img.library', { name: r.person_name || r.img_id })} />
          </Space>
        );
      },
    },
    {
      key: 'person',
      title: t('col.person'),
      render: (_, row) => {
        const r = row as AlarmRecord;
        const details = [personGender(r.person_gender, lang), r.person_age ? t('row.age', { age: r.person_age }) : '']
          .filter(Boolean)
          .join(' · ');
        return (
          <>
            <div>{r.person_name || r.img_id}</div>
            <Typography.Text type="secondary" className="records-small">
              {details || faceSummary(r.face_attr, lang)}
            </Typography.Text>
            {/* The similarity column is for wide screens: below it, here. */}
            <div className="records-small records-narrow-only">
              {t('row.similarity', { similarity: r.similarity, threshold: r.threshold })}
            </div>
          </>
        );
      },
    },
    {
      key: 'similarity',
      title: t('col.similarity'),
      width: 130,
      responsive: [...WIDE_ONLY],
      render: (_, row) => {
        const r = row as AlarmRecord;
        return t('row.similarity', { similarity: r.similarity, threshold: r.threshold });
      },
    },
    {
      key: 'library',
      title: t('col.library'),
      render: (_, row) => {
        const r = row as AlarmRecord;
        return (
          <>
            <div>{r.lib_name}</div>
            <TypeTag type={r.lib_type} t={t} />
          </>
        );
      },
    },
    { ...c.camera, responsive: [...LANDSCAPE_UP] },
    c.time,
    c.actions,
  ];
}

function bodyColumns(t: T, lang: Lang, onOpen: (id: string) => void, rows: Rows): ColumnsType<Row> {
  const c = common(t, onOpen, rows);
  return [
    {
      key: 'body',
      title: t('col.body'),
      width: 60,
      render: (_, r) => (
        <Thumb
          node={rows.nodeOf?.(r).id}
          path={r.snap_path}
          alt={t('img.body', { camera: r.camera_name, time: r.trigger })}
          width={32}
          height={64}
        />
      ),
    },
    c.time,
    c.camera,
    { key: 'quality', title: t('col.quality'), width: 90, render: (_, r) => (r as BodyRecord).quality },
    {
      key: 'attr',
      title: t('col.attributes'),
      responsive: [...WIDE_ONLY],
      render: (_, r) => bodySummary((r as BodyRecord).body_attr, lang),
    },
    c.actions,
  ];
}

/** Across nodes: which node (and site) a row came from. */
function nodeColumn(t: T, nodeOf: (r: Row) => NodeInfo): ColumnsType<Row>[number] {
  return {
    key: 'node',
    title: t('col.node'),
    width: 110,
    render: (_, r) => {
      const node = nodeOf(r);
      return (
        <>
          <div>{node.name}</div>
          {node.site && (
            <Typography.Text type="secondary" className="records-small">
              {node.site}
            </Typography.Text>
          )}
        </>
      );
    },
  };
}

export function RecordsTable({ tab, data, loading, page, size, pageSizes, onPage, selected, onSelect, onOpen, fleet }: RecordsTableProps) {
  const t = useRecordsT();
  const selectAll = useSelectAllLabel();
  const pageArrows = usePageArrows();
  const lang = useLang();
  const rowsOf: Rows = fleet ?? { keyOf: (r) => r.snap_id };
  const byTab =
    tab === 'alarms'
      ? alarmColumns(t, lang, onOpen, rowsOf)
      : tab === 'bodies'
        ? bodyColumns(t, lang, onOpen, rowsOf)
        : snapshotColumns(t, lang, onOpen, rowsOf);
  // The node right after the picture: in view on a phone too, where the table scrolls sideways.
  // The library (also in the drawer) then leaves room on a tablet for the time the rows are merged by.
  const columns = fleet
    ? [
        byTab[0]!,
        nodeColumn(t, fleet.nodeOf),
        ...byTab.slice(1).map((c) => (c.key === 'library' ? { ...c, responsive: [...WIDE_ONLY] } : c)),
      ]
    : byTab;
  const rows: Row[] = data?.tab === tab ? data.rows : [];
  const full = selected.length >= ID_LIST_MAX;
  return (
    <Table<Row>
      rowKey={rowsOf.keyOf}
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      {...FIT_TABLE}
      // No "nothing matches" while the first page is still on its way.
      locale={{ emptyText: loading ? ' ' : t('list.empty') }}
      rowSelection={{
        ...selectAll,
        selectedRowKeys: selected as Key[],
        onChange: (keys) => onSelect(keys.map(String).slice(0, ID_LIST_MAX)),
        getCheckboxProps: (r) => ({
          disabled: full && !selected.includes(rowsOf.keyOf(r)),
          'aria-label': t('list.selectRow'),
        }),
      }}
      pagination={
        fleet
          ? false
          : {
              current: page,
              pageSize: size,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: pageSizes.map(String),
              showTotal: (total) => t('list.total', { total }),
              onChange: (p, s) => onPage(p, s),
              ...pageArrows,
            }
      }
    />
  );
}
