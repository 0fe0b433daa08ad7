// The wall's view lives in the URL (filters, kiosk mode, layout, the open alarm), so a
// reload or a shared link shows the same wall. A link that does not name the
// layout (the menu's) opens the one last chosen in this browser: a wall
// monitor set to tiles stays in tiles after a visit to another page.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { NO_FILTERS, PARAM, parseFilters, writeFilters, type WallFilters } from './wall-filters';
import { useWallPrefs } from './wall-prefs';

export function useWallView() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const kiosk = params.get(PARAM.kiosk) === '1';
  const chosen = useWallPrefs((s) => s.layout);
  const setLayout = useWallPrefs((s) => s.setLayout);
  const named = params.get(PARAM.layout);
  const tiles = named === 'tiles' || (named !== 'flow' && chosen === 'tiles');
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
  // The layout is like a filter: it replaces its history entry. Named in the
  // URL either way, so the link says it whatever the reader last chose.
  const setTiles = useCallback(
    (on: boolean) => {
      const layout = on ? 'tiles' : 'flow';
      setLayout(layout);
      update((p) => {
        p.set(PARAM.layout, layout);
        return p;
      });
    },
    [update, setLayout],
  );
  return { filters, kiosk, tiles, setTiles, openId, setFilters, clearFilters, openAlarm, closeAlarm, setKioskParam };
}
