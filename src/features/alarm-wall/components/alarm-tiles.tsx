// The wall's tile layout: a fixed grid of tiles sized to the screen, none of
// which ever moves. Each alarm the wall shows takes, as it arrives from the
// socket (before the store's flush), the tile of the oldest alarm shown
// (lib/tiles.ts); the newest tile is outlined and labelled. A tile is not
// taken while it is an unacknowledged blacklist alarm, the focused one or
// the one under the pointer. Alarms brought back from the history after a
// gap are not placed (they are older than the tiles; the flow layout and the
// alarm search show them). Same cards, keys and clicks as the flow grid.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { LiveAlarm, LiveStore } from '../../../live';
import { fitWindow, KIOSK, TILES } from '../lib/grid';
import { acknowledgeTile, fillTiles, NO_TILES, newestSlot, placeTile, type Tiles } from '../lib/tiles';
import { useBoxSize, useCardKeys } from '../lib/use-card-keys';
import { isUrgent } from '../lib/wall-filters';
import { useWallT } from '../messages';
import { AlarmCard } from './alarm-card';
import type { WallCardsProps } from './alarm-grid';

export interface AlarmTilesProps extends WallCardsProps {
  /** The live buffer: told of each alarm as it arrives. */
  store: LiveStore;
  /** Whether an arriving alarm is one the wall shows (its filters). */
  shows(a: LiveAlarm): boolean;
  paused: boolean;
}

/** A tile never shows the scene frame (the details read the store's), and it is an alarm's big part. */
const withoutFrame = (a: LiveAlarm): LiveAlarm => (a.frame ? { ...a, frame: null } : a);

export function AlarmTiles({
  store,
  alarms,
  shows,
  view,
  paused,
  kiosk,
  label,
  whitelistOnly,
  today,
  selectedId,
  onSelect,
  onOpen,
  onAck,
  empty,
}: AlarmTilesProps) {
  const t = useWallT();
  const box = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  const metrics = kiosk ? KIOSK : TILES;
  // Kiosk rows stretch to the screen (its cards grow with them); on the page a tile keeps a card's height.
  const fitted = fitWindow(0, size, metrics);
  const win = kiosk ? fitted : { ...fitted, cardHeight: metrics.cardHeight, rowHeight: metrics.cardHeight + metrics.gap };
  const count = win.cols * win.totalRows;
  const tileWidth = (size.width - (win.cols - 1) * metrics.gap) / win.cols;

  // The tiles live outside React state: an arrival changes them between flushes.
  const tiles = useRef<Tiles>(NO_TILES);
  const listeners = useRef(new Set<() => void>());
  const subscribe = useCallback((fn: () => void) => {
    listeners.current.add(fn);
    return () => listeners.current.delete(fn);
  }, []);
  const shown = useSyncExternalStore(subscribe, () => tiles.current);
  const set = useCallback((next: Tiles) => {
    if (next === tiles.current) return;
    tiles.current = next;
    for (const fn of listeners.current) fn();
  }, []);

  // The latest of what the arrival handler reads.
  const current = useMemo(() => new Map(alarms.map((a) => [a.key, a])), [alarms]);
  const latest = useRef({ alarms, current, shows, paused, selectedId, hover: null as string | null });
  latest.current = { ...latest.current, alarms, current, shows, paused, selectedId };
  const held = useCallback((a: LiveAlarm) => {
    const l = latest.current;
    const focused = a.key === l.selectedId && box.current?.contains(document.activeElement) === true;
    const stored = l.current.get(a.key);
    return (isUrgent(stored ?? a) && !a.acknowledged) || focused || a.key === l.hover;
  }, []);

  // Filled again when the grid's size, the filters or the pause change, and when the wall is emptied.
  const emptied = alarms.length === 0;
  useLayoutEffect(() => {
    set(fillTiles(count, latest.current.alarms.slice(0, count).map(withoutFrame)));
  }, [set, count, view, paused, emptied]);

  useEffect(
    () =>
      store.getState().onArrival((a) => {
        const l = latest.current;
        if (l.paused || a.backfilled || !l.shows(a)) return;
        set(placeTile(tiles.current, withoutFrame(a), held));
      }),
    [store, held, set],
  );

  const newest = newestSlot(shown);
  const slots = shown.slots;
  const filled = slots.findIndex((a) => a === null);
  const filledCount = filled < 0 ? slots.length : filled;
  const selectedIndex = selectedId ? slots.findIndex((a) => a?.key === selectedId) : -1;
  const tabIndexOf = selectedIndex >= 0 ? selectedIndex : 0;

  const onKeyDown = useCardKeys(box, selectedId, {
    count: filledCount,
    cols: win.cols,
    pageRows: win.pageRows,
    from: tabIndexOf,
    keyAt: (i) => slots[i]?.key,
    onOpen,
    onSelect,
  });
  const onFocusCard = useCallback((key: string) => onSelect(key), [onSelect]);
  const ackTile = useCallback(
    (key: string) => {
      onAck(key);
      set(acknowledgeTile(tiles.current, key));
    },
    [onAck, set],
  );
  // The tile under the pointer is not taken (a click meant for it lands on it).
  const hover = {
    onPointerOver: (e: React.PointerEvent) => {
      const card = (e.target as HTMLElement).closest<HTMLElement>('article[data-snap-id]');
      latest.current.hover = card?.dataset.snapId ?? null;
    },
    onPointerLeave: () => {
      latest.current.hover = null;
    },
  };

  return (
    <div ref={box} className={kiosk ? 'wall-grid wall-grid--kiosk wall-grid--tiles' : 'wall-grid wall-grid--tiles'}>
      {filledCount === 0 ? (
        <div className="wall-grid__empty">{empty}</div>
      ) : (
        <div
          role="feed"
          aria-label={label}
          aria-busy={false}
          className="wall-grid__cards"
          onKeyDown={onKeyDown}
          {...hover}
          style={{
            gridTemplateColumns: `repeat(${win.cols}, minmax(0, 1fr))`,
            gridAutoRows: `${win.cardHeight}px`,
            gap: `${metrics.gap}px`,
          }}
        >
          {slots.slice(0, filledCount).map((slot, i) => {
            if (!slot) return null;
            // The tile's own copy until the store's differs where a card looks (acknowledged): one render per arrival.
            const stored = current.get(slot.key);
            const a = stored && stored.acknowledged && !slot.acknowledged ? stored : slot;
            return (
              // Keyed by the tile: its card is updated in place, nothing moves.
              <div key={i} className="wall-tile" data-tile={i}>
                <AlarmCard
                  alarm={a}
                  strangerAlert={a.kind === 'face' && !a.match && whitelistOnly.has(a.channel)}
                  tabStop={i === tabIndexOf}
                  today={today}
                  onOpen={onOpen}
                  onAck={ackTile}
                  onFocusCard={onFocusCard}
                />
              </div>
            );
          })}
          {newest >= 0 ? (
            // One ring moved over the newest tile on the compositor: no tile repainted for it.
            <div
              className="wall-tile-marker"
              aria-hidden
              data-tile={newest}
              style={{
                width: tileWidth,
                height: win.cardHeight,
                transform: `translate(${(newest % win.cols) * (tileWidth + metrics.gap)}px, ${Math.floor(newest / win.cols) * win.rowHeight}px)`,
              }}
            >
              <span className="wall-tile-marker__label">{t('tiles.newest')}</span>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
