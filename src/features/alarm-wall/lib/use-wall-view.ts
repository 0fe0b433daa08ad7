// The wall's view lives in the URL (filters, kiosk mode, layout, the open alarm), so a
// reload or a shared link shows the same wall.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { NO_FILTERS, PARAM, parseFilters, writeFilters, type WallFilters } from './wall-filters';

export function useWallView() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const kiosk = params.get(PARAM.kiosk) === '1';
  const tiles = params.get(PARAM.layout) === 'tiles';
  const openId = params.get(PARAM.alarm);

  const update = useCallback(
    (change: (p: URLSearchParams) => URLSearchParams, replace = true) =>
      setParams((prev) => change(new URLSearchParams(prev)), { replace }),
    [setParams],
  );
  const setFilters = useCallback((next: WallFilters) => update((p) => writeFilters(p, next)), [update]);
  /** Every filter off, with the page's own (`more`: the merged wall's node and site parameters), in one change. */
  const clearFilters = useCallback(
    (more: readonly string[]) =>
      update((p) => {
        const next = writeFilters(p, NO_FILTERS);
        for (const name of more) next.delete(name);
        return next;
      }),
    [update],
  );
  // Opening an alarm or kiosk mode is a history entry (Back undoes it); filters replace theirs.
  const openAlarm = useCallback(
    (snapId: string) =>
      update((p) => {
        p.set(PARAM.alarm, snapId);
        return p;
      }, false),
    [update],
  );
  const closeAlarm = useCallback(
    () =>
      update((p) => {
        p.delete(PARAM.alarm);
        return p;
      }),
    [update],
  );
  /** A parameter on (set to `value`) or off; `entry`: a history entry of its own (Back undoes it). */
  const toggle = useCallback(
    (name: string, value: string, on: boolean, entry: boolean) =>
      update((p) => {
        if (on) p.set(name, value);
        else p.delete(name);
        return p;
      }, !entry),
    [update],
  );
  const setKioskParam = useCallback((on: boolean) => toggle(PARAM.kiosk, '1', on, true), [toggle]);
  // The layout is like a filter: it replaces its history entry.
  const setTiles = useCallback((on: boolean) => toggle(PARAM.layout, 'tiles', on, false), [toggle]);
  return { filters, kiosk, tiles, setTiles, openId, setFilters, clearFilters, openAlarm, closeAlarm, setKioskParam };
}
