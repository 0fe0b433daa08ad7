// The ledger's table: one page of rows at a time (antd renders only the page),
// a column per target. The rows come filtered from model/ledger.ts.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FIT_TABLE } from '../../../components/table-fit';
import { usePageArrows } from '../../../components/use-page-arrows';
import type { LedgerRow } from '../model/ledger';
import { useDistributeT } from '../messages';
import { CellTag } from './cell-tag';

export const LEDGER_PAGE_SIZE = 50;

export function LedgerTable({
  rows,
  targets,
  page,
  onPage,
  loading,
}: {
  rows: readonly LedgerRow[];
  targets: ReadonlyArray<{ id: string; name: string }>;
  page: number;
  onPage: (page: number) => void;
  loading: boolean;
}) {
  const dt = useDistributeT();
  const pageArrows = usePageArrows();
  const columns: ColumnsType<LedgerRow> = [
    {
      key: 'person',
      title: dt('ledger.person'),
      width: 200,
      render: (_, r) => (
        <span>
          <span>{r.person ? r.person.person_name || dt('ledger.noName') : dt('state.extra')}</span>
          <br />
          <Typography.Text type="secondary" className="distribute-id">
            {r.imgId}
          </Typography.Text>
        </span>
      ),
    },
    ...targets.map((t, i) => ({
      key: t.id,
      title: t.name,
      width: 220,
      render: (_: unknown, r: LedgerRow) => <CellTag cell={r.cells[i] ?? null} />,
    })),
  ];
  return (
    <Table<LedgerRow>
      rowKey="imgId"
      size="small"
      columns={columns}
      dataSource={rows as LedgerRow[]}
      loading={loading}
      {...FIT_TABLE}
      locale={{ emptyText: dt('ledger.empty') }}
      pagination={{
        current: page,
        pageSize: LEDGER_PAGE_SIZE,
        showSizeChanger: false,
        total: rows.length,
        onChange: onPage,
        hideOnSinglePage: true,
        ...pageArrows,
      }}
    />
  );
}
