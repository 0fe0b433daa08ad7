import { describe, expect, it } from 'vitest';
import { RESTART_EXTEND_MS, RESTART_LIMIT_MS, restartReducer, startRestart, type RestartEvent, type RestartState } from './restart-machine';

const run = (state: RestartState, ...events: RestartEvent[]) => events.reduce(restartReducer, state);
const probe = (result: 'same-session' | 'new-session' | 'unreachable', at: number): RestartEvent => ({ type: 'probe', result, at });

describe('the restart overlay state machine', () => {
  it('goes leaving → down → back as the device goes away and answers again', () => {
    const s0 = startRestart('reboot', 0);
    expect(s0.phase).toBe('leaving');
    const s1 = run(s0, probe('same-session', 2000));
    expect(s1.phase).toBe('leaving');
    const s2 = run(s1, probe('unreachable', 4000));
    expect(s2).toMatchObject({ phase: 'down', downAt: 4000 });
    const s3 = run(s2, probe('unreachable', 6000));
    expect(s3).toMatchObject({ phase: 'down', downAt: 4000 });
    // Any answer after being away is a device back: -141 (sessions dropped) …
    expect(run(s3, probe('new-session', 8000))).toMatchObject({ phase: 'back', backAt: 8000 });
    // … or even an answer with our old session.
    expect(run(s3, probe('same-session', 8000)).phase).toBe('back');
  });

  it('takes a -141 while leaving as a restart it did not see (too quick to catch)', () => {
    expect(run(startRestart('https', 0), probe('new-session', 2000)).phase).toBe('back');
  });

  it('is late past the deadline (longer for an upgrade), keeps watching, and can wait longer', () => {
    const limit = RESTART_LIMIT_MS.reboot;
    const down = run(startRestart('reboot', 0), probe('unreachable', 1000));
    expect(run(down, { type: 'tick', at: limit - 1 }).late).toBe(false);
    const late = run(down, { type: 'tick', at: limit });
    expect(late.late).toBe(true);
    // Still watching: a late answer still ends it.
    expect(run(late, probe('new-session', limit + 5000))).toMatchObject({ phase: 'back', late: false });
    const longer = run(late, { type: 'waitLonger', at: limit + 1000 });
    expect(longer).toMatchObject({ late: false, deadline: limit + 1000 + RESTART_EXTEND_MS });
    expect(RESTART_LIMIT_MS.upgrade).toBeGreaterThan(limit);
    expect(run(startRestart('upgrade', 0), { type: 'tick', at: limit }).late).toBe(false);
  });

  it('is late while leaving too, when the device keeps answering as before', () => {
    const s = run(startRestart('reset', 0), probe('same-session', 1000), { type: 'tick', at: RESTART_LIMIT_MS.reset });
    expect(s).toMatchObject({ phase: 'leaving', late: true });
  });

  it('stays back whatever comes after', () => {
    const back = run(startRestart('reboot', 0), probe('unreachable', 1), probe('new-session', 2));
    expect(run(back, probe('unreachable', 3), { type: 'tick', at: 1e9 })).toBe(back);
  });
});
