import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { call } from '../../../api/device';
import type { Call } from '../../../api/client';
import {
  queryAlarms,
  queryBodies,
  querySnapshots,
  type AlarmRecord,
  type BodyRecord,
  type SnapshotRecord,
} from '../../../api/protocol/records';
import { getFace } from '../../../api/protocol/faces';
import { scanPersonAlarms, type SeenScanProgress, type SeenScanRequest } from '../model/seen-scan';
import { cameraQueries, selectCameras } from '../../../api/queries/cameras';
import { libraryQueries } from '../../../api/queries/libraries';
import { deviceQueries } from '../../../api/queries/device';
import type { FilterRequest } from '../model/record-view';

/** The three sets as one shape for the table; the tab says which record type the rows are. */
export type RecordPage =
  | { tab: 'snapshots'; rows: SnapshotRecord[]; total: number }
  | { tab: 'alarms'; rows: AlarmRecord[]; total: number }
  | { tab: 'bodies'; rows: BodyRecord[]; total: number };

type Paging = { start_no: number; qry_len: number };

/** One page of the tab's records, asked of the node shown (`call`) or of one node (`callOn(node)`). */
export async function fetchRecordPage(req: FilterRequest, paging: Paging, signal?: AbortSignal, via: Call = call): Promise<RecordPage> {
  switch (req.tab) {
    case 'snapshots': {
      const a = await via(querySnapshots, { ...req.filter, ...paging }, { signal });
      return { tab: 'snapshots', rows: a.record, total: a.total_num };
    }
    case 'alarms': {
      const a = await via(queryAlarms, { ...req.filter, ...paging }, { signal });
      return { tab: 'alarms', rows: a.record, total: a.total_num };
    }
    case 'bodies': {
      const a = await via(queryBodies, { ...req.filter, ...paging }, { signal });
      return { tab: 'bodies', rows: a.record, total: a.total_num };
    }
  }
}

export interface RecordTotals {
  snapshots: number;
  alarms: number;
  bodies: number;
}

export const recordQueries = {
  all: () => ['records'] as const,
  page: (req: FilterRequest, paging: Paging) =>
    queryOptions({
      queryKey: [...recordQueries.all(), req.tab, 'page', req.filter, paging] as const,
      queryFn: ({ signal }) => fetchRecordPage(req, paging, signal),
      // The old page stays on screen while the next one loads: no jump to an empty table.
      placeholderData: keepPreviousData,
    }),
  /** Everything that 1045 would delete, unfiltered: one row each, for total_num. */
  totals: () =>
    queryOptions({
      queryKey: [...recordQueries.all(), 'totals'] as const,
      queryFn: async ({ signal }): Promise<RecordTotals> => {
        const one = { qry_len: 1 };
        const [s, a, b] = await Promise.all([
          call(querySnapshots, one, { signal }),
          call(queryAlarms, one, { signal }),
          call(queryBodies, one, { signal }),
        ]);
        return { snapshots: s.total_num, alarms: a.total_num, bodies: b.total_num };
      },
      staleTime: 0,
    }),
  /** §6.6 (1283): the shared clock reading (src/api/queries/device.ts). */
  clock: deviceQueries.clock,
  /** §4.1 (516), the shared list: channel → camera name, for the filter and the rows. */
  cameras: () => queryOptions({ ...cameraQueries.list(), select: selectCameras }),
  /** §3.6 (1032): the library person whose alarms are looked for (name, photo). */
  person: (libId: number, imgId: string) =>
    queryOptions({
      queryKey: [...recordQueries.all(), 'person', libId, imgId] as const,
      queryFn: ({ signal }) => call(getFace, { lib_id: libId, img_id: imgId }, { signal }),
      meta: { errorHandled: true },
      retry: false,
    }),
  /**
   * The person's alarms in a range, read from the library's (model/seen-scan.ts):
   * up to 400 requests, so it is kept a minute and never refetched by itself;
   * `onProgress` sees each page. The signal aborts it when the page is left.
   */
  seen: (req: SeenScanRequest, onProgress: (p: SeenScanProgress) => void) =>
    queryOptions({
      queryKey: [...recordQueries.all(), 'seen', req] as const,
      queryFn: ({ signal }) => scanPersonAlarms(call, req, { signal, onProgress }),
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      retry: false,
    }),
  /** §3.1 (1028), the shared list. */
  libraries: () => libraryQueries.list(),
};
