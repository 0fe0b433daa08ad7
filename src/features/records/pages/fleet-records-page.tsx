// Records across nodes (fleet mode, docs/fleet-console.md): the same filters
// asked of every chosen node, the answers merged by each node's device time
// and paged with a cursor per node (model/fleet-merge.ts). Each node's part is
// its own query: a node that is down, slow or not signed in says so in its
// cell and the others' rows show.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Modal, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { describeError } from '../../../api/device-error';
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { MODEL_SPEC } from '../../../api/protocol/limits';
import { NodeSignInForm } from '../../../components/node-sign-in-form';
import { useLang } from '../../../i18n';
import { useNodeStore, type NodeInfo } from '../../../session/node-store';
import { inSession, useSessionStore } from '../../../session/session-store';
import { fleetRecordQueries } from '../api/fleet-record-queries';
import { recordQueries, type RecordPage } from '../api/record-queries';
import { DeleteAllDialog } from '../components/delete-all-dialog';
import { FleetExportDialog, type FleetExportRow } from '../components/fleet-export-dialog';
import type { ExportWhat } from '../components/export-dialog';
import { RecordDrawer, type AnyRecord } from '../components/record-drawer';
import { RecordFilters } from '../components/record-filters';
import { RecordsTable, type Row } from '../components/records-table';
import { presetRange } from '../model/device-time';
import { asksFor, hasAfter, hasBefore, mergePage, rowsBefore, type Direction, type NodeWindow } from '../model/fleet-merge';
import { filterRequest, needsClock, PAGE_SIZES, withFilter, type FilterRequest, type RecordView } from '../model/record-view';
import { RecordsTitle, RecordTabs, SelectionBar, useRecordView, useRowSelection, useTabLabel } from '../components/records-page-parts';
import { useRecordsT } from '../messages';
import '../records.css';

const MAX_CHANNELS = Math.max(...Object.values(MODEL_SPEC).map((m) => m.channels));

type NodeState =
  | { kind: 'signedOut'; expired: boolean }
  | { kind: 'searching' }
  | { kind: 'failed'; error: unknown; clock: boolean }
  | { kind: 'answered'; total: number };

/** A row's key across nodes: snap ids are the device's own, unique on one node only. */
const keyOf = (node: string, snapId: string) => `${node}/${snapId}`;

