// The tile layout of the wall: a fixed grid of tiles that never move. Each
// alarm, as it arrives, takes the tile of the oldest alarm shown (an
// unacknowledged blacklist tile is taken only when every tile is one), so a
// card stays put until its turn comes again, and the floor-like path (one
// tile's picture and texts swapped in place) keeps up with a busy fleet
// (docs/fleet.md, fourth pass). Pure: the component keeps one in a ref.
import type { LiveAlarm } from '../../../live';

export interface Tiles {
  readonly slots: readonly (LiveAlarm | null)[];
  /** When each slot was filled (a counter; 0: empty). */
  readonly stamps: readonly number[];
  readonly clock: number;
}

export const NO_TILES: Tiles = { slots: [], stamps: [], clock: 0 };

/** The slot holding the newest alarm; -1 when every slot is empty. */
export function newestSlot(t: Tiles): number {
  let best = -1;
  for (let i = 0; i < t.stamps.length; i++) if (t.stamps[i]! > 0 && (best < 0 || t.stamps[i]! > t.stamps[best]!)) best = i;
  return best;
}

/** Where the next alarm goes: the first empty slot, else the oldest not held, else the oldest. */
function nextSlot(t: Tiles, held: (a: LiveAlarm) => boolean): number {
  let oldest = -1;
  let oldestFree = -1;
  for (let i = 0; i < t.slots.length; i++) {
    const a = t.slots[i];
    if (!a) return i;
    if (oldest < 0 || t.stamps[i]! < t.stamps[oldest]!) oldest = i;
    if (!held(a) && (oldestFree < 0 || t.stamps[i]! < t.stamps[oldestFree]!)) oldestFree = i;
  }
  return oldestFree >= 0 ? oldestFree : oldest;
}

/** One arrival placed (a key already shown is left where it is). */
export function placeTile(t: Tiles, alarm: LiveAlarm, held: (a: LiveAlarm) => boolean): Tiles {
  if (t.slots.length === 0 || t.slots.some((a) => a?.key === alarm.key)) return t;
  const i = nextSlot(t, held);
  const slots = t.slots.slice();
  const stamps = t.stamps.slice();
  const clock = t.clock + 1;
  slots[i] = alarm;
  stamps[i] = clock;
  return { slots, stamps, clock };
}

/**
 * `count` tiles filled from a list (newest first, as the wall arranges it):
 * the newest `count`, oldest in the first tile, so the next arrival takes
 * the first tile and arrivals sweep the grid in reading order.
 */
export function fillTiles(count: number, list: readonly LiveAlarm[]): Tiles {
  let t: Tiles = { slots: Array.from({ length: count }, () => null), stamps: Array.from({ length: count }, () => 0), clock: 0 };
  const newest = list.slice(0, count);
  for (let i = newest.length - 1; i >= 0; i--) t = placeTile(t, newest[i]!, () => false);
  return t;
}

/**
 * A tile's alarm acknowledged: the tile's own copy says so too, so a tile
 * whose alarm has left the wall's memory (held there while it was urgent)
 * shows it and can be taken again.
 */
export function acknowledgeTile(t: Tiles, key: string): Tiles {
  const i = t.slots.findIndex((a) => a?.key === key);
  const a = i < 0 ? null : t.slots[i]!;
  if (!a || a.acknowledged) return t;
  const slots = t.slots.slice();
  slots[i] = { ...a, acknowledged: true };
  return { ...t, slots };
}
