import { FIT_TABLE } from '../../../components/table-fit';
import { useSelectAllLabel } from '../../../components/use-select-all-label';
import { EditOutlined, RollbackOutlined, StopOutlined } from '../../../components/icons';
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Lang } from '../../../i18n';
import { reasonText, type ResultStatus } from '../lib/import-report';
import type { ImportRow, RowProblem } from '../lib/import-rows';
import { useLibT } from '../messages';
import { lockedOnAny, type Lane } from '../lib/import-lanes';
import { describeError } from '../../../api/device-error';
import { nodeLabel } from '../../../session/node-store';
import { usePageArrows } from '../../../components/use-page-arrows';

export const IMPORT_PAGE_SIZE = 50;

/** A row's outcome as a tag, in words. */
export function StatusTag({ status, lang }: { status: ResultStatus | undefined; lang: Lang }) {
  const t = useLibT();
  if (!status) return <span className="lib-muted">{t('import.status.new')}</span>;
  switch (status.kind) {
    case 'stored':
      return <Tag className="lib-tag lib-tag--ok">{t('import.status.stored')}</Tag>;
    case 'refused':
      return (
        <Tag className="lib-tag lib-tag--bad">
          {t('import.status.refused')}: {status.code === null ? t('import.noReason') : reasonText(status.code, status.reason, lang)}
          {status.code !== null && ` (${status.code})`}
        </Tag>
      );
    case 'unknown':
      return (
        <Tag className="lib-tag lib-tag--warn">
          {t(status.why === 'network' ? 'import.status.unknownNetwork' : 'import.status.unknownReport')}
        </Tag>
      );
    case 'skipped':
      return <Tag className="lib-tag lib-tag--warn">{t('import.status.skipped')}</Tag>;
    case 'cancelled':
      return <Tag className="lib-tag">{t('import.status.cancelled')}</Tag>;
    case 'edited':
      return <Tag className="lib-tag lib-tag--info">{t('import.status.edited')}</Tag>;
    case 'sending':
      return <Tag className="lib-tag lib-tag--info">{t('import.status.sending')}</Tag>;
    default:
      return <Tag className="lib-tag">{t('import.status.pending')}</Tag>;
  }
}

/**
 * The batch, a page of 50 rows at a time (thousands of rows stay quick): each
 * file's person as its name describes it, its problems, its outcome.
 */
