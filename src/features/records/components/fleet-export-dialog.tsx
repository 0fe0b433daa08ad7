// Exporting records across nodes through the console's one export dialog
// (src/components/export): each node's zips one node after another (the
// device builds each zip in full), saved as "fleet_<node>_…", then one index
// (CSV) of every row with its node, merged by device time (model/fleet-export.ts).
// A node that fails is listed with its reason; the others' files are made.
import { Alert, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { callOn } from '../../../api/device';
import { describeError } from '../../../api/device-error';
import { NetworkError } from '../../../api/errors';
import { deviceFileUrl } from '../../../api/protocol/files';
import { listLibraries } from '../../../api/protocol/libraries';
import { EXPORT_MAX, ID_LIST_MAX, QUERY_MAX } from '../../../api/protocol/limits';
import { getTime } from '../../../api/protocol/system';
import { useExportRun, type ExportContext } from '../../../components/export/use-export-run';
import { useLang } from '../../../i18n';
import { nodeBase, type NodeInfo } from '../../../session/node-store';
import { exportChosen, exportFileCount, exportFiltered } from '../api/record-exports';
import { fetchRecordPage } from '../api/record-queries';
import { mergeAll, type NodeWindow } from '../model/fleet-merge';
import { fleetFileName, fleetIndexCsv, fleetIndexName, type IndexRow } from '../model/fleet-export';
import type { FilterRequest, RecordTab } from '../model/record-view';
import { RecordExportFrame, useOnOpening, type ExportWhat } from './export-dialog';
import type { Row } from './records-table';
import { useRecordsT } from '../messages';

export interface FleetExportRow {
  node: NodeInfo;
  row: Row;
}

export interface FleetExportNode {
  node: NodeInfo;
  request: FilterRequest;
  /** total_num of the filter on that node. */
  total: number;
}

export interface FleetExportDialogProps {
  what: ExportWhat | null;
  onClose: () => void;
  tab: RecordTab;
  tabLabel: string;
  /** The nodes with records, in the search's order. */
  nodes: readonly FleetExportNode[];
  /** The chosen rows (their nodes are the rows'). */
  chosen: readonly FleetExportRow[];
}

export function FleetExportDialog(props: FleetExportDialogProps) {
  return props.what ? <FleetExportRun {...props} what={props.what} /> : null;
}

function FleetExportRun({ what, onClose, tab, tabLabel, nodes, chosen }: FleetExportDialogProps & { what: ExportWhat }) {
  const t = useRecordsT();
  const lang = useLang();
  const run = useExportRun();
  const [failed, setFailed] = useState<{ node: NodeInfo; error: unknown }[]>([]);
  const blobs = useRef<string[]>([]);
  useEffect(() => () => blobs.current.forEach((u) => URL.revokeObjectURL(u)), []);
  const total = nodes.reduce((s, n) => s + n.total, 0);
  const chosenNodes = [...new Map(chosen.map((r) => [r.node.id, r.node])).values()];
  const order = (what === 'chosen' ? chosenNodes : nodes.map((n) => n.node)).map((n) => n.id);

  /** The index, as a file the console made. */
  const saveIndex = (ctx: ExportContext, rows: IndexRow[], expected: number) => {
    const url = URL.createObjectURL(new Blob([fleetIndexCsv(tab, rows)], { type: 'text/csv;charset=utf-8' }));
    blobs.current.push(url);
    const name = fleetIndexName(tab, new Date());
    ctx.onFile({ url: name, href: url, name, label: t('export.fleetIndex', { n: rows.length }) }, expected);
  };
  /**
   * A node's zip, fetched and saved under the fleet's name: the device's own
   * Content-Disposition would win over the link's download name otherwise.
   */
  const fetched = async (node: NodeInfo, devicePath: string, signal: AbortSignal): Promise<string> => {
    const r = await fetch(deviceFileUrl(devicePath, nodeBase(node.id)), { signal });
    if (!r.ok) throw new NetworkError('export.download', r.status, { node: node.id });
    const url = URL.createObjectURL(await r.blob());
    blobs.current.push(url);
    return url;
  };
  const nodeFailed = (ctx: ExportContext, node: NodeInfo, error: unknown) => {
    if (ctx.signal.aborted) throw error;
    setFailed((f) => [...f, { node, error }]);
  };

  const begin = () => {
    if (what === 'chosen') {
      const expected = chosenNodes.length + 1;
      run.start(async (ctx) => {
        const index: IndexRow[] = [];
        const failedIds: string[] = [];
        for (const node of chosenNodes) {
          const rows = chosen.filter((r) => r.node.id === node.id);
          try {
            const r = await exportChosen(
              tab,
              rows.map((x) => x.row.snap_id),
              ctx.signal,
              callOn(node.id),
            );
            const name = fleetFileName(node.id, r.url);
            const href = await fetched(node, r.url, ctx.signal);
            ctx.onFile({ url: r.url, href, name, label: t('export.fleetFileChosen', { node: node.name, n: r.exported }) }, expected);
            failedIds.push(...r.failed.map((id) => `${node.name}: ${id}`));
            index.push(...rows.map((x) => ({ ...x, file: r.failed.includes(x.row.snap_id) ? '' : name })));
          } catch (e) {
            nodeFailed(ctx, node, e);
            index.push(...rows.map((x) => ({ ...x, file: '' })));
          }
        }
        const merged = mergeAll(
          order,
          chosenNodes.map((n) => ({ node: n.id, offset: 0, rows: index.filter((x) => x.node.id === n.id), total: 0 })).map(asWindow),
        );
        saveIndex(
          ctx,
          merged.map((m) => m.row.entry),
          expected,
        );
        return { failedIds };
      }, expected);
      return;
    }
    const expected = nodes.reduce((s, n) => s + exportFileCount(n.total), 0) + 1;
    run.start(async (ctx) => {
      const windows: NodeWindow<Entry>[] = [];
      for (const { node, request } of nodes) {
        const via = callOn(node.id);
        const s = { signal: ctx.signal };
        try {
          // Each node's own "now" pins its open end, so the zips and the index hold the same rows.
          const stopAt = request.filter.stop_time ?? (await via(getTime, {}, s)).sys_time;
          const pinned = { ...request, filter: { ...request.filter, stop_time: stopAt } } as FilterRequest;
          // §3.17: 1039 needs lib_ids; across nodes the filter names a library by name, so every id of the node.
          const allLibIds =
            request.tab === 'alarms'
              ? (await via(listLibraries, {}, s))
                  .map((l) => l.lib_id)
                  .slice(0, ID_LIST_MAX)
                  .join(',')
              : '';
          const files: string[] = [];
          // Each zip is fetched while the device makes the next one; in the order made.
          let saving = Promise.resolve();
          await exportFiltered(pinned, {
            stopAt,
            allLibIds,
            signal: ctx.signal,
            via,
            onFile: (file) => {
              const name = fleetFileName(node.id, file.url);
              const n = files.push(name);
              saving = saving.then(async () => {
                const href = await fetched(node, file.url, ctx.signal);
                const label = t('export.fleetFile', { node: node.name, n, first: file.first, last: file.last });
                ctx.onFile({ url: file.url, href, name, label }, expected);
              });
              // Awaited below; until then a failed fetch must not count as unhandled.
              saving.catch(() => {});
            },
          });
          await saving;
          // The index: the same rows, read by the query (50 a request), each named with its zip.
          const rows: IndexRow[] = [];
          for (let start = 1; ; start += QUERY_MAX) {
            const page = await fetchRecordPage(pinned, { start_no: start, qry_len: QUERY_MAX }, ctx.signal, via);
            page.rows.forEach((row, i) => {
              rows.push({ node, row, file: files[Math.floor((start - 1 + i) / EXPORT_MAX)] ?? '' });
            });
            if (page.rows.length === 0 || start + QUERY_MAX > page.total) break;
          }
          windows.push(asWindow({ node: node.id, offset: 0, rows, total: rows.length }));
        } catch (e) {
          nodeFailed(ctx, node, e);
        }
      }
      saveIndex(
        ctx,
        mergeAll(order, windows).map((m) => m.row.entry),
        expected,
      );
    }, expected);
  };
  useOnOpening(begin);

  return (
    <RecordExportFrame tabLabel={tabLabel} run={run} onClose={onClose}>
      <Typography.Paragraph>
        {what === 'chosen'
          ? t('export.fleetChosen', { n: chosen.length })
          : t('export.fleetFiltered', { total, n: nodes.length, max: EXPORT_MAX })}
      </Typography.Paragraph>
      {what === 'filtered' && <Typography.Paragraph type="secondary">{t('export.fleetPinned')}</Typography.Paragraph>}
      {failed.map(({ node, error }) => {
        const d = describeError(error, lang);
        return (
          <Alert
            key={node.id}
            type="error"
            showIcon
            title={t('export.fleetNodeFailed', { node: node.name })}
            description={d.code !== undefined ? `${d.title} (${d.code})` : d.title}
          />
        );
      })}
    </RecordExportFrame>
  );
}

/** The merge wants `trigger` on the row: an index entry carries its row's. */
interface Entry {
  trigger: string;
  entry: IndexRow;
}
function asWindow(w: { node: string; offset: number; rows: readonly IndexRow[]; total: number }): NodeWindow<Entry> {
  return { ...w, rows: w.rows.map((entry) => ({ trigger: entry.row.trigger, entry })) };
}
