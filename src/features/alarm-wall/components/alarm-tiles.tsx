// The wall's tile layout: a fixed grid of tiles sized to the screen, none of
// which ever moves. Each alarm the wall shows takes, as it arrives from the
// socket (before the store's flush), the tile of the oldest alarm shown
// (lib/tiles.ts); the newest tile is outlined and labelled. A tile is not
// taken while it is an unacknowledged blacklist alarm, the focused one, the
// one under the pointer or the one open in the details. Alarms brought back
// from the history after a gap are not placed (they are older than the
// tiles; the flow layout and the alarm search show them). The flow grid's
// cards, words and keys; the cards written by TileBoard (tile-board.ts).
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { CheckOutlined, HistoryOutlined, WarningFilled } from '../../../components/icons';
import { useLang } from '../../../i18n';
import type { LiveAlarm, LiveStore } from '../../../live';
import { nodeLabel, useNodeStore } from '../../../session/node-store';
import { fitWindow, KIOSK, TILES } from '../lib/grid';
import { onTick, tickedNow } from '../lib/ticker';
import { acknowledgeTile, fillTiles, NO_TILES, newestSlot, placeTile, type Tiles } from '../lib/tiles';
import { useBoxSize, useCardKeys } from '../lib/use-card-keys';
import { isStrangerAlert, isUrgent } from '../lib/wall-filters';
import { useWallT } from '../messages';
import type { WallCardsProps } from './alarm-grid';
import { TileBoard } from './tile-board';

export interface AlarmTilesProps extends WallCardsProps {
  /** The live buffer: told of each alarm as it arrives. */
  store: LiveStore;
  /** Whether an arriving alarm is one the wall shows (its filters). */
  shows(a: LiveAlarm): boolean;
  paused: boolean;
  /** The alarm open in the details: its tile is not taken meanwhile (the focus comes back to it). */
  openId: string | null;
}

/** A tile never shows the scene frame (the details read the store's), and it is an alarm's big part. */
const withoutFrame = (a: LiveAlarm): LiveAlarm => (a.frame ? { ...a, frame: null } : a);

/** The words every tile's card has whatever its alarm. */
interface TileWords {
  ack: string;
  acked: string;
  recovered: string;
  recoveredHint: string;
}

/**
 * One tile's card, rendered once (again only for a new language): TileBoard
 * writes each alarm into it (the flow's card's elements and classes, every
 * part found by its data-part).
 */
const TileTemplate = memo(function TileTemplate({ index, board, words }: { index: number; board: TileBoard; words: TileWords }) {
  const attach = useCallback((el: HTMLDivElement | null) => board.attach(index, el), [board, index]);
  return (
    <div ref={attach} className="wall-tile" data-tile={index} hidden>
      <article data-part="card" className="wall-card" tabIndex={-1}>
        {/* The pictures are TileBoard's own <img>s, put in front of the similarity. */}
        <div data-part="pics" className="wall-card__pics">
          <span data-part="sim" className="wall-card__sim" aria-hidden hidden />
        </div>
        <div className="wall-card__body">
          <div className="wall-card__head">
            <span data-part="name" className="wall-card__name" />
            <span data-part="tag" className="wall-card__tag">
              <span data-part="warn" hidden>
                <WarningFilled aria-hidden />
              </span>
              <span data-part="tagText" />
            </span>
          </div>
          <div data-part="line1" className="wall-card__line">
            <span data-part="lib" className="wall-card__lib" hidden />
            <span data-part="attrs" />
          </div>
          <div data-part="line2" className="wall-card__line">
            <span data-part="node" className="wall-card__node" hidden />
            <span data-part="camera" />
          </div>
          <div className="wall-card__time">
            <time data-part="time" /> · <span data-part="ago" className="wall-ago" />
          </div>
          <div className="wall-card__foot">
            <span data-part="recovered" className="wall-tag wall-tag--recovered" title={words.recoveredHint} hidden>
              <HistoryOutlined aria-hidden /> {words.recovered}
            </span>
            <span className="wall-card__spacer" />
            <span data-part="acked" className="wall-card__acked" hidden>
              <CheckOutlined aria-hidden /> {words.acked}
            </span>
            <button data-part="ack" type="button" className="wall-ack" tabIndex={-1}>
              {words.ack}
            </button>
          </div>
        </div>
      </article>
    </div>
  );
});

