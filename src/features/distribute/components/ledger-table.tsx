// The ledger's table: one page of rows at a time (antd renders only the page),
// a column per target. The rows come filtered from model/ledger.ts.
import { Table, Typography } from 'antd';
import { memo } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { FIT_TABLE } from '../../../components/table-fit';
import { usePageArrows } from '../../../components/use-page-arrows';
import type { LedgerRow } from '../model/ledger';
import { useDistributeT } from '../messages';
import { CellTag } from './cell-tag';

export const LEDGER_PAGE_SIZE = 50;

interface LedgerTableProps {
  rows: readonly LedgerRow[];
  targets: ReadonlyArray<{ id: string; name: string }>;
  page: number;
  onPage: (page: number) => void;
  loading: boolean;
}

/**
 * The rows on the page shown, and the paging, unchanged? The ledger is computed
 * again each second of a run (new row objects), while the page of 50 rows in
 * front of the user mostly stays as it was: antd's table of 50 × nodes tags is
 * then not rendered again. `onPage` must be one function throughout (the page keeps it stable).
 */
export function sameView(a: LedgerTableProps, b: LedgerTableProps): boolean {
  if (a.page !== b.page || a.loading !== b.loading || a.onPage !== b.onPage || a.rows.length !== b.rows.length) return false;
  if (a.targets.length !== b.targets.length || a.targets.some((t, i) => t.id !== b.targets[i]!.id || t.name !== b.targets[i]!.name))
    return false;
  const from = (a.page - 1) * LEDGER_PAGE_SIZE;
  for (let i = from; i < Math.min(a.rows.length, from + LEDGER_PAGE_SIZE); i++) {
    const x = a.rows[i]!;
    const y = b.rows[i]!;
    if (x.imgId !== y.imgId || x.person !== y.person || x.cells.length !== y.cells.length) return false;
    for (let c = 0; c < x.cells.length; c++) {
      const p = x.cells[c];
      const q = y.cells[c];
      if (p?.state !== q?.state || p?.error !== q?.error) return false;
    }
  }
  return true;
}

export const LedgerTable = memo(LedgerTableView, sameView);

function LedgerTableView({ rows, targets, page, onPage, loading }: LedgerTableProps) {
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