export function ImportTable({
  rows,
  problems,
  status,
  lanes = [],
  homeName,
  lang,
  page,
  onPage,
  selected,
  onSelect,
  onEdit,
  onDrop,
}: {
  rows: readonly ImportRow[];
  problems: ReadonlyMap<number, readonly RowProblem[]>;
  status: Readonly<Record<number, ResultStatus>>;
  /** Fleet mode: the other target nodes, a column each. */
  lanes?: readonly Lane[];
  /** With lanes: this node's name, the title of its result column. */
  homeName?: string;
  lang: Lang;
  page: number;
  onPage: (page: number) => void;
  selected: readonly number[];
  onSelect: (keys: number[]) => void;
  onEdit: (row: ImportRow) => void;
  onDrop: (row: ImportRow, dropped: boolean) => void;
}) {
  const t = useLibT();
  const selectAll = useSelectAllLabel();
  const pageArrows = usePageArrows();
  const locked = (r: ImportRow) => lockedOnAny(r.key, [status, ...lanes.map((l) => l.status)]);
  const gender = (g: string) => (g === '0' || g === '1' ? t(`gender.${g}`) : g);
  const columns: ColumnsType<ImportRow> = [
    {
      title: t('import.col.file'),
      dataIndex: 'source',
      ellipsis: { showTitle: true },
      width: 180,
    },
    // Each parsed field keeps a readable width (the preview is for reading them);
    // the table scrolls sideways, its actions fixed at the right, rather than squeeze them.
    { title: t('face.name'), key: 'name', width: 120, render: (_v, r) => r.fields.person_name, ellipsis: true },
    { title: t('face.imgId'), key: 'img_id', width: 150, render: (_v, r) => r.fields.img_id, ellipsis: true, responsive: ['md'] },
    { title: t('face.idcard'), key: 'idcard', width: 170, render: (_v, r) => r.fields.person_idcard, ellipsis: true, responsive: ['xl'] },
    { title: t('face.gender'), key: 'gender', width: 72, render: (_v, r) => gender(r.fields.person_gender) },
    { title: t('face.age'), key: 'age', width: 60, render: (_v, r) => r.fields.person_age },
    { title: t('face.addr'), key: 'addr', width: 180, render: (_v, r) => r.fields.person_addr, ellipsis: true, responsive: ['xl'] },
    {
      title: t('import.col.check'),
      key: 'problems',
      width: 190,
      render: (_v, r) => {
        if (r.dropped) return <Tag className="lib-tag">{t('import.dropped')}</Tag>;
        const p = problems.get(r.key);
        if (!p) return <Tag className="lib-tag lib-tag--ok">{t('import.ok')}</Tag>;
        return (
          <Space size={[0, 4]} wrap>
            {p.map((x) => (
              <Tag key={x} className="lib-tag lib-tag--bad">
                {t(`import.problem.${x}`)}
              </Tag>
            ))}
          </Space>
        );
      },
    },
    {
      title: homeName ?? t('import.col.result'),
      key: 'status',
      width: 170,
      render: (_v, r) => (r.dropped ? null : <StatusTag status={status[r.key]} lang={lang} />),
    },
    // Each other node's outcome of the same file (enrol once, to many).
    ...lanes.map((l) => ({
      title: nodeLabel(l.node),
      key: `node:${l.node}`,
      width: 170,
      render: (_v: unknown, r: ImportRow) => {
        if (r.dropped) return null;
        if (l.state === 'skipped') return <Tag className="lib-tag">{t('import.lane.skipped')}</Tag>;
        if (l.state === 'failed' && l.error !== undefined && !l.status[r.key]) {
          return <Tag className="lib-tag lib-tag--bad">{t('import.lane.notSent', { reason: describeError(l.error, lang).title })}</Tag>;
        }
        return <StatusTag status={l.status[r.key]} lang={lang} />;
      },
    })),
    {
      title: t('library.actions'),
      key: 'actions',
      width: 84,
      fixed: 'right',
      render: (_v, r) => (
        <Space size={4}>
          <Tooltip title={t('import.editRow')}>
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              aria-label={t('import.editRowOf', { name: r.source })}
              disabled={locked(r) || r.dropped || problems.get(r.key)?.includes('extension')}
              onClick={() => onEdit(r)}
            />
          </Tooltip>
          <Tooltip title={r.dropped ? t('import.restoreRow') : t('import.dropRow')}>
            <Button
              size="small"
              icon={r.dropped ? <RollbackOutlined aria-hidden /> : <StopOutlined aria-hidden />}
              aria-label={r.dropped ? t('import.restoreRowOf', { name: r.source }) : t('import.dropRowOf', { name: r.source })}
              disabled={locked(r)}
              onClick={() => onDrop(r, !r.dropped)}
            />
          </Tooltip>
        </Space>
      ),
    },
  ];
  return (
    <div className="import-table-wrap">
      <Table<ImportRow>
        rowKey="key"
        size="small"
        {...FIT_TABLE}
        // Fixed: the ellipsis columns keep their widths instead of growing to their longest text.
        tableLayout="fixed"
        columns={columns}
        dataSource={rows as ImportRow[]}
        rowClassName={(r) => (r.dropped ? 'import-row--dropped' : problems.has(r.key) ? 'import-row--problem' : '')}
        rowSelection={{
          ...selectAll,
          selectedRowKeys: selected as number[],
          onChange: (keys) => onSelect(keys as number[]),
          getCheckboxProps: (r) => ({ 'aria-label': t('import.selectRow', { name: r.source }), disabled: locked(r) }),
          preserveSelectedRowKeys: true,
        }}
        pagination={{
          current: page,
          pageSize: IMPORT_PAGE_SIZE,
          showSizeChanger: false,
          onChange: onPage,
          showTotal: (n) => t('import.rowsTotal', { n }),
          ...pageArrows,
        }}
      />
    </div>
  );
}