export function FleetRecordsPage() {
  const t = useRecordsT();
  const qc = useQueryClient();
  const { view, go } = useRecordView();

  const allNodes = useNodeStore((s) => s.nodes);
  const sessions = useSessionStore((s) => s.sessions);
  const signedIn = (id: string) => !!sessions[id]?.sessionId;
  // No nodes named: those signed in, and those whose session the node ended (listed, asking for a sign-in, not dropped).
  const chosen = view.nodes ? allNodes.filter((n) => view.nodes!.includes(n.id)) : allNodes.filter((n) => inSession(sessions[n.id]));
  const order = chosen.map((n) => n.id);
  const asked = chosen.filter((n) => signedIn(n.id));
  const libraries = useQuery(recordQueries.libraries());

  // Each node's presets by its own clock, anchored at the reading (the keys hold still between reads).
  const clocks = useQueries({
    queries: asked.map((n) => ({ ...fleetRecordQueries.clock(n.id), enabled: needsClock(view) })),
  });
  const direction: Direction = view.before ? 'before' : 'after';
  const cursor = view.before ?? view.after ?? {};
  const asks = asksFor(
    direction,
    cursor,
    asked.map((n) => n.id),
    view.size,
  );
  const requests: (FilterRequest | null)[] = asked.map((_, i) => {
    if (!needsClock(view))
      return filterRequest(view, view.range === 'custom' ? { start_time: view.from, stop_time: view.to } : {}, { fleet: true });
    const clock = clocks[i]?.data;
    const anchor = clock ? parseDeviceTime(clock.sysTime) : null;
    return anchor === null
      ? null
      : filterRequest(view, presetRange(view.range as Exclude<RecordView['range'], 'custom' | undefined>, anchor), { fleet: true });
  });
  const parts = useQueries({
    queries: asked.map((n, i) => ({
      ...fleetRecordQueries.part(n.id, requests[i] ?? filterRequest(view, {}, { fleet: true }), asks[i]!),
      enabled: requests[i] !== null,
    })),
  });

  const states = new Map<string, NodeState>();
  const windows: NodeWindow<Row>[] = [];
  for (const n of chosen) if (!signedIn(n.id)) states.set(n.id, { kind: 'signedOut', expired: !!sessions[n.id]?.expired });
  asked.forEach((n, i) => {
    const clock = clocks[i];
    const part = parts[i];
    // A failed refresh keeps the last answer in the cache: the failure wins, the node is down now.
    if (needsClock(view) && clock?.isError) states.set(n.id, { kind: 'failed', error: clock.error, clock: true });
    else if (part?.isError) states.set(n.id, { kind: 'failed', error: part.error, clock: false });
    else if (part?.data && part.data.tab === view.tab) {
      states.set(n.id, { kind: 'answered', total: part.data.total });
      windows.push({ node: n.id, offset: part.data.offset, rows: part.data.rows as Row[], total: part.data.total });
    } else states.set(n.id, { kind: 'searching' });
  });
  const merged = mergePage(direction, cursor, order, windows, view.size);
  const totals = new Map(windows.map((w) => [w.node, w.total]));
  const total = windows.reduce((s, w) => s + w.total, 0);
  const searching = [...states.values()].some((s) => s.kind === 'searching');
  // A node not signed in is not searched at all; one that failed has rows still to come.
  const missing = [...states.values()].some((s) => s.kind === 'failed');

  const byId = new Map(allNodes.map((n) => [n.id, n]));
  const nodeOfRow = new Map<Row, NodeInfo>(merged.rows.map((r) => [r.row, byId.get(r.node)!]));
  const data = { tab: view.tab, rows: merged.rows.map((r) => r.row), total } as RecordPage;
  const fleet = {
    nodeOf: (r: Row) => nodeOfRow.get(r)!,
    keyOf: (r: Row) => keyOf(nodeOfRow.get(r)!.id, r.snap_id),
  };

  const shown = new Map(merged.rows.map((r) => [keyOf(r.node, r.row.snap_id), r]));
  const { selected, select, clear } = useRowSelection(JSON.stringify([view.tab, requests, asks, order]), (id) => shown.has(id));
  const [exporting, setExporting] = useState<ExportWhat | null>(null);
  const [deleting, setDeleting] = useState(false);
  // A node not signed in signs in here, over the search: once it has, it is searched with the others.
  const [signingIn, setSigningIn] = useState<NodeInfo | null>(null);
  // Delete-all is one node's (the node of the URL, whose client `call` is): never across nodes.
  const shownNode = useNodeStore((s) => s.current);
  const canDelete = order.length === 1 && order[0] === shownNode;

  const openRow = view.open ? shown.get(view.open) : undefined;
  const open = openRow ? ({ tab: view.tab, row: openRow.row } as AnyRecord) : null;

  const refresh = async () => {
    for (const n of asked) await qc.invalidateQueries({ queryKey: fleetRecordQueries.node(n.id) });
  };
  const page = (change: Partial<RecordView>) => go({ ...view, after: undefined, before: undefined, open: undefined, ...change });
  const from = rowsBefore(merged.start, order) + 1;
  const tabLabel = useTabLabel();

  const nodePicker = (
    <Form.Item label={t('fleet.nodes')} htmlFor="records-fleet-nodes">
      <Select
        id="records-fleet-nodes"
        mode="multiple"
        allowClear
        placeholder={t('fleet.nodesAll')}
        value={order}
        onChange={(v: string[]) => go(withFilter(view, { nodes: v }))}
        options={groupBySite(allNodes).map(([site, nodes]) => ({
          label: site || t('fleet.noSite'),
          title: site || t('fleet.noSite'),
          options: nodes.map((n) => ({ value: n.id, label: n.name })),
        }))}
        optionFilterProp="label"
        popupMatchSelectWidth={false}
        className="records-fleet-picker"
      />
    </Form.Item>
  );

  const content = (
    <>
      <RecordFilters
        view={view}
        onChange={go}
        cameras={[]}
        libraries={libraries.data ?? []}
        fleet={{ channels: MAX_CHANNELS, extra: nodePicker }}
      />
      {chosen.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('fleet.noneChosen')}</Typography.Paragraph>
      ) : (
        <>
          <div className="records-range" aria-live="polite">
            {view.range === 'custom' && (view.from || view.to) && (
              <Typography.Text>
                {t('time.summary', { from: view.from ?? t('time.anyStart'), to: view.to ?? t('time.openEnd') })}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" className="records-small">
              {t('fleet.merged', { n: chosen.length })}
            </Typography.Text>
          </div>
          <section className="records-fleet-nodes" aria-labelledby="records-fleet-per-node">
            <Typography.Text strong id="records-fleet-per-node">
              {t('fleet.perNode')}
            </Typography.Text>{' '}
            <Typography.Text role="status">{t('fleet.total', { total, n: windows.length })}</Typography.Text>
            <ul aria-labelledby="records-fleet-per-node">
              {chosen.map((n) => (
                <li key={n.id}>
                  <span className="records-fleet-node">{n.name}</span>
                  {n.site && <Typography.Text type="secondary"> · {n.site}</Typography.Text>}:{' '}
                  <NodeCell node={n} state={states.get(n.id)!} onSignIn={setSigningIn} />
                </li>
              ))}
            </ul>
          </section>
          {missing && !searching && windows.length > 0 && <Typography.Paragraph type="warning">{t('fleet.missing')}</Typography.Paragraph>}
          <SelectionBar n={selected.length} onClear={clear} />
          <RecordsTable
            tab={view.tab}
            data={data}
            loading={searching && merged.rows.length === 0}
            page={1}
            size={view.size}
            pageSizes={PAGE_SIZES}
            onPage={() => {}}
            selected={selected}
            onSelect={select}
            onOpen={(key) => go({ ...view, open: key })}
            fleet={fleet}
          />
          <nav className="records-fleet-pager" aria-label={t('fleet.pages')}>
            <Typography.Text role="status">
              {merged.rows.length > 0
                ? t('fleet.rows', { from, to: from + merged.rows.length - 1, total })
                : searching
                  ? t('fleet.searching')
                  : t('fleet.noRows')}
            </Typography.Text>
            <Space wrap>
              <Button onClick={() => page({})} disabled={!hasBefore(merged.start, order)}>
                {t('fleet.first')}
              </Button>
              <Button onClick={() => page({ before: merged.start })} disabled={!hasBefore(merged.start, order)}>
                {t('fleet.prev')}
              </Button>
              <Button type="primary" onClick={() => page({ after: merged.end })} disabled={!hasAfter(merged.end, totals)}>
                {t('fleet.next')}
              </Button>
              <Select
                aria-label={t('fleet.pageSize')}
                value={view.size}
                onChange={(size: number) => page({ size })}
                options={PAGE_SIZES.map((n) => ({ value: n, label: t('fleet.pageSizeOption', { n }) }))}
              />
            </Space>
          </nav>
        </>
      )}
    </>
  );

  const exportRows: FleetExportRow[] = selected.map((id) => shown.get(id)!).map((r) => ({ node: byId.get(r.node)!, row: r.row }));
  return (
    <>
      <RecordsTitle
        total={total}
        selected={selected.length}
        onRefresh={() => void refresh()}
        onExport={setExporting}
        onDelete={canDelete ? () => setDeleting(true) : undefined}
      />
      <RecordTabs tab={view.tab} onChange={(tab) => page({ tab })}>
        {content}
      </RecordTabs>
      <RecordDrawer
        record={open}
        tab={view.tab}
        node={openRow ? byId.get(openRow.node) : undefined}
        onClose={() => go({ ...view, open: undefined })}
      />
      <FleetExportDialog
        what={exporting}
        onClose={() => setExporting(null)}
        tab={view.tab}
        tabLabel={tabLabel(view.tab)}
        nodes={asked
          .map((n, i) => ({ node: n, request: requests[i] ?? null, total: totals.get(n.id) ?? 0 }))
          .filter((x): x is { node: NodeInfo; request: FilterRequest; total: number } => x.request !== null && x.total > 0)}
        chosen={exportRows}
      />
      <Modal
        open={signingIn !== null}
        title={signingIn ? `${t('fleet.signIn')} · ${signingIn.name}` : undefined}
        onCancel={() => setSigningIn(null)}
        footer={null}
        destroyOnHidden
      >
        {signingIn && <NodeSignInForm node={signingIn.id} name={signingIn.name} autoFocus onSignedIn={() => setSigningIn(null)} />}
      </Modal>
      {canDelete && (
        <DeleteAllDialog
          open={deleting}
          onClose={() => {
            setDeleting(false);
            // The fleet's parts are keyed apart from the node's own records (which the delete invalidates).
            void refresh();
          }}
        />
      )}
    </>
  );
}

