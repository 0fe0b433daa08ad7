import {
  CloseCircleOutlined,
  DownloadOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RedoOutlined,
  SendOutlined,
} from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Progress, Segmented, Space, Statistic } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLang } from '../../../i18n';
import { libraryQueries } from '../../../api/queries/libraries';
import { resultsCsv, saveText } from '../lib/import-report';
import { batchProblems, type ImportRow, type RowProblem } from '../lib/import-rows';
import { useLibT } from '../messages';
import { countRows, importActive, useImportStore, type LanePlan, type RunInfo } from '../store/import-store';
import { NodeTargets, useTargetNodes } from '../../../components/node-targets/node-targets';
import { useNodeLibraries } from '../../../api/queries/node-libraries';
import { planTargets, type MissingChoice } from '../lib/node-targets';
import { combinedState, laneKeys } from '../lib/import-lanes';
import { TargetNote } from './node-outcomes';
import { describeError } from '../../../api/device-error';
import { isFleet, nodeLabel } from '../../../session/node-store';
import { ImportPicker } from './import-picker';
import { ImportRowModal } from './import-row-modal';
import { ImportTable } from './import-table';
import { LibraryTypeTag } from './library-type-tag';
import { hrefs, onNode } from '../../../config/paths';

type Show = 'all' | 'problems' | 'ready' | 'failed' | 'stored' | 'dropped';
const SHOWS: readonly Show[] = ['all', 'problems', 'ready', 'failed', 'stored', 'dropped'];

function rate(run: Pick<RunInfo, 'activeMs' | 'since' | 'answered'>, now: number): number | null {
  const ms = run.activeMs + (run.since !== null ? now - run.since : 0);
  return ms > 1000 && run.answered > 0 ? run.answered / (ms / 1000) : null;
}

/** Ticks once a second while a run is going, for the rate and time left. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return active ? now : Date.now();
}

/**
 * Batch import (§3.19): pick files or a folder; every name is read by the
 * shared §3.19 parser into an editable table with its problems; the valid rows
 * go to the device in chunks (1030) with progress, pause, resume and cancel;
 * each file's outcome comes back from the device's report; the results can be
 * downloaded and the failures retried.
 */
