// Everything the overview (and its report) counts for one device day, from
// one plan: the page and the report read the same queries, so a report made
// after looking at the overview costs no request for the finished hours.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { cameraQueries, selectCameras } from '../../../api/queries/cameras';
import { libraryQueries } from '../../../api/queries/libraries';
import type { CameraRecord } from '../../../api/protocol/cameras';
import type { Library } from '../../../api/protocol/libraries';
import { overviewPlan, type OverviewPlan } from '../model/plan';
import { isFuture } from '../model/buckets';
import { overviewQueries } from './overview-queries';
import { useCounts, type Counts, type DeviceNow } from './use-overview';

export interface DayData {
  plan: OverviewPlan;
  cameras: CameraRecord[];
  libraries: Library[];
  alarmsByHour: Counts;
  alarmsYesterday: Counts;
  snapshotsByHour: Counts;
  alarmsByDay: Counts;
  perCamera: Counts;
  perLibrary: Counts;
  top: ReturnType<typeof useTop>;
  /** Strangers per hour: snapshots − alarms, never below 0 (see the page's note). */
  strangersByHour: (number | null)[];
}

function useTop(plan: OverviewPlan, clock: DeviceNow) {
  return useQuery({
    ...overviewQueries.topPersons(plan.today, clock.read),
    enabled: clock.now !== null && !isFuture(plan.today, clock.now),
  });
}

const sortedLibraries = (ls: Library[]) => [...ls].sort((a, b) => a.lib_type - b.lib_type || a.lib_id - b.lib_id);

/** `days`: the by-day chart's length (0: none, for the report, which has no yesterday either). */
export function useDayData(day: number, clock: DeviceNow, days: number): DayData {
  const cameras = useQuery({ ...cameraQueries.list(), select: selectCameras });
  const libraries = useQuery({ ...libraryQueries.list(), select: sortedLibraries });
  const cams = useMemo(() => cameras.data ?? [], [cameras.data]);
  const libs = useMemo(() => libraries.data ?? [], [libraries.data]);
  const plan = useMemo(
    () => overviewPlan(day, { channels: cams.map((c) => c.channel), libraryIds: libs.map((l) => l.lib_id), days, yesterday: days > 0 }),
    [day, cams, libs, days],
  );
  const alarmsByHour = useCounts(plan.alarmsByHour, clock);
  const alarmsYesterday = useCounts(plan.alarmsYesterday, clock);
  const snapshotsByHour = useCounts(plan.snapshotsByHour, clock);
  const alarmsByDay = useCounts(plan.alarmsByDay, clock);
  const perCamera = withPending(useCounts(plan.perCamera, clock), cameras.isPending, cameras.error);
  const perLibrary = withPending(useCounts(plan.perLibrary, clock), libraries.isPending, libraries.error);
  const top = useTop(plan, clock);
  const strangersByHour = snapshotsByHour.values.map((s, i) => {
    const a = alarmsByHour.values[i];
    return s === null || a === null || a === undefined ? null : Math.max(0, s - a);
  });
  return {
    plan,
    cameras: cams,
    libraries: libs,
    alarmsByHour,
    alarmsYesterday,
    snapshotsByHour,
    alarmsByDay,
    perCamera,
    perLibrary,
    top,
    strangersByHour,
  };
}

function withPending(c: Counts, pending: boolean, error: unknown): Counts {
  return { ...c, pending: c.pending || pending, error: c.error ?? error ?? null };
}

export const sum = (xs: readonly (number | null)[]): number | null =>
  xs.some((x) => x === null) ? null : xs.reduce<number>((t, x) => t + (x ?? 0), 0);
