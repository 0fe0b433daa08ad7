// The overview's charts for one device day. Every bar links to the records
// page with the same filter and range the count was taken with, so the
// records page shows the same number.
import type { ReactNode } from 'react';
import { theme as antdTheme } from 'antd';
import { hrefs } from '../../../config/paths';
import { LIST_TAG_COLOURS } from '../../../components/list-tag-colours';
import { formatDeviceTime } from '../../../api/protocol/device-time';
import type { Bucket } from '../model/buckets';
import type { DayData } from '../api/use-day-data';
import { useOverviewT } from '../messages';
import { ChartCard } from './chart-card';

const zeroes = (xs: readonly (number | null)[]) => xs.map((x) => x ?? 0);
const range = (b: Bucket) => ({ from: b.startTime, to: b.stopTime });
const hourOf = (b: Bucket) => new Date(b.start).getUTCHours();
const dayText = (b: Bucket) => formatDeviceTime(b.start).slice(5, 10);

export function useChartColours() {
  const { token } = antdTheme.useToken();
  return {
    primary: token.colorPrimary,
    secondary: token.colorTextQuaternary,
    stranger: token.colorWarning,
    black: LIST_TAG_COLOURS[1],
    white: token.colorPrimary,
  };
}

export function HourChart({ d }: { d: DayData }) {
  const t = useOverviewT();
  const c = useChartColours();
  const today = d.plan.alarmsByHour.map((x) => x.bucket);
  const yesterday = d.plan.alarmsYesterday.map((x) => x.bucket);
  return (
    <ChartCard
      name="hours"
      title={t('chart.byHour')}
      category={t('col.hour')}
      labels={today.map((b) => t('hour.label', { hour: hourOf(b) }))}
      series={[
        { label: t('chart.today'), data: zeroes(d.alarmsByHour.values), color: c.primary },
        // Yesterday fills in after today (its hours are cached for good once read): today's bars come first.
        { label: t('chart.yesterday'), data: d.alarmsYesterday.values, color: c.secondary },
      ]}
      href={(i, s) => hrefs.records({ tab: 'alarms', ...range((s === 0 ? today : yesterday)[i]!) })}
      pending={d.alarmsByHour.pending}
      complete={!d.alarmsByHour.pending && !d.alarmsYesterday.pending}
      error={d.alarmsByHour.error ?? d.alarmsYesterday.error}
    />
  );
}

export function DayChart({ d, toolbar }: { d: DayData; toolbar?: ReactNode }) {
  const t = useOverviewT();
  const c = useChartColours();
  const days = d.plan.alarmsByDay.map((x) => x.bucket);
  return (
    <ChartCard
      name="days"
      title={t('chart.byDay')}
      toolbar={toolbar}
      category={t('col.day')}
      labels={days.map(dayText)}
      series={[{ label: t('chart.alarms'), data: zeroes(d.alarmsByDay.values), color: c.primary }]}
      href={(i) => hrefs.records({ tab: 'alarms', ...range(days[i]!) })}
      pending={d.alarmsByDay.pending}
      error={d.alarmsByDay.error}
    />
  );
}

export function CameraChart({ d }: { d: DayData }) {
  const t = useOverviewT();
  const c = useChartColours();
  return (
    <ChartCard
      name="cameras"
      title={t('chart.perCamera')}
      category={t('col.camera')}
      horizontal
      height={Math.max(160, d.cameras.length * 36 + 40)}
      labels={d.cameras.map((cam) => t('camera.label', { name: cam.camera_name, channel: cam.channel }))}
      series={[{ label: t('chart.alarms'), data: zeroes(d.perCamera.values), color: c.primary }]}
      href={(i) => hrefs.records({ tab: 'alarms', channel: d.cameras[i]!.channel, ...range(d.plan.today) })}
      pending={d.perCamera.pending}
      error={d.perCamera.error}
    />
  );
}

export function LibraryChart({ d }: { d: DayData }) {
  const t = useOverviewT();
  const c = useChartColours();
  return (
    <ChartCard
      name="libraries"
      title={t('chart.perLibrary')}
      note={t('chart.perLibraryNote')}
      category={t('col.library')}
      horizontal
      height={Math.max(160, d.libraries.length * 36 + 40)}
      labels={d.libraries.map((l) => `${l.lib_name} · ${l.lib_type === 1 ? t('type.1') : t('type.2')}`)}
      series={[
        {
          label: t('chart.alarms'),
          data: zeroes(d.perLibrary.values),
          color: d.libraries.map((l) => (l.lib_type === 1 ? c.black : c.white)),
        },
      ]}
      href={(i) => hrefs.records({ tab: 'alarms', libIds: [d.libraries[i]!.lib_id], ...range(d.plan.today) })}
      pending={d.perLibrary.pending}
      error={d.perLibrary.error}
    />
  );
}

export function FacesChart({ d }: { d: DayData }) {
  const t = useOverviewT();
  const c = useChartColours();
  const hours = d.plan.snapshotsByHour.map((x) => x.bucket);
  return (
    <ChartCard
      name="faces"
      title={t('chart.faces')}
      note={t('chart.strangersNote')}
      category={t('col.hour')}
      labels={hours.map((b) => t('hour.label', { hour: hourOf(b) }))}
      series={[
        { label: t('chart.snapshots'), data: zeroes(d.snapshotsByHour.values), color: c.primary },
        { label: t('chart.strangers'), data: zeroes(d.strangersByHour), color: c.stranger },
      ]}
      // Strangers cannot be filtered on the records page: only the snapshots link.
      href={(i, s) => (s === 0 ? hrefs.records({ tab: 'snapshots', ...range(hours[i]!) }) : undefined)}
      pending={d.snapshotsByHour.pending || d.alarmsByHour.pending}
      error={d.snapshotsByHour.error}
    />
  );
}
