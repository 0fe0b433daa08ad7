// Fleet mode: distribute a library from one node to others, and the ledger of
// every person against every target (docs/fleet-distribute.md). The page
// composes; the reads are api/, the rules model/, the I/O of a run run/.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { callOn } from '../../../api/device';
import { describeError } from '../../../api/device-error';
import { deleteFaces } from '../../../api/protocol/faces';
import { createLibrary } from '../../../api/protocol/libraries';
import { ID_LIST_MAX } from '../../../api/protocol/limits';
import { ErrorAlert } from '../../../components/error-alert';
import { DeleteOutlined, ReloadOutlined, SendOutlined } from '../../../components/icons';
import { PageTitle } from '../../../components/page-title';
import { PARAMS } from '../../../config/paths';
import { useLang, useT } from '../../../i18n';
import { useNodeStore } from '../../../session/node-store';
import { useSessionStore } from '../../../session/session-store';
import { distributeQueries } from '../api/distribute-queries';
import { useDistribution } from '../api/use-distribution';
import { ChooseCard } from '../components/choose-card';
import { LedgerTable } from '../components/ledger-table';
import { RunPanel } from '../components/run-panel';
import { CELL_STATES, idsInState, ledger, type CellState, type PersonAttrs, type StateFilter } from '../model/ledger';
import { jobsFor } from '../model/plan';
import { useDistributeT } from '../messages';
import { startRun } from '../run/runner';
import { useDistributeStore, type RunTarget } from '../run/run-store';
import '../distribute.css';

const P = PARAMS.distribute;

