// The wall's grid. Only the cards on screen are in the DOM (a scroll window
// on the page; in kiosk mode the rows that fit, no scrolling), so 500 alarms
// in memory cost ~20-40 cards of DOM whatever the rate. A feed (ARIA) of
// articles with one roving tab stop; arrows, Home/End, PageUp/PageDown move.
// No aria-posinset/setsize: they change for every card at every new alarm
// and would defeat the cards' memo (the feed pattern makes them optional).
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { LiveAlarm } from '../../../live';
import { fitWindow, KIOSK, NORMAL, scrollToRow, scrollWindow, type GridWindow } from '../lib/grid';
import { isStrangerAlert } from '../lib/wall-filters';
import { useBoxSize, useCardKeys } from '../lib/use-card-keys';
import { usePointerHold, useSteadyList } from '../lib/steady-list';
import { useWallT } from '../messages';
import { AlarmCard } from './alarm-card';

/** What both layouts of the wall take (the flow grid here, the tiles in alarm-tiles.tsx). */
export interface WallCardsProps {
  /** The wall's list: newest first, urgent ones first. */
  alarms: readonly LiveAlarm[];
  kiosk: boolean;
  label: string;
  whitelistOnly: ReadonlySet<number>;
  today: string;
  selectedId: string | null;
  /** Alarms by their key (LiveAlarm.key). */
  onSelect(key: string | null): void;
  onOpen(key: string): void;
  onAck(key: string): void;
  /** What the wall shows, as text; it changes with the filters (a held flow follows at once, tiles are filled again). */
  view: string;
  empty: React.ReactNode;
}

export interface AlarmGridProps extends WallCardsProps {
  /** Told how many cards fit (kiosk shows "N more"). */
  onWindow?(w: GridWindow): void;
}

export function AlarmGrid({
  alarms: live,
  view,
  kiosk,
  label,
  whitelistOnly,
  today,
  selectedId,
  onSelect,
  onOpen,
  onAck,
  onWindow,
  empty,
}: AlarmGridProps) {
  const t = useWallT();
  // Cards hold still while the pointer is on them (lib/steady-list.ts).
  const { holding, handlers } = usePointerHold();
  const { shown: alarms, waiting } = useSteadyList(live, holding, view);
  const scroller = useRef<HTMLDivElement>(null);
  const size = useBoxSize(scroller);
  const [scrollTop, setScrollTop] = useState(0);

  const metrics = kiosk ? KIOSK : NORMAL;
  const win = kiosk ? fitWindow(alarms.length, size, metrics) : scrollWindow(alarms.length, { ...size, scrollTop }, metrics);

  // Told when the visible window changes, not when the parent passes a new callback.
  const tellWindow = useEffectEvent(() => onWindow?.(win));
  useEffect(() => tellWindow(), [win.end, win.cols, win.pageRows]);

  // Scroll events come at frame rate at most; the window only changes by whole rows.
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) setScrollTop(el.scrollTop);
  }, []);

  const selectedIndex = selectedId ? alarms.findIndex((a) => a.key === selectedId) : -1;
  const tabIndexOf = selectedIndex >= win.first && selectedIndex < win.end ? selectedIndex : win.first;

  const onKeyDown = useCardKeys(scroller, selectedId, {
    count: Math.min(alarms.length, kiosk ? win.end : alarms.length),
    cols: win.cols,
    pageRows: win.pageRows,
    from: selectedIndex >= 0 ? selectedIndex : tabIndexOf,
    keyAt: (i) => alarms[i]?.key,
    onOpen,
    onSelect,
    onMoved: (next) => {
      const el = scroller.current;
      if (!el || kiosk) return;
      const top = scrollToRow(Math.floor(next / win.cols), { height: size.height, scrollTop: el.scrollTop }, win.rowHeight, win.cardHeight);
      if (top !== el.scrollTop) {
        el.scrollTop = top;
        setScrollTop(top);
      }
    },
  });

  const onFocusCard = useCallback((snapId: string) => onSelect(snapId), [onSelect]);

  const visible = alarms.slice(win.first, win.end);
  return (
    <div ref={scroller} className={kiosk ? 'wall-grid wall-grid--kiosk' : 'wall-grid'} onScroll={kiosk ? undefined : onScroll}>
      {/* Over the cards, taking no room: its arrival moves nothing. */}
      <div className="wall-held-anchor">
        {waiting > 0 && (
          <div className="wall-held" role="status">
            {t('grid.held', { n: waiting })}
          </div>
        )}
      </div>
      {alarms.length === 0 ? (
        <div className="wall-grid__empty">{empty}</div>
      ) : (
        <div className="wall-grid__space" style={{ height: win.totalHeight }}>
          <div
            role="feed"
            aria-label={label}
            aria-busy={false}
            className="wall-grid__cards"
            onKeyDown={onKeyDown}
            {...handlers}
            style={{
              transform: `translateY(${win.offsetTop}px)`,
              gridTemplateColumns: `repeat(${win.cols}, minmax(0, 1fr))`,
              gridAutoRows: `${win.cardHeight}px`,
              gap: `${metrics.gap}px`,
            }}
          >
            {visible.map((a, i) => (
              <AlarmCard
                key={a.key}
                alarm={a}
                strangerAlert={isStrangerAlert(a, whitelistOnly)}
                tabStop={win.first + i === tabIndexOf}
                today={today}
                onOpen={onOpen}
                onAck={onAck}
                onFocusCard={onFocusCard}
              />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
