// Exports (§3.14-3.18, §3.23-3.24) and the one delete (§3.21). A filtered
// export is the device's paged export run page after page (at most
// EXPORT_MAX rows per file); chosen rows go in one request of at most
// ID_LIST_MAX ids.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/device';
import type { Call } from '../../../api/client';
import { EXPORT_MAX, ID_LIST_MAX } from '../../../api/protocol/limits';
import {
  deleteAllSnapshots,
  exportAlarmsChosen,
  exportAlarmsPage,
  exportBodiesChosen,
  exportBodiesPage,
  exportSnapshotsChosen,
  exportSnapshotsPage,
} from '../../../api/protocol/records';
import type { FilterRequest, RecordTab } from '../model/record-view';
import { recordQueries } from './record-queries';

export interface ExportedFile {
  /** The device path of the zip (served at /ws/<url>). */
  url: string;
  /** 1-based positions of the first and last record in the file. */
  first: number;
  last: number;
}

export interface FilteredExportOptions {
  /**
   * Pins the open end of the range: records keep arriving while the files are
   * made, and newest-first paging would shift under them (rows exported twice,
   * others skipped). Device-local "yyyy-MM-dd HH:mm:ss"; left open when the
   * device's clock could not be read.
   */
  stopAt?: string;
  /** §3.17: 1039 needs lib_ids. Used for alarms when the filter names none (every library's id). */
  allLibIds: string;
  onFile?: (file: ExportedFile, total: number) => void;
  signal?: AbortSignal;
  /** The node's client (the fleet's export, `callOn(node)`); the node shown's by default. */
  via?: Call;
}

function exportOnePage(req: FilterRequest, page: { start_no: number; qry_len: number }, opts: FilteredExportOptions) {
  const signal = opts.signal;
  const via = opts.via ?? call;
  switch (req.tab) {
    case 'snapshots':
      return via(exportSnapshotsPage, { ...req.filter, stop_time: req.filter.stop_time ?? opts.stopAt, ...page }, { signal });
    case 'alarms':
      return via(
        exportAlarmsPage,
        { ...req.filter, lib_ids: req.filter.lib_ids ?? opts.allLibIds, stop_time: req.filter.stop_time ?? opts.stopAt, ...page },
        { signal },
      );
    case 'bodies':
      return via(exportBodiesPage, { ...req.filter, stop_time: req.filter.stop_time ?? opts.stopAt, ...page }, { signal });
  }
}

/**
 * Every record of the filter, EXPORT_MAX per file, in sequence (one at a time:
 * the device builds each zip in full). The first answer's total_num sets how
 * many files there will be.
 */
export async function exportFiltered(req: FilterRequest, opts: FilteredExportOptions): Promise<ExportedFile[]> {
  const files: ExportedFile[] = [];
  let total = Infinity;
  for (let start = 1; start <= total; start += EXPORT_MAX) {
    opts.signal?.throwIfAborted();
    const answer = await exportOnePage(req, { start_no: start, qry_len: EXPORT_MAX }, opts);
    total = answer.total_num;
    const file = { url: answer.export_url, first: start, last: start + answer.result_num - 1 };
    files.push(file);
    opts.onFile?.(file, total);
    if (answer.result_num === 0) break;
  }
  return files;
}

export interface ChosenExport {
  url: string;
  exported: number;
  asked: number;
  /** Ids the device could not export (deleted meanwhile). */
  failed: string[];
}

export async function exportChosen(
  tab: RecordTab,
  snapIds: readonly string[],
  signal?: AbortSignal,
  via: Call = call,
): Promise<ChosenExport> {
  if (snapIds.length === 0 || snapIds.length > ID_LIST_MAX) throw new RangeError(`1 to ${ID_LIST_MAX} records`);
  const req = { snap_ids: snapIds.join(',') };
  const op = tab === 'snapshots' ? exportSnapshotsChosen : tab === 'alarms' ? exportAlarmsChosen : exportBodiesChosen;
  const a = await via(op, req, { signal });
  return {
    url: a.export_url,
    exported: a.result_num,
    asked: a.total_num,
    failed: a.failed_img_ids
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** How many files a filtered export of `total` records makes. */
export function exportFileCount(total: number): number {
  return Math.ceil(Math.max(0, total) / EXPORT_MAX);
}

/** §3.21: every face, alarm and body record with their pictures. */
export function useDeleteAllRecords() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(deleteAllSnapshots, {}),
    meta: { errorHandled: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: recordQueries.all() }),
  });
}
