// A chart in a card, with its numbers as a table a switch away: for screen
// readers, for copying into a mail, and for keyboard users (each number is a
// link to its records, like a click on its bar).
import { useId, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Skeleton, Space, Switch, Table, Typography } from 'antd';
import { CopyOutlined } from '../../../components/icons';
import { BarChart, type BarSeries } from './bar-chart';
import { useOverviewT } from '../messages';
import { ErrorAlert } from '../../../components/error-alert';

export interface ChartCardProps {
  title: string;
  /** Above the chart (a choice of range): the card's head has no room on a tablet. */
  toolbar?: ReactNode;
  note?: ReactNode;
  /** The first column's heading (hour, day, camera…). */
  category: string;
  labels: readonly string[];
  series: readonly BarSeries[];
  /** Where a bar (or its number in the table) leads; undefined: not a link. */
  href?: (index: number, series: number) => string | undefined;
  /** No chart until the first series is in. */
  pending: boolean;
  /** Every number in (data-ready); by default when not pending. A second series may come after the first. */
  complete?: boolean;
  error: unknown;
  horizontal?: boolean;
  stacked?: boolean;
  height?: number;
  /** A stable name for tests and the bench (data-chart). */
  name: string;
}

export function ChartCard(p: ChartCardProps) {
  const t = useOverviewT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [asTable, setAsTable] = useState(false);
  const switchId = useId();

  const rows = p.labels.map((label, i) => ({ key: i, label, values: p.series.map((s) => s.data[i] ?? null) }));
  const copy = async () => {
    const tsv = [[p.category, ...p.series.map((s) => s.label)], ...rows.map((r) => [r.label, ...r.values.map((v) => v ?? '')])]
      .map((r) => r.join('\t'))
      .join('\n');
    await navigator.clipboard.writeText(tsv);
    message.success(t('chart.copied'));
  };

  const body = p.pending ? (
    <Skeleton active paragraph={{ rows: 4 }} title={false} aria-label={t('chart.loading')} />
  ) : asTable ? (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      aria-label={p.title}
      scroll={{ y: p.height ?? 240 }}
      columns={[
        { title: p.category, dataIndex: 'label', key: 'label' },
        ...p.series.map((s, si) => ({
          title: s.label,
          key: `s${si}`,
          align: 'right' as const,
          render: (_: unknown, r: (typeof rows)[number]) => {
            const to = p.href?.(r.key, si);
            const v = r.values[si];
            if (v === null || v === undefined) return '…';
            return to ? <Link to={to}>{v}</Link> : v;
          },
        })),
      ]}
    />
  ) : (
    <BarChart
      label={p.title}
      labels={p.labels}
      series={p.series}
      horizontal={p.horizontal}
      stacked={p.stacked}
      height={p.height}
      onSelect={
        p.href
          ? (i, s) => {
              const to = p.href?.(i, s);
              if (to) void navigate(to);
            }
          : undefined
      }
    />
  );

  return (
    <Card title={p.title} data-chart={p.name} data-ready={(p.complete ?? !p.pending) ? 'true' : undefined}>
      {/* Below the title, not in the card's head: a phone or a tablet has no room beside it. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        {p.toolbar}
        <Space size="small" style={{ marginInlineStart: 'auto' }}>
          <Switch id={switchId} size="small" checked={asTable} onChange={setAsTable} />
          <label htmlFor={switchId}>{t('chart.showTable')}</label>
          {asTable && (
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()}>
              {t('chart.copy')}
            </Button>
          )}
        </Space>
      </div>
      {p.error ? <ErrorAlert error={p.error} title={t('chart.failed')} /> : null}
      {body}
      {p.note || p.href ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {p.note} {p.href && !asTable ? t('chart.clickHint') : null}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
