// Per setting, each node's value as the node says it, and which nodes differ
// from the usual one (model/settings-compare.ts).
import { useQueries } from '@tanstack/react-query';
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../../../api/device-error';
import { useSettingFieldsT } from '../../../components/setting-fields/setting-fields';
import { useLang } from '../../../i18n';
import { useNodeStore } from '../../../session/node-store';
import { useSessionStore } from '../../../session/session-store';
import { fleetOpsQueries } from '../api/fleet-ops-queries';
import { compareAll, type NodeSettings, type SettingId, type SettingRow } from '../model/settings-compare';
import { useFleetOpsT } from '../messages';

type T = ReturnType<typeof useFleetOpsT>;
type FieldsT = ReturnType<typeof useSettingFieldsT>;

function shown(t: T, ft: FieldsT, setting: SettingId, s: NodeSettings | undefined): string {
  if (!s) return t('compare.notRead');
  switch (setting) {
    case 'ntp':
      return s.ntp?.enabled ? t('value.ntpOn', { url: s.ntp.url, port: s.ntp.port, cycle: s.ntp.cycle }) : t('value.off');
    case 'timeZone':
      return s.time?.zone ?? '';
    case 'timeFormat':
      return s.time?.format ?? '';
    case 'storage':
      return s.storage === 2 ? ft('storage.stop.title') : ft('storage.overwrite.title');
    case 'push':
      return s.push?.url ? t('value.pushKey', { url: s.push.url, n: s.push.key.length }) : t('value.off');
    case 'web':
      return '';
  }
}

/** The nodes' settings as read, for the comparison and for the forms' first values. */
export function useNodeSettings() {
  const nodes = useNodeStore((s) => s.nodes);
  const sessions = useSessionStore((s) => s.sessions);
  const results = useQueries({
    queries: nodes.map((n) => ({ ...fleetOpsQueries.settings(n.id), enabled: !!sessions[n.id]?.sessionId })),
  });
  const read: Record<string, NodeSettings | undefined> = {};
  const errors: Record<string, unknown> = {};
  nodes.forEach((n, i) => {
    read[n.id] = results[i]?.data;
    if (results[i]?.error) errors[n.id] = results[i]?.error;
  });
  // Once every signed-in node has answered (or failed) the forms may start from the usual values;
  // latched, so a node signing in again later does not take the forms (and their outcomes) away.
  const now = nodes.every((n, i) => !sessions[n.id]?.sessionId || results[i]?.isFetched);
  const [settled, setSettled] = useState(now);
  if (now && !settled) setSettled(true);
  const refetch = () => Promise.all(results.map((r) => r.refetch()));
  return {
    nodes,
    read,
    errors,
    settled,
    rows: compareAll(
      nodes.map((n) => n.id),
      read,
    ),
    refetch,
  };
}

/**
 * The table's fixed columns, and the narrowest a node's column may be before the
 * table gives way to a list per setting: the nodes share what is left evenly and
 * a value wraps (anywhere, if it must), so the table never scrolls sideways (a
 * portrait tablet holds three nodes; a phone gets the list).
 */
const COLUMN = { setting: 120, summary: 110, minNode: 110 };

/** The box's width, following it (null before the first measure, or with no ResizeObserver). */
function useWidth() {
  const [width, setWidth] = useState<number | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    setWidth(el.clientWidth);
    observer.current = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.current.observe(el);
  }, []);
  return [ref, width] as const;
}

export function CompareTable({ data }: { data: ReturnType<typeof useNodeSettings> }) {
  const t = useFleetOpsT();
  const ft = useSettingFieldsT();
  const lang = useLang();
  const { nodes, read, errors, rows } = data;
  const [box, width] = useWidth();
  const stacked = width !== null && width < COLUMN.setting + COLUMN.summary + nodes.length * COLUMN.minNode;
  const settingName = (r: SettingRow) => <Typography.Text strong>{t(`setting.${r.setting}`)}</Typography.Text>;
  const summary = (r: SettingRow) =>
    r.setting === 'web' ? (
      <Typography.Text type="secondary">{t('compare.webUnknown')}</Typography.Text>
    ) : r.differing === 0 ? (
      <Tag color="success">{t('compare.same')}</Tag>
    ) : (
      <Tag color="warning">{t('compare.differ', { n: r.differing })}</Tag>
    );
  const value = (r: SettingRow, i: number) => {
    const cell = r.cells[i]!;
    return (
      <span className={cell.differs ? 'fleet-ops__differs' : undefined}>
        {shown(t, ft, r.setting, read[nodes[i]!.id])}
        {cell.differs && (
          <Tag color="warning" style={{ marginInlineStart: 8 }}>
            {t('compare.differs')}
          </Tag>
        )}
      </span>
    );
  };
  const failure = (id: string) =>
    errors[id] !== undefined && (
      <Typography.Text type="danger" style={{ display: 'block', fontWeight: 'normal' }}>
        {describeError(errors[id], lang).title}
      </Typography.Text>
    );
  const columns: ColumnsType<SettingRow> = [
    { key: 'setting', title: t('compare.setting'), width: COLUMN.setting, render: (_, r) => settingName(r) },
    {
      key: 'summary',
      title: t('compare.summary'),
      width: COLUMN.summary,
      render: (_, r) => summary(r),
      onCell: (r) => (r.setting === 'web' ? { colSpan: nodes.length + 1 } : {}),
    },
    ...nodes.map((n, i) => ({
      key: n.id,
      className: 'fleet-ops__value',
      title: (
        <span>
          {n.name}
          {failure(n.id)}
        </span>
      ),
      onCell: (r: SettingRow) => (r.setting === 'web' ? { colSpan: 0 } : {}),
      render: (_: unknown, r: SettingRow) => value(r, i),
    })),
  ];
  return (
    <div ref={box}>
      {stacked ? (
        // Too narrow for a column per node: per setting, each node's value under it.
        <>
          {nodes.some((n) => errors[n.id] !== undefined) && (
            <ul className="fleet-ops__stack-failures">
              {nodes
                .filter((n) => errors[n.id] !== undefined)
                .map((n) => (
                  <li key={n.id}>
                    {n.name}
                    {failure(n.id)}
                  </li>
                ))}
            </ul>
          )}
          <ul className="fleet-ops__stack" aria-label={t('compare.title')}>
            {rows.map((r) => (
              <li key={r.setting} className="fleet-ops__stack-setting">
                <div className="fleet-ops__stack-head">
                  {settingName(r)} {summary(r)}
                </div>
                {r.setting !== 'web' && (
                  <dl className="fleet-ops__stack-nodes">
                    {nodes.map((n, i) => (
                      <div key={n.id}>
                        <dt>{n.name}</dt>
                        <dd>{value(r, i)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Table<SettingRow>
          rowKey="setting"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={rows}
          tableLayout="fixed"
          className="fleet-ops__compare"
          aria-label={t('compare.title')}
        />
      )}
      <Button style={{ marginTop: 12 }} onClick={() => void data.refetch()}>
        {t('compare.refresh')}
      </Button>
    </div>
  );
}
