import { describe, expect, it } from 'vitest';
import { formatDeviceTime, parseDeviceTime, shiftDeviceTime } from '../api/protocol/device-time';
import { DeviceClock } from './device-clock';

const T = '2026-03-01 10:00:00';
const ms = (t: string) => parseDeviceTime(t)!;

function clock() {
  let local = 1_000_000;
  const c = new DeviceClock(() => local);
  return { c, pass: (s: number) => (local += s * 1000), now: () => formatDeviceTime(c.now()!) };
}

describe('device clock', () => {
  it('runs from the device time it was told, on our clock, and follows triggers forward', () => {
    const { c, pass, now } = clock();
    expect(c.now()).toBeNull();
    c.observeTime(T);
    pass(10);
    expect(now()).toBe(shiftDeviceTime(T, 10));
    // A trigger a second ahead of our estimate: the device's clock is at least there.
    expect(c.observeTrigger(shiftDeviceTime(T, 11))).toBe('ok');
    expect(now()).toBe(shiftDeviceTime(T, 11));
    // A push a little late is no step.
    expect(c.observeTrigger(shiftDeviceTime(T, 8))).toBe('ok');
  });

  it('a trigger far behind is for the device to confirm; its time reveals the step back and where the new clock can have begun', () => {
    const { c, pass, now } = clock();
    c.observeTime(T);
    pass(20);
    c.observeTrigger(shiftDeviceTime(T, 20));
    pass(3);
    const back = shiftDeviceTime(T, 23 - 3600);
    expect(c.observeTrigger(back)).toBe('behind');
    const step = c.observeTime(back);
    expect(step).toEqual({ expected: ms(shiftDeviceTime(T, 23)), actual: ms(back), newFrom: ms(back) - 3000 });
    expect(now()).toBe(back);
    // A late push confirmed as such changes nothing.
    pass(1);
    expect(c.observeTime(shiftDeviceTime(back, 1))).toBeNull();
  });

  it('our time of a trigger only moves forward across steps either way, and history alarms map to the epoch they belong to', () => {
    const { c, pass } = clock();
    c.observeTime(T);
    const before = c.at(T, true);
    pass(60);
    // An hour ahead for a minute…
    const ahead = shiftDeviceTime(T, 3660);
    c.observeTrigger(ahead);
    const aheadAt = c.at(ahead, true);
    pass(60);
    c.observeTrigger(shiftDeviceTime(ahead, 60));
    // …then corrected.
    const back = shiftDeviceTime(T, 120);
    c.observeTime(back);
    pass(1);
    const after = c.at(shiftDeviceTime(back, 1), true);
    expect(before).toBeLessThan(aheadAt);
    expect(aheadAt).toBeLessThan(after);
    expect(aheadAt - before).toBe(60_000);
    expect(after - aheadAt).toBe(61_000);
    // From history: one stamped in the hour ahead keeps its place; one of the first minute too.
    expect(c.at(shiftDeviceTime(ahead, 30), false)).toBe(aheadAt + 30_000);
    expect(c.at(shiftDeviceTime(T, 30), false)).toBe(before + 30_000);
  });

  it('an alarm after a step back maps above every alarm before it, though both epochs are known to whole seconds only', () => {
    const { c, pass } = clock();
    c.observeTime(T);
    // An hour ahead; the first trigger arrives 0.999 s into its second, so the epoch's offset is 0.999 s too large.
    pass(10.999);
    const ahead1 = shiftDeviceTime(T, 3610);
    c.observeTrigger(ahead1);
    const at1 = c.at(ahead1, true);
    pass(0.5);
    const ahead2 = shiftDeviceTime(T, 3611);
    c.observeTrigger(ahead2);
    const at2 = c.at(ahead2, true);
    // Corrected; the device answers its time 0.6 s into a second.
    pass(0.1);
    expect(c.observeTime(shiftDeviceTime(T, 11))).not.toBeNull();
    // Recorded 0.2 s later, read back from history.
    pass(0.2);
    const after = c.at(shiftDeviceTime(T, 11), false);
    expect(after).toBeGreaterThan(at1);
    expect(after).toBeGreaterThan(at2);
    expect(c.at(ahead2, false)).toBe(at2);
  });
});
