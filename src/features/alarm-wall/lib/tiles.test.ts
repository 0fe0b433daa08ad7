import { describe, expect, it } from 'vitest';
import type { LiveAlarm } from '../../../live';
import { acknowledgeTile, fillTiles, newestSlot, placeTile } from './tiles';

const alarm = (key: string, extra: Partial<LiveAlarm> = {}) => ({ key, acknowledged: false, ...extra }) as LiveAlarm;
const keys = (t: { slots: readonly (LiveAlarm | null)[] }) => t.slots.map((a) => a?.key ?? null);
const never = () => false;

describe('tiles', () => {
  it('fills from a newest-first list with the oldest first, so arrivals sweep in reading order', () => {
    const t = fillTiles(3, [alarm('d'), alarm('c'), alarm('b'), alarm('a')]);
    expect(keys(t)).toEqual(['b', 'c', 'd']);
    expect(newestSlot(t)).toBe(2);
    const t2 = placeTile(t, alarm('e'), never);
    expect(keys(t2)).toEqual(['e', 'c', 'd']);
    expect(newestSlot(t2)).toBe(0);
    expect(keys(placeTile(t2, alarm('f'), never))).toEqual(['e', 'f', 'd']);
  });

  it('fills empty tiles first and leaves a key already shown where it is', () => {
    const t = placeTile(fillTiles(3, [alarm('a')]), alarm('b'), never);
    expect(keys(t)).toEqual(['a', 'b', null]);
    expect(placeTile(t, alarm('a'), never)).toBe(t);
    expect(newestSlot(fillTiles(2, []))).toBe(-1);
  });

  it('takes a held tile (an unacknowledged blacklist alarm) only when every tile is held', () => {
    const held = (a: LiveAlarm) => a.key.startsWith('x');
    const t = fillTiles(3, [alarm('c'), alarm('b'), alarm('x1')]);
    expect(keys(placeTile(t, alarm('d'), held))).toEqual(['x1', 'd', 'c']);
    const all = fillTiles(2, [alarm('x2'), alarm('x1')]);
    expect(keys(placeTile(all, alarm('d'), held))).toEqual(['d', 'x2']);
  });

  it("acknowledges a tile's own copy, so a held tile is released even when the wall's memory no longer has it", () => {
    const held = (a: LiveAlarm) => a.key.startsWith('x') && !a.acknowledged;
    const t = acknowledgeTile(fillTiles(2, [alarm('x2'), alarm('x1')]), 'x1');
    expect(t.slots[0]).toMatchObject({ key: 'x1', acknowledged: true });
    expect(keys(placeTile(t, alarm('d'), held))).toEqual(['d', 'x2']);
    expect(acknowledgeTile(t, 'nope')).toBe(t);
  });
});
