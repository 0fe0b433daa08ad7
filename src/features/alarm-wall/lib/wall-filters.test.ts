import { describe, expect, it } from 'vitest';
import type { LiveAlarm } from '../../../live';
import { liveEvent } from '../../../live/testing';
import {
  arrangeWall,
  classify,
  hasFilters,
  NO_FILTERS,
  parseFilters,
  passes,
  whitelistOnlyChannels,
  writeFilters,
  type WallFilters,
} from './wall-filters';

let seq = 0;
function alarm(n: number, o: Parameters<typeof liveEvent>[1] = {}, extra: Partial<Pick<LiveAlarm, 'acknowledged'>> = {}): LiveAlarm {
  const e = liveEvent(n, o);
  return { ...e, key: e.snapId, seq: ++seq, acknowledged: false, ...extra };
}
const black = (n: number, ack = false) => alarm(n, { lib_type: 1, lib_id: 7, lib_name: 'watch' }, { acknowledged: ack });
const white = (n: number) => alarm(n, { lib_type: 2, lib_id: 3, similarity: 91 });
const stranger = (n: number, channel = 1) => alarm(n, { similarity: -1, img: -1, lib_id: 0, lib_type: 0, channel });
const body = (n: number) => alarm(n, { obj_label: 2, face_attr: undefined, body_attr: { gender_code: 'male' } });

describe('the URL', () => {
  it('reads what it wrote, and leaves defaults out', () => {
    const f: WallFilters = { cameras: [4, 1], libraries: [3], list: 'black', similarity: 80, kind: 'face', strangers: false };
    const written = writeFilters(new URLSearchParams('kiosk=1'), f);
    expect(written.toString()).toBe('kiosk=1&ch=4%2C1&libs=3&list=black&sim=80&kind=face&strangers=0');
    expect(parseFilters(written)).toEqual({ ...f, cameras: [1, 4] });
    expect(writeFilters(written, NO_FILTERS).toString()).toBe('kiosk=1');
  });

  it('ignores what a hand-edited URL gets wrong', () => {
    expect(parseFilters(new URLSearchParams('ch=1,x,,-2,1&list=grey&sim=250&kind=car&strangers=no'))).toEqual({
      cameras: [1],
      libraries: [],
      list: null,
      similarity: 100,
      kind: null,
      strangers: true,
    });
    expect(parseFilters(new URLSearchParams('sim=abc')).similarity).toBe(0);
    expect(hasFilters(parseFilters(new URLSearchParams('')))).toBe(false);
  });
});

describe('what passes', () => {
  it('classifies blacklist, whitelist, stranger and body', () => {
    expect([black(1), white(2), stranger(3), body(4)].map(classify)).toEqual(['blacklist', 'whitelist', 'stranger', 'body']);
  });

  it('camera applies to everything, the strangers switch to unmatched faces only', () => {
    const f = { ...NO_FILTERS, cameras: [2] };
    expect(passes(stranger(1, 2), f)).toBe(true);
    expect(passes(stranger(1, 1), f)).toBe(false);
    expect(passes(stranger(1), { ...NO_FILTERS, strangers: false })).toBe(false);
    expect(passes(white(1), { ...NO_FILTERS, strangers: false })).toBe(true);
    expect(passes(body(1), { ...NO_FILTERS, strangers: false })).toBe(true);
  });

  it('a filter on the match keeps matches only', () => {
    const f = { ...NO_FILTERS, list: 'black' as const };
    expect(passes(black(1), f)).toBe(true);
    expect(passes(white(2), f)).toBe(false);
    expect(passes(stranger(3), f)).toBe(false);
    expect(passes(body(4), f)).toBe(false);
    expect(passes(white(2), { ...NO_FILTERS, libraries: [3] })).toBe(true);
    expect(passes(black(1), { ...NO_FILTERS, libraries: [3] })).toBe(false);
    expect(passes(white(2), { ...NO_FILTERS, similarity: 92 })).toBe(false);
    expect(passes(white(2), { ...NO_FILTERS, similarity: 91 })).toBe(true);
  });

  it('face / body', () => {
    expect(passes(body(1), { ...NO_FILTERS, kind: 'face' })).toBe(false);
    expect(passes(body(1), { ...NO_FILTERS, kind: 'body' })).toBe(true);
    expect(passes(white(1), { ...NO_FILTERS, kind: 'body' })).toBe(false);
  });
});

describe('the order', () => {
  it('puts unacknowledged blacklist matches on top, each part keeping the newest first', () => {
    // The store's order: newest first.
    const list = [white(6), black(5), stranger(4), black(3, true), black(2), white(1)];
    const r = arrangeWall(list, NO_FILTERS);
    expect(r.list.map((a) => a.snapId)).toEqual(['snap-5', 'snap-2', 'snap-6', 'snap-4', 'snap-3', 'snap-1']);
    expect(r.pinned).toBe(2);
    expect(r.unacknowledged).toBe(5);
  });

  it('counts only what the filters let through', () => {
    const r = arrangeWall([white(2), black(1)], { ...NO_FILTERS, list: 'white' });
    expect(r).toMatchObject({ pinned: 0, unacknowledged: 1 });
  });
});

describe('whitelist-only cameras', () => {
  it('are the cameras whose every library is a whitelist', () => {
    const libs = [
      { lib_id: 1, lib_type: 1 },
      { lib_id: 2, lib_type: 2 },
      { lib_id: 3, lib_type: 2 },
    ];
    const cams = [
      { channel: 1, lib_ids: '1' },
      { channel: 2, lib_ids: '2,3' },
      { channel: 3, lib_ids: '1,2' },
      { channel: 4, lib_ids: '' },
      { channel: 5, lib_ids: '3' },
    ];
    expect([...whitelistOnlyChannels(cams, libs)]).toEqual([2, 5]);
    expect(whitelistOnlyChannels(undefined, libs).size).toBe(0);
  });
});