function NodeCell({ node, state, onSignIn }: { node: NodeInfo; state: NodeState; onSignIn: (node: NodeInfo) => void }): ReactNode {
  const t = useRecordsT();
  const lang = useLang();
  switch (state.kind) {
    case 'signedOut':
      return (
        <>
          {t(state.expired ? 'fleet.expired' : 'fleet.signedOut')} ·{' '}
          <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onSignIn(node)}>
            {t('fleet.signIn')}
          </Button>
        </>
      );
    case 'searching':
      return <Typography.Text type="secondary">{t('fleet.searching')}</Typography.Text>;
    case 'failed': {
      const d = describeError(state.error, lang);
      const reason = d.code !== undefined ? `${d.title} (${d.code})` : d.title;
      return <Typography.Text type="danger">{t(state.clock ? 'fleet.clockFailed' : 'fleet.failed', { reason })}</Typography.Text>;
    }
    case 'answered':
      return t('fleet.nodeTotal', { total: state.total });
  }
}

/** The picker's groups: sites in the node list's order, nodes without one last. */
function groupBySite(nodes: readonly NodeInfo[]): [string, NodeInfo[]][] {
  const groups = new Map<string, NodeInfo[]>();
  for (const n of nodes) groups.set(n.site, [...(groups.get(n.site) ?? []), n]);
  return [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : 0));
}