export function ImportWorkspace({ libId }: { libId: number }) {
  const t = useLibT();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const libraries = useQuery(libraryQueries.list());
  const library = libraries.data?.find((l) => l.lib_id === libId);
  const store = useImportStore();
  // Another library's import still under way keeps the store: this page says so instead.
  const [owned, setOwned] = useState(() => {
    const s = useImportStore.getState();
    return s.libId === null || s.libId === libId || !importActive(s);
  });
  // Fleet mode: the other target nodes (this node's library always takes the files: the page is about it).
  const fleet = useTargetNodes();
  const [targets, setTargets] = useState<string[]>(() => {
    const s = useImportStore.getState();
    return fleet ? [fleet.shown, ...(s.libId === libId ? s.lanes.map((l) => l.node) : [])] : [];
  });
  const [choices, setChoices] = useState<Record<string, MissingChoice>>({});
  const otherTargets = fleet ? targets.filter((n) => n !== fleet.shown) : [];
  const lists = useNodeLibraries(otherTargets);
  const [editing, setEditing] = useState<ImportRow | null>(null);
  const [selected, setSelected] = useState<number[]>([]);

  useEffect(() => setOwned(useImportStore.getState().open(libId)), [libId]);

  const problems = useMemo(() => batchProblems(store.rows), [store.rows]);
  const counts = useMemo(() => countRows(store.rows, store.status, problems), [store.rows, store.status, problems]);
  const active = importActive(store);
  // This node and every other target together (lib/import-lanes.ts).
  const state = combinedState([store.run.state, ...store.lanes.map((l) => l.state)]);
  const running = state === 'running' || state === 'pausing' || state === 'cancelling';
  const laneReady = store.lanes
    .filter((l) => l.state !== 'skipped' && l.error === undefined)
    .map((l) => laneKeys(store.rows, problems, l.status).length);
  const ready = Math.max(counts.ready, ...laneReady);
  const now = useNow(running);

  const showParam = params.get('show') as Show | null;
  const show: Show = showParam && SHOWS.includes(showParam) ? showParam : 'all';
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const setParam = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (value === null) p.delete(name);
        else p.set(name, value);
        if (name !== 'page') p.delete('page');
        return p;
      },
      { replace: true },
    );

  const shown = useMemo(() => {
    const failed = new Set(['refused', 'unknown', 'skipped', 'cancelled', 'edited']);
    return store.rows.filter((r) => {
      const k = store.status[r.key]?.kind;
      switch (show) {
        case 'problems':
          return !r.dropped && problems.has(r.key);
        case 'ready':
          return !r.dropped && !problems.has(r.key) && k !== 'stored';
        case 'failed':
          return !r.dropped && k !== undefined && failed.has(k);
        case 'stored':
          return k === 'stored';
        case 'dropped':
          return r.dropped;
        default:
          return true;
      }
    });
  }, [store.rows, store.status, problems, show]);

  if (!owned) {
    const { libId: other, node: otherNode } = useImportStore.getState();
    // Fleet mode: the import may be another node's.
    const to = other !== null ? (isFleet() ? onNode(otherNode, hrefs.libraryImport(other)) : hrefs.libraryImport(other)) : null;
    return (
      <Alert
        type="warning"
        showIcon
        title={t('import.busyElsewhere')}
        action={to !== null ? <Link to={to}>{t('import.bannerOpen')}</Link> : undefined}
      />
    );
  }

  const libName = library?.lib_name ?? t('gallery.libraryN', { id: libId });
  const takenIds = new Set(store.rows.filter((r) => !r.dropped && r.key !== editing?.key && r.fields.img_id).map((r) => r.fields.img_id));
  const total = store.run.total + store.lanes.reduce((n, l) => n + l.total, 0);
  const answered = store.run.answered + store.lanes.reduce((n, l) => n + l.answered, 0);
  const r = rate({ ...store.run, answered }, now);
  const left = total - answered;
  const eta = r && left > 0 ? Math.ceil(left / r) : null;
  const percent = total ? Math.floor((answered / total) * 100) : 0;
  const library_ = library ? { name: library.lib_name, type: library.lib_type } : null;
  const plans = library_ && otherTargets.length > 0 ? planTargets(otherTargets, lists, library_, choices) : [];
  const start = () => {
    setSelected([]);
    if (library_) {
      store.setLanes(
        plans.map((p): LanePlan => ({
          node: p.node,
          libId: p.kind === 'library' ? p.libId : null,
          create: p.kind === 'missing' && p.choice === 'create',
          ...(p.kind === 'unread' ? { error: p.error } : {}),
        })),
        library_,
      );
    }
    store.start();
  };
  const haltWords = (halt: RunInfo['halt']) =>
    halt === 'session'
      ? t('import.halt.session')
      : halt === 'network'
        ? t('import.halt.network')
        : halt === 'library'
          ? t('import.halt.library')
          : null;
  const problemKeys = store.rows.filter((x) => !x.dropped && problems.has(x.key)).map((x) => x.key);

  const downloadResults = () => {
    const csv = resultsCsv(
      store.rows,
      store.status,
      problems,
      {
        result: (k) => t(`import.result.${k}`),
        problem: (p: RowProblem) => t(`import.problem.${p}`),
        unknown: (why) => t(why === 'network' ? 'import.status.unknownNetwork' : 'import.status.unknownReport'),
      },
      lang,
      store.lanes.map((l) => ({
        node: l.node,
        status: l.status,
        none:
          l.state === 'skipped'
            ? t('import.lane.skipped')
            : l.state === 'failed' && l.error !== undefined
              ? describeError(l.error, lang).title
              : undefined,
      })),
    );
    saveText(csv, t('import.resultsFile', { name: libName.replace(/[\\/:*?"<>|]/g, '-') }), 'text/csv;charset=utf-8');
  };

  const haltText = haltWords(store.run.halt);

  return (
    <>
      <Breadcrumb
        className="lib-breadcrumb"
        items={[
          { title: <Link to={hrefs.libraries()}>{t('section')}</Link> },
          { title: <Link to={hrefs.library(libId)}>{libName}</Link> },
          { title: t('import.title') },
        ]}
      />
      <div className="gallery-head">
        <h1 className="lib-h1">{t('import.heading', { name: libName })}</h1>
        {library && <LibraryTypeTag type={library.lib_type} />}
      </div>

      {fleet && (
        <Card className="import-card">
          <NodeTargets
            value={targets}
            fixed={fleet.shown}
            disabled={active}
            onChange={setTargets}
            notes={
              library_
                ? Object.fromEntries(
                    plans.map((p) => [
                      p.node,
                      <TargetNote key={p.node} plan={p} library={library_} onChoice={(c) => setChoices((x) => ({ ...x, [p.node]: c }))} />,
                    ]),
                  )
                : undefined
            }
          />
        </Card>
      )}

      <Card className="import-card">
        <ImportPicker
          disabled={active}
          onFiles={(files) => {
            if (files.length === 0) return;
            const how = store.addFiles(files);
            void message.info(t(how === 'new' ? 'import.newList' : 'import.added', { n: files.length }));
          }}
        />
      </Card>

      {store.rows.length > 0 && (
        <Card className="import-card">
          <div className="import-summary" role="group" aria-label={t('import.summary')}>
            <Statistic title={t('import.count.rows')} value={counts.rows} />
            <Statistic title={t('import.count.ready')} value={counts.ready} />
            <Statistic title={t('import.count.problems')} value={counts.problems} />
            <Statistic title={t('import.count.dropped')} value={counts.dropped} />
            {store.run.runs > 0 && <Statistic title={t('import.count.stored')} value={counts.stored} />}
            {store.run.runs > 0 && <Statistic title={t('import.count.failed')} value={counts.refused + counts.unknown} />}
          </div>

          {state !== 'idle' && (
            <section className="import-progress" aria-label={t('import.progress')}>
              <Progress
                percent={percent}
                status={state === 'cancelled' ? 'exception' : state === 'done' ? 'success' : running ? 'active' : 'normal'}
                aria-label={t('import.progress')}
              />
              <div role="status" aria-live="polite" className="import-progress__text">
                {t(`import.state.${state === 'preparing' || state === 'skipped' || state === 'failed' ? 'running' : state}`)} ·{' '}
                {t('import.progressText', {
                  done: answered,
                  total,
                  stored: counts.stored,
                  failed: counts.refused + counts.unknown,
                })}
                {r !== null && ` · ${t('import.rate', { rate: r.toFixed(1) })}`}
                {eta !== null && running && ` · ${t('import.eta', { s: eta })}`}
              </div>
              {haltText && (
                <Alert
                  type="warning"
                  showIcon
                  title={store.lanes.length > 0 ? t('import.lane.halt', { node: nodeLabel(store.node), why: haltText }) : haltText}
                  style={{ marginTop: 8 }}
                />
              )}
              {store.lanes.map((l) => {
                if (l.state === 'failed' && l.error !== undefined) {
                  return (
                    <Alert
                      key={l.node}
                      type="error"
                      showIcon
                      title={t('import.lane.failed', { node: nodeLabel(l.node), reason: describeError(l.error, lang).title })}
                      style={{ marginTop: 8 }}
                    />
                  );
                }
                const why = haltWords(l.halt);
                return why && l.state === 'paused' ? (
                  <Alert
                    key={l.node}
                    type="warning"
                    showIcon
                    title={t('import.lane.halt', { node: nodeLabel(l.node), why })}
                    style={{ marginTop: 8 }}
                  />
                ) : null;
              })}
            </section>
          )}

          <div className="import-actions">
            <Space wrap>
              {!active && (
                <Button
                  type="primary"
                  icon={store.run.runs > 0 ? <RedoOutlined aria-hidden /> : <SendOutlined aria-hidden />}
                  disabled={ready === 0 || plans.some((p) => p.kind === 'reading')}
                  onClick={start}
                >
                  {store.run.runs > 0 ? t('import.retry', { n: ready }) : t('import.start', { n: ready })}
                </Button>
              )}
              {state === 'running' && (
                <Button icon={<PauseCircleOutlined aria-hidden />} onClick={store.pause}>
                  {t('import.pause')}
                </Button>
              )}
              {state === 'paused' && (
                <Button type="primary" icon={<PlayCircleOutlined aria-hidden />} onClick={store.resume}>
                  {t('import.resume')}
                </Button>
              )}
              {(state === 'running' || state === 'paused' || state === 'pausing') && (
                <Button danger icon={<CloseCircleOutlined aria-hidden />} onClick={store.cancel}>
                  {t('import.cancel')}
                </Button>
              )}
              {store.run.runs > 0 && !running && (
                <Button icon={<DownloadOutlined aria-hidden />} onClick={downloadResults}>
                  {t('import.download')}
                </Button>
              )}
            </Space>
            {!active && counts.problems > 0 && ready > 0 && (
              <span className="lib-muted">{t('import.skipNote', { n: counts.problems })}</span>
            )}
          </div>

          <div className="import-filter">
            <Segmented<Show>
              aria-label={t('import.show')}
              value={show}
              onChange={(v) => setParam('show', v === 'all' ? null : v)}
              options={SHOWS.map((s) => ({ value: s, label: t(`import.show.${s}`) }))}
            />
            <Space wrap>
              <Button size="small" disabled={active || problemKeys.length === 0} onClick={() => store.setDropped(problemKeys, true)}>
                {t('import.dropProblems', { n: problemKeys.length })}
              </Button>
              <Button
                size="small"
                disabled={active || selected.length === 0}
                onClick={() => {
                  store.setDropped(selected, true);
                  setSelected([]);
                }}
              >
                {t('import.dropSelected', { n: selected.length })}
              </Button>
              <Button
                size="small"
                disabled={active || selected.length === 0}
                onClick={() => {
                  store.setDropped(selected, false);
                  setSelected([]);
                }}
              >
                {t('import.restoreSelected', { n: selected.length })}
              </Button>
              <Button
                size="small"
                danger
                disabled={active}
                onClick={() =>
                  modal.confirm({
                    title: t('import.clearTitle', { n: store.rows.length }),
                    content: t('import.clearBody'),
                    okText: t('import.clear'),
                    okButtonProps: { danger: true },
                    cancelText: t('action.cancel'),
                    onOk: () => store.clear(),
                  })
                }
              >
                {t('import.clear')}
              </Button>
            </Space>
          </div>

          <ImportTable
            rows={shown}
            problems={problems}
            status={store.status}
            lanes={store.lanes}
            homeName={store.lanes.length > 0 ? nodeLabel(store.node) : undefined}
            lang={lang}
            page={page}
            onPage={(p) => setParam('page', p > 1 ? String(p) : null)}
            selected={selected}
            onSelect={setSelected}
            onEdit={setEditing}
            onDrop={(row, dropped) => store.setDropped([row.key], dropped)}
          />
        </Card>
      )}

      <ImportRowModal
        row={editing}
        takenIds={takenIds}
        onClose={() => setEditing(null)}
        onSave={(key, fields, file) => {
          store.editRow(key, fields, file);
          setEditing(null);
        }}
      />
    </>
  );
}
