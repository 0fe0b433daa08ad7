// The overview's day as a CSV (formula-safe cells, src/api/protocol/csv.ts).
import { useCallback } from 'react';
import { toCsv } from '../../../api/protocol/csv';
import type { DayData } from '../api/use-day-data';
import { dayLabel } from '../model/buckets';
import { reportRows, type ReportRow } from '../model/report-rows';
import { useOverviewT } from '../messages';

export function useReportRows(d: DayData): ReportRow[] {
  const t = useOverviewT();
  return reportRows(
    {
      hours: d.plan.alarmsByHour.map((c) => c.bucket),
      alarmsByHour: d.alarmsByHour.values,
      snapshotsByHour: d.snapshotsByHour.values,
      strangersByHour: d.strangersByHour,
      cameras: d.cameras.map((c, i) => ({
        label: t('camera.label', { name: c.camera_name, channel: c.channel }),
        value: d.perCamera.values[i] ?? null,
      })),
      libraries: d.libraries.map((l, i) => ({
        label: `${l.lib_name} (${l.lib_type === 1 ? t('type.1') : t('type.2')})`,
        value: d.perLibrary.values[i] ?? null,
      })),
      persons: (d.top.data?.persons ?? []).map((p) => ({ label: `${p.name || t('top.unnamed')} (${p.libName})`, value: p.count })),
    },
    {
      alarms: t('chart.alarms'),
      snapshots: t('chart.snapshots'),
      strangers: t('chart.strangers'),
      camera: t('col.camera'),
      library: t('col.library'),
      person: t('top.person'),
      totals: t('report.totals'),
    },
  );
}

export function useDownloadCsv(d: DayData): () => void {
  const t = useOverviewT();
  const rows = useReportRows(d);
  const day = dayLabel(d.plan.day);
  return useCallback(() => {
    const csv = toCsv([t('report.section'), t('report.key'), t('report.value')], rows);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `overview-${day}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, [rows, day, t]);
}
