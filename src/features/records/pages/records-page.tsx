// Records (§3.13-3.24): face snapshots, alarms and body records behind one set
// of filters kept in the URL, a detail drawer, exports and the delete-all.
import { useDevicePickerClock } from '../../../components/device-date-picker';
import { DeleteOutlined, DownOutlined, ExportOutlined, ReloadOutlined } from '../../../components/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { ID_LIST_MAX } from '../../../api/protocol/limits';
import { useT } from '../../../i18n';
import { recordQueries } from '../api/record-queries';
import { DeleteAllDialog } from '../components/delete-all-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportDialog, type ExportWhat } from '../components/export-dialog';
import { RecordDrawer, type AnyRecord } from '../components/record-drawer';
import { RecordFilters } from '../components/record-filters';
import { RecordsTable } from '../components/records-table';
import { formatDeviceTime, parseDeviceTime } from '../../../api/protocol/device-time';
import { deviceNow } from '../model/device-time';
import {
  filterRequest,
  needsClock,
  PAGE_SIZES,
  pageRequest,
  readView,
  RECORD_TABS,
  timeRange,
  writeView,
  type RecordTab,
  type RecordView,
} from '../model/record-view';
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
  const tApp = useT();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params), [params]);
  const go = (next: RecordView) => setParams(writeView(next));

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

  // The selection is what the user ticked on the rows shown: a new tab, filter,
  // time range, page or page size clears it (going back does not bring it
  // back), and a refresh keeps only the ticked rows still shown. Exporting
  // records nobody can see any more surprised users.
  const selectionKey = JSON.stringify([request, paging]);
  const [selection, setSelection] = useState<{ key: string; ids: string[] }>({ key: selectionKey, ids: [] });
  if (selection.key !== selectionKey) setSelection({ key: selectionKey, ids: [] });
  const shownIds = useMemo(() => new Set(data?.rows.map((r) => r.snap_id)), [data]);
  const selected = selection.key === selectionKey ? selection.ids.filter((id) => shownIds.has(id)) : [];

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
  const tabLabel = (tab: RecordTab) => t(`tab.${tab}`);

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
      {selected.length > 0 && (
        <Space className="records-selection">
          <Typography.Text>{t('list.selected', { n: selected.length, max: ID_LIST_MAX })}</Typography.Text>
          <Button size="small" onClick={() => setSelection({ key: selectionKey, ids: [] })}>
            {t('list.clearSelection')}
          </Button>
        </Space>
      )}
      <RecordsTable
        tab={view.tab}
        data={data}
        loading={records.isFetching || (range !== null && records.isPending)}
        page={view.page}
        size={view.size}
        pageSizes={PAGE_SIZES}
        onPage={(page, size) => go({ ...view, page: size === view.size ? page : 1, size, open: undefined })}
        selected={selected}
        onSelect={(ids) => setSelection({ key: selectionKey, ids })}
        onOpen={(snapId) => go({ ...view, open: snapId })}
      />
    </>
  );

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void refresh()}>
              {t('list.refresh')}
            </Button>
            {/* Like every export: the item clicked says what, and the export starts at once. */}
            <Dropdown
              trigger={['click']}
              autoFocus
              disabled={!data || data.total === 0}
              menu={{
                items: [
                  { key: 'filtered', label: t('export.filtered', { total: data?.total ?? 0 }) },
                  {
                    key: 'chosen',
                    label: selected.length > 0 ? t('export.chosen', { n: selected.length }) : t('export.chosenNone', { max: ID_LIST_MAX }),
                    disabled: selected.length === 0,
                  },
                ],
                onClick: ({ key }) => setExporting(key as ExportWhat),
              }}
            >
              <Button icon={<ExportOutlined aria-hidden />} disabled={!data || data.total === 0}>
                {t('export.button')} <DownOutlined aria-hidden />
              </Button>
            </Dropdown>
            <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => setDeleting(true)}>
              {t('delete.button')}
            </Button>
          </Space>
        }
      >
        {tApp('nav.records')}
      </PageTitle>
      <Tabs
        activeKey={view.tab}
        onChange={(k) => go({ ...view, tab: k as RecordTab, page: 1, open: undefined })}
        destroyOnHidden
        items={RECORD_TABS.map((tab) => ({ key: tab, label: tabLabel(tab), children: tab === view.tab ? content : null }))}
      />
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
