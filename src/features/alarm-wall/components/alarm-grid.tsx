// The wall's grid. Only the cards on screen are in the DOM (a scroll window
// on the page; in kiosk mode the rows that fit, no scrolling), so 500 alarms
// in memory cost ~20-40 cards of DOM whatever the rate. A feed (ARIA) of
// articles with one roving tab stop; arrows, Home/End, PageUp/PageDown move.
// No aria-posinset/setsize: they change for every card at every new alarm
// and would defeat the cards' memo (the feed pattern makes them optional).
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LiveAlarm } from '../../../live';
import { cardSelector, fitWindow, isNavKey, KIOSK, moveIndex, NORMAL, scrollToRow, scrollWindow, type GridWindow } from '../lib/grid';
import { usePointerHold, useSteadyList } from '../lib/steady-list';
import { useWallT } from '../messages';
import { AlarmCard } from './alarm-card';

export interface AlarmGridProps {
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
  /** Changes when the user changes what the wall shows (filters): a held wall follows at once. */
  view: string;
  /** Told how many cards fit (kiosk shows "N more"). */
  onWindow?(w: GridWindow): void;
  empty: React.ReactNode;
}

/** Before the first measure (and in jsdom, which has no layout): a laptop's worth. */
const FALLBACK = { width: 1180, height: 720 };

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
  const [size, setSize] = useState(FALLBACK);
  const [scrollTop, setScrollTop] = useState(0);
  const focusWanted = useRef(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0)
        setSize((s) => (s.width === r.width && s.height === r.height ? s : { width: r.width, height: r.height }));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

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

  // After a keyboard move, focus follows the selection once its card is rendered.
  useEffect(() => {
    if (!focusWanted.current || !selectedId) return;
    const el = scroller.current?.querySelector<HTMLElement>(cardSelector(selectedId));
    if (el) {
      focusWanted.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!target.matches('article')) return;
    if (e.key === 'Enter') {
      const id = target.dataset.snapId;
      if (id) {
        e.preventDefault();
        onOpen(id);
      }
      return;
    }
    if (!isNavKey(e.key) || alarms.length === 0) return;
    e.preventDefault();
    const current = selectedIndex >= 0 ? selectedIndex : tabIndexOf;
    const next = moveIndex(e.key, current, win.cols, Math.min(alarms.length, kiosk ? win.end : alarms.length), win.pageRows);
    const alarm = alarms[next];
    if (!alarm) return;
    focusWanted.current = true;
    onSelect(alarm.key);
    const el = scroller.current;
    if (el && !kiosk) {
      const top = scrollToRow(Math.floor(next / win.cols), { height: size.height, scrollTop: el.scrollTop }, win.rowHeight, win.cardHeight);
      if (top !== el.scrollTop) {
        el.scrollTop = top;
        setScrollTop(top);
      }
    }
  };

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
                strangerAlert={a.kind === 'face' && !a.match && whitelistOnly.has(a.channel)}
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