export function DistributePage() {
  const t = useT();
  const dt = useDistributeT();
  const lang = useLang();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const nodes = useNodeStore((s) => s.nodes);
  const sessions = useSessionStore((s) => s.sessions);
  const signedIn = nodes.filter((n) => !!sessions[n.id]?.sessionId);
  const signedOut = nodes.filter((n) => !sessions[n.id]?.sessionId);
  const nodeName = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;

  const src = signedIn.some((n) => n.id === params.get(P.src)) ? params.get(P.src) : null;
  const libParam = Number(params.get(P.lib));
  const libId = src && Number.isInteger(libParam) && libParam > 0 ? libParam : null;
  const toParam = params.get(P.to);
  // No `to` in the URL: every other signed-in node.
  const targetsKey = signedIn
    .filter((n) => n.id !== src && (toParam === null || toParam.split(',').includes(n.id)))
    .map((n) => n.id)
    .join(',');
  // One array while the choice is the same: the ledger is recomputed only when it changes.
  const targets = useMemo(() => (targetsKey ? targetsKey.split(',') : []), [targetsKey]);
  const stateParam = params.get(P.state);
  const filter: StateFilter = CELL_STATES.includes(stateParam as CellState) ? (stateParam as CellState) : 'all';
  const page = Math.max(1, Number(params.get(P.page)) || 1);

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  // The table skips renders while its page of rows is unchanged (LedgerTable's
  // memo), so it keeps one paging callback: the latest `set` (its URL) behind a ref.
  const setRef = useRef(set);
  useLayoutEffect(() => {
    setRef.current = set;
  });
  const onPage = useCallback((p: number) => setRef.current({ [P.page]: String(p) }), []);

  const { libraries, sourceLib, source, views, input, checking } = useDistribution(src, libId, targets);
  // Only whether a run goes: its progress renders the run's panel alone (RunHost), not the ledger's table.
  const running = useDistributeStore((s) => !!s.run && !s.run.ended);
  const hasRun = useDistributeStore((s) => s.run !== null);

  const { rows, counts, persons } = useMemo(
    () => (input ? ledger(input, filter) : null) ?? { rows: [], counts: [], persons: null },
    [input, filter],
  );
  const total = (state: CellState) => counts.reduce((a, c) => a + c[state], 0);
  const usable = views.filter((v) => v.plan && v.plan.kind !== 'clash');

  const recheck = () => queryClient.invalidateQueries({ queryKey: distributeQueries.all() });

  const go = async (states: CellState[]) => {
    if (!input || !sourceLib || !src || !source.data) return;
    const jobs = jobsFor(input, states);
    const chosen = views
      .map((v, i) => ({ v, jobs: jobs[i] ?? [] }))
      .filter((x) => x.v.plan && x.v.plan.kind !== 'clash' && x.jobs.length > 0);
    if (chosen.length === 0) {
      void message.info(dt('run.nothing'));
      return;
    }
    const creates = chosen.filter((x) => x.v.plan?.kind === 'create');
    const launch = async () => {
      const runTargets: RunTarget[] = [];
      for (const x of chosen) {
        const p = x.v.plan!;
        if (p.kind === 'use') runTargets.push({ node: x.v.node, libId: p.libId });
        else if (p.kind === 'create') {
          const made = await callOn(x.v.node, { wait: false })(createLibrary, {
            lib_name: sourceLib.lib_name,
            lib_type: sourceLib.lib_type as 1 | 2,
          });
          void message.success(dt('created', { node: nodeName(x.v.node) }));
          runTargets.push({ node: x.v.node, libId: made.lib_id });
          // The plan becomes "use" at once, so the ledger follows the run on the new library too.
          void queryClient.invalidateQueries({ queryKey: distributeQueries.libraries(x.v.node).queryKey });
        }
      }
      const people = new Map<string, PersonAttrs>(source.data!.people.map((p) => [p.img_id, p]));
      startRun({
        source: { node: src, lib: sourceLib },
        targets: runTargets,
        jobs: chosen.map((x) => x.jobs),
        person: (id) => people.get(id),
        // The ledger is read from the targets again: what the run saw is checked against what they hold.
        onEnd: () => {
          for (const tgt of runTargets) void queryClient.invalidateQueries({ queryKey: distributeQueries.node(tgt.node) });
        },
      });
    };
    const guarded = () =>
      launch().catch((e: unknown) => {
        const d = describeError(e, lang);
        void message.error(`${d.title}${d.code !== undefined ? ` (${d.code})` : ''}`);
      });
    if (creates.length === 0) return guarded();
    modal.confirm({
      title: dt('confirm.create.title', { n: creates.length }),
      content: dt('confirm.create.body', {
        name: sourceLib.lib_name,
        nodes: creates.map((x) => nodeName(x.v.node)).join(lang === 'zh-CN' ? '、' : ', '),
      }),
      okText: dt('confirm.create.ok'),
      onOk: guarded,
    });
  };

  const extras = input ? idsInState(input, ['extra']) : [];
  const extraCount = extras.reduce((a, ids) => a + ids.length, 0);
  const remove = () =>
    modal.confirm({
      title: dt('confirm.remove.title', { n: extraCount }),
      content: dt('confirm.remove.body'),
      okText: dt('confirm.remove.ok'),
      okButtonProps: { danger: true },
      onOk: async () => {
        let done = 0;
        for (const [i, ids] of extras.entries()) {
          const v = views[i];
          if (!v || v.plan?.kind !== 'use' || ids.length === 0) continue;
          const call = callOn(v.node, { wait: false });
          try {
            // §3.20 takes at most 50 ids a call.
            for (let k = 0; k < ids.length; k += ID_LIST_MAX) {
              await call(deleteFaces, { lib_id: v.plan.libId, img_ids: ids.slice(k, k + ID_LIST_MAX).join(',') });
            }
            done++;
          } catch (e) {
            const d = describeError(e, lang);
            void message.error(`${nodeName(v.node)}: ${d.title}`);
          }
          void queryClient.invalidateQueries({ queryKey: distributeQueries.node(v.node) });
        }
        if (done > 0) void message.success(dt('removed', { n: done }));
      },
    });

  const readError = views.find((v) => v.error);
  const targetColumns = targets.map((id) => ({ id, name: nodeName(id) }));
  const filterOptions: Array<{ value: StateFilter; label: string }> = [
    { value: 'all', label: dt('filter.all', { n: persons?.all ?? 0 }) },
    ...CELL_STATES.map((s) => ({ value: s, label: `${dt(`state.${s}`)} (${persons?.[s] ?? 0})` })),
  ];

  return (
    <>
      <PageTitle>{t('nav.distribute')}</PageTitle>
      <Typography.Paragraph type="secondary">{dt('intro')}</Typography.Paragraph>
      <ChooseCard
        nodes={signedIn}
        signedOut={signedOut}
        src={src}
        libId={libId}
        libraries={libraries.data}
        librariesLoading={libraries.isLoading}
        targets={targets}
        views={views}
        sourceLib={sourceLib}
        disabled={running}
        onSource={(node) => set({ [P.src]: node, [P.lib]: null, [P.to]: null, [P.page]: null })}
        onLibrary={(id) => set({ [P.lib]: String(id), [P.page]: null })}
        onTargets={(ids) => set({ [P.to]: ids.join(','), [P.page]: null })}
      />
      {libraries.error ? <ErrorAlert error={libraries.error} title={dt('ledger.readFailed', { node: nodeName(src ?? '') })} /> : null}
      {source.error ? <ErrorAlert error={source.error} title={dt('ledger.readFailed', { node: nodeName(src ?? '') })} /> : null}
      {readError ? <ErrorAlert error={readError.error} title={dt('ledger.readFailed', { node: nodeName(readError.node) })} /> : null}
      {hasRun && <RunHost nodeName={nodeName} />}
      {sourceLib && input ? (
        <Card title={dt('ledger.heading')} className="distribute-ledger">
          <Space wrap className="distribute-actions">
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={running || usable.length === 0}
              onClick={() => void go(['missing', 'failed', 'different'])}
            >
              {dt('action.start')}
            </Button>
            <Button disabled={running || total('failed') === 0} onClick={() => void go(['failed'])}>
              {dt('action.retryFailed', { n: total('failed') })}
            </Button>
            <Button disabled={running || total('missing') === 0} onClick={() => void go(['missing'])}>
              {dt('action.sendMissing', { n: total('missing') })}
            </Button>
            <Button danger icon={<DeleteOutlined />} disabled={running || extraCount === 0} onClick={remove}>
              {dt('action.remove', { n: extraCount })}
            </Button>
            <Button icon={<ReloadOutlined />} loading={checking} disabled={running} onClick={() => void recheck()}>
              {dt('action.recheck')}
            </Button>
          </Space>
          <ul className="distribute-summary" aria-label={dt('ledger.heading')}>
            {targets.map((id, i) =>
              counts[i] && input.targets[i] ? <li key={id}>{dt('summary.node', { node: nodeName(id), ...counts[i] })}</li> : null,
            )}
          </ul>
          <Space className="distribute-filter">
            <label htmlFor="distribute-filter">{dt('ledger.filter')}</label>
            <Select
              id="distribute-filter"
              className="distribute-select"
              value={filter}
              options={filterOptions}
              onChange={(v) => set({ [P.state]: v === 'all' ? null : v, [P.page]: null })}
            />
          </Space>
          <LedgerTable rows={rows} targets={targetColumns} page={page} onPage={onPage} loading={checking && !rows.length} />
        </Card>
      ) : !src || !libId ? (
        <Typography.Paragraph>{dt('choose.pickSource')}</Typography.Paragraph>
      ) : null}
    </>
  );
}

/** The run's panel, subscribed by itself: progress every 250 ms re-renders this, not the page. */
function RunHost({ nodeName }: { nodeName: (id: string) => string }) {
  const run = useDistributeStore((s) => s.run);
  return run ? <RunPanel run={run} nodeName={nodeName} /> : null;
}
