import { describe, expect, it } from 'vitest';
import type { LiveAlarm } from '../../../live';
import { liveEvent } from '../../../live/testing';
import { freshUrgent } from './alarm-alerts';
import { NO_FILTERS, passes } from './wall-filters';

const alarm = (n: number, seq: number, libType: number, acknowledged = false, channel = 1): LiveAlarm => ({
  ...liveEvent(n, { lib_type: libType, channel }),
  key: `snap-${n}`,
  seq,
  acknowledged,
});

describe('which alarms alert', () => {
  it('new, unacknowledged blacklist matches the filters let through, once', () => {
    const list = [alarm(5, 5, 1), alarm(4, 4, 2), alarm(3, 3, 1, true), alarm(2, 2, 1, false, 2), alarm(1, 1, 1)];
    const first = freshUrgent(list, 1, (a) => passes(a, { ...NO_FILTERS, cameras: [1] }));
    expect(first.urgent.map((a) => a.snapId)).toEqual(['snap-5']);
    expect(first.maxSeq).toBe(5);
    expect(freshUrgent(list, first.maxSeq, () => true).urgent).toEqual([]);
  });
});