export function AlarmTiles({
  store,
  alarms,
  shows,
  view,
  paused,
  openId,
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
  const lang = useLang();
  const nodes = useNodeStore((s) => s.nodes);
  const box = useRef<HTMLDivElement>(null);
  const marker = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  const metrics = kiosk ? KIOSK : TILES;
  // Kiosk rows stretch to the screen (its cards grow with them); on the page a tile keeps a card's height.
  const fitted = fitWindow(0, size, metrics);
  const win = kiosk ? fitted : { ...fitted, cardHeight: metrics.cardHeight, rowHeight: metrics.cardHeight + metrics.gap };
  const count = win.cols * win.totalRows;
  const tileWidth = (size.width - (win.cols - 1) * metrics.gap) / win.cols;
  const [board] = useState(() => new TileBoard(tickedNow));
  const words = useMemo<TileWords>(
    () => ({
      ack: t('card.ack'),
      acked: t('card.acked'),
      recovered: t('card.fromHistory'),
      recoveredHint: t('card.fromHistoryHint'),
    }),
    [t],
  );

  // The latest of what the arrival handler and the writes read.
  const current = useMemo(() => new Map(alarms.map((a) => [a.key, a])), [alarms]);
  const geometry = { cols: win.cols, tileWidth, rowHeight: win.rowHeight };
  const latest = useRef({ alarms, current, shows, paused, selectedId, openId, geometry, hover: null as string | null });
  latest.current = { ...latest.current, alarms, current, shows, paused, selectedId, openId, geometry };
  const held = useCallback((a: LiveAlarm) => {
    const l = latest.current;
    const focused = a.key === l.selectedId && box.current?.contains(document.activeElement) === true;
    const stored = l.current.get(a.key);
    return (isUrgent(stored ?? a) && !a.acknowledged) || focused || a.key === l.hover || a.key === l.openId;
  }, []);

  // The tiles live outside React: an arrival writes its tile and moves the ring; React hears only whether any is filled.
  const tiles = useRef<Tiles>(NO_TILES);
  const listeners = useRef(new Set<() => void>());
  const subscribe = useCallback((fn: () => void) => {
    listeners.current.add(fn);
    return () => listeners.current.delete(fn);
  }, []);
  const anyFilled = useSyncExternalStore(subscribe, () => (tiles.current.slots[0] ?? null) !== null);
  const tabStop = useCallback(() => {
    const { selectedId: id } = latest.current;
    return Math.max(0, id ? tiles.current.slots.findIndex((a) => a?.key === id) : 0);
  }, []);
  const placeMarker = useCallback(() => {
    const el = marker.current;
    if (!el) return;
    const newest = newestSlot(tiles.current);
    el.hidden = newest < 0;
    if (newest < 0) return;
    const { cols, tileWidth: w, rowHeight } = latest.current.geometry;
    el.dataset.tile = String(newest);
    // Moved on the compositor: no tile repainted for it.
    el.style.transform = `translate(${(newest % cols) * (w + metrics.gap)}px, ${Math.floor(newest / cols) * rowHeight}px)`;
  }, [metrics.gap]);
  const set = useCallback(
    (next: Tiles) => {
      if (next === tiles.current) return;
      tiles.current = next;
      board.sync(next.slots, tabStop());
      placeMarker();
      for (const fn of listeners.current) fn();
    },
    [board, tabStop, placeMarker],
  );

  // What the cards' words depend on: every tile written again when it changes (before the tiles are filled).
  useLayoutEffect(() => {
    board.repaint({
      t,
      lang,
      today,
      strangerAlert: (a) => isStrangerAlert(a, whitelistOnly),
      where: (a) => (a.node === undefined ? null : nodeLabel(a.node, nodes)),
    });
  }, [board, t, lang, today, whitelistOnly, nodes]);
  useEffect(() => onTick(() => board.tick()), [board]);

  // Filled again when the grid's size, the filters or the pause change, and when the wall is emptied.
  const emptied = alarms.length === 0;
  useLayoutEffect(() => {
    set(fillTiles(count, latest.current.alarms.slice(0, count).map(withoutFrame)));
  }, [set, count, view, paused, emptied]);

  // An alarm acknowledged elsewhere (the details, "acknowledge all"): its tile says so.
  useLayoutEffect(() => {
    let next = tiles.current;
    for (const a of next.slots) if (a && !a.acknowledged && current.get(a.key)?.acknowledged) next = acknowledgeTile(next, a.key);
    set(next);
  }, [current, set]);

  useLayoutEffect(() => {
    board.setTabStop(tabStop());
    placeMarker();
  });

  useEffect(
    () =>
      store.getState().onArrival((a) => {
        const l = latest.current;
        if (l.paused || a.backfilled || !l.shows(a)) return;
        set(placeTile(tiles.current, withoutFrame(a), held));
      }),
    [store, held, set],
  );

  const slotCount = () => {
    const filled = tiles.current.slots.findIndex((a) => a === null);
    return filled < 0 ? tiles.current.slots.length : filled;
  };
  const onKeyDown = useCardKeys(box, selectedId, {
    get count() {
      return slotCount();
    },
    cols: win.cols,
    pageRows: win.pageRows,
    get from() {
      return tabStop();
    },
    keyAt: (i) => tiles.current.slots[i]?.key,
    onOpen,
    onSelect,
  });
  const ackTile = useCallback(
    (key: string) => {
      onAck(key);
      set(acknowledgeTile(tiles.current, key));
    },
    [onAck, set],
  );
  // The cards' events, for every tile at once (the cards are not React's to handle).
  const cardOf = (e: React.SyntheticEvent) => (e.target as HTMLElement).closest<HTMLElement>('article[data-snap-id]');
  const tileOf = (e: React.SyntheticEvent) => Number((e.target as HTMLElement).closest<HTMLElement>('.wall-tile')?.dataset.tile ?? -1);
  // What a press meant (a tile replaced under a finger on its way: TileBoard.intended), for the click that follows.
  const press = useRef<{ tile: number; key: string } | null>(null);
  const events = {
    onPointerDown: (e: React.PointerEvent) => {
      const tile = tileOf(e);
      const key = tile < 0 ? undefined : board.intended(tile, performance.now());
      press.current = key === undefined ? null : { tile, key };
    },
    onClick: (e: React.MouseEvent) => {
      const pressed = press.current;
      press.current = null;
      const key = pressed && pressed.tile === tileOf(e) ? pressed.key : cardOf(e)?.dataset.snapId;
      if (!key) return;
      if ((e.target as HTMLElement).closest('button')) ackTile(key);
      else onOpen(key);
    },
    onFocus: (e: React.FocusEvent) => {
      const key = (e.target as HTMLElement).matches('article') ? cardOf(e)?.dataset.snapId : undefined;
      if (key) onSelect(key);
    },
    onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
      press.current = null;
      // The button handles its own keys (the wall's Space pauses elsewhere).
      if ((e.target as HTMLElement).matches('button') && (e.key === 'Enter' || e.key === ' ')) e.stopPropagation();
      else onKeyDown(e);
    },
    // The tile under the pointer is not taken (a click meant for it lands on it).
    onPointerOver: (e: React.PointerEvent) => {
      latest.current.hover = cardOf(e)?.dataset.snapId ?? null;
    },
    onPointerLeave: () => {
      latest.current.hover = null;
    },
  };

  return (
    <div ref={box} className={kiosk ? 'wall-grid wall-grid--kiosk wall-grid--tiles' : 'wall-grid wall-grid--tiles'}>
      {anyFilled ? null : <div className="wall-grid__empty">{empty}</div>}
      <div
        role="feed"
        aria-label={label}
        aria-busy={false}
        className="wall-grid__cards"
        hidden={!anyFilled}
        {...events}
        style={{
          gridTemplateColumns: `repeat(${win.cols}, minmax(0, 1fr))`,
          gridAutoRows: `${win.cardHeight}px`,
          gap: `${metrics.gap}px`,
        }}
      >
        {Array.from({ length: count }, (_, i) => (
          // Keyed by the tile: its card is written in place, nothing moves.
          <TileTemplate key={i} index={i} board={board} words={words} />
        ))}
        <div ref={marker} className="wall-tile-marker" aria-hidden hidden style={{ width: tileWidth, height: win.cardHeight }}>
          <span className="wall-tile-marker__label">{t('tiles.newest')}</span>
        </div>
      </div>
    </div>
  );
}
