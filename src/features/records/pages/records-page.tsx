// Records (§3.13-3.24): face snapshots, alarms and body records behind one set
// of filters kept in the URL, a detail drawer, exports and the delete-all.
import { useDevicePickerClock } from '../../../components/device-date-picker';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useMemo, useState } from 'react';
import { recordQueries } from '../api/record-queries';
import { DeleteAllDialog } from '../components/delete-all-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportDialog, type ExportWhat } from '../components/export-dialog';
import { RecordDrawer, type AnyRecord } from '../components/record-drawer';
import { RecordFilters } from '../components/record-filters';
import { RecordsTable } from '../components/records-table';
import { formatDeviceTime, parseDeviceTime } from '../../../api/protocol/device-time';
import { deviceNow } from '../model/device-time';
import { filterRequest, needsClock, PAGE_SIZES, pageRequest, timeRange } from '../model/record-view';
import { RecordsTitle, RecordTabs, SelectionBar, useRecordView, useRowSelection, useTabLabel } from '../components/records-page-parts';
import { useRecordsT } from '../messages';
import { useNodeStore } from '../../../session/node-store';
import { FleetRecordsPage } from './fleet-records-page';
import '../records.css';

/** Several nodes: the search across them (docs/fleet-console.md); one node: as it always was. */
export function RecordsPage() {
  const fleet = useNodeStore((s) => s.fleet);
  return fleet ? <FleetRecordsPage /> : <NodeRecordsPage />;
}

function NodeRecordsPage() {
  const t = useRecordsT();
  const qc = useQueryClient();
  const { view, go } = useRecordView();

  const clock = useQuery({ ...recordQueries.clock(), meta: { errorHandled: true } });
  const cameras = useQuery(recordQueries.cameras());
  const libraries = useQuery(recordQueries.libraries());

  // The presets are anchored at the moment the clock was read (refreshed every
  // few minutes and by Refresh), so the query key holds still between reads.
  const anchor = clock.data ? parseDeviceTime(clock.data.sysTime) : null;
  // The range picker's "today" is the device's day too.
  useDevicePickerClock(anchor, clock.data?.readAt ?? null);
  const range = timeRange(view, anchor);
  const request = filterRequest(view, range ?? {});
  const paging = pageRequest(view);
  const records = useQuery({ ...recordQueries.page(request, paging), enabled: range !== null, meta: { errorHandled: true } });
  const data = records.data?.tab === view.tab ? records.data : undefined;

  const shownIds = useMemo(() => new Set(data?.rows.map((r) => r.snap_id)), [data]);
  const { selected, select, clear } = useRowSelection(JSON.stringify([request, paging]), (id) => shownIds.has(id));

  const [exporting, setExporting] = useState<ExportWhat | null>(null);
  const [deleting, setDeleting] = useState(false);

  const open: AnyRecord | null = useMemo(() => {
    if (!view.open || !data) return null;
    switch (data.tab) {
      case 'snapshots': {
        const row = data.rows.find((r) => r.snap_id === view.open);
        return row ? { tab: 'snapshots', row } : null;
      }
      case 'alarms': {
        const row = data.rows.find((r) => r.snap_id === view.open);
        return row ? { tab: 'alarms', row } : null;
      }
      case 'bodies': {
        const row = data.rows.find((r) => r.snap_id === view.open);
        return row ? { tab: 'bodies', row } : null;
      }
    }
  }, [view.open, data]);

  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: recordQueries.clock().queryKey });
    await qc.invalidateQueries({ queryKey: recordQueries.all() });
  };

  const liveNow = clock.data ? deviceNow(clock.data.sysTime, clock.data.readAt) : null;
  const tabLabel = useTabLabel();

  const content = (
    <>
      <RecordFilters view={view} onChange={go} cameras={cameras.data ?? []} libraries={libraries.data ?? []} />
      <div className="records-range" aria-live="polite">
        {needsClock(view) && clock.isPending && <Typography.Text type="secondary">{t('time.waiting')}</Typography.Text>}
        {needsClock(view) && clock.isError && <ErrorAlert error={clock.error} title={t('time.clockFailed')} />}
        {range && (range.start_time || range.stop_time) && (
          <Typography.Text>
            {t('time.summary', { from: range.start_time ?? t('time.anyStart'), to: range.stop_time ?? t('time.openEnd') })}
          </Typography.Text>
        )}
        {clock.data && liveNow !== null && (
          <Typography.Text type="secondary" className="records-small">
            {t('time.deviceClock', { zone: clock.data.timeZone, now: formatDeviceTime(liveNow) })}
          </Typography.Text>
        )}
      </div>
      {records.isError && <ErrorAlert error={records.error} />}
      <SelectionBar n={selected.length} onClear={clear} />
      <RecordsTable
        tab={view.tab}
        data={data}
        loading={records.isFetching || (range !== null && records.isPending)}
        page={view.page}
        size={view.size}
        pageSizes={PAGE_SIZES}
        onPage={(page, size) => go({ ...view, page: size === view.size ? page : 1, size, open: undefined })}
        selected={selected}
        onSelect={select}
        onOpen={(snapId) => go({ ...view, open: snapId })}
      />
    </>
  );

  return (
    <>
      <RecordsTitle
        total={data?.total ?? 0}
        selected={selected.length}
        onRefresh={() => void refresh()}
        onExport={setExporting}
        onDelete={() => setDeleting(true)}
      />
      <RecordTabs tab={view.tab} onChange={(tab) => go({ ...view, tab, page: 1, open: undefined })}>
        {content}
      </RecordTabs>
      <RecordDrawer record={open} tab={view.tab} onClose={() => go({ ...view, open: undefined })} />
      <ExportDialog
        what={exporting}
        onClose={() => setExporting(null)}
        tabLabel={tabLabel(view.tab)}
        request={request}
        total={data?.total ?? 0}
        selected={selected}
        libraryIds={(libraries.data ?? []).map((l) => l.lib_id)}
        deviceNow={liveNow !== null ? formatDeviceTime(liveNow) : null}
      />
      <DeleteAllDialog open={deleting} onClose={() => setDeleting(false)} />
    </>
  );
}
