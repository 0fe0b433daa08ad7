// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { inSession, SESSION_STORAGE_KEY, sessionOf, useSessionStore, waitForSession } from './session-store';

const stored = () => JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '{}') as { state?: Record<string, unknown> };

describe('session store', () => {
  beforeEach(() => {
    sessionStorage.clear();
    useSessionStore.getState().clear();
  });

  it('keeps why the session ended across a reload, but never the id it ended', async () => {
    useSessionStore.getState().start('abc123', 'admin');
    useSessionStore.getState().expire();
    expect(stored().state).toMatchObject({ sessionId: null, expired: true, restarted: false });
    // As after a reload: a fresh module reads the store back from sessionStorage.
    vi.resetModules();
    const reloaded = await import('./session-store');
    expect(reloaded.useSessionStore.getState()).toMatchObject({ sessionId: null, expired: true });
  });

  it('says "restarted" only when the console saw the restart, and forgets it at the next login', () => {
    useSessionStore.getState().start('abc123', 'admin');
    useSessionStore.getState().expire('restart');
    expect(useSessionStore.getState()).toMatchObject({ expired: true, restarted: true });
    useSessionStore.getState().start('def456', 'admin');
    expect(stored().state).toMatchObject({ sessionId: 'def456', expired: false, restarted: false });
  });

  it('a restart the console saw after a poll\'s -141 still says "restarted"', () => {
    useSessionStore.getState().start('abc123', 'admin');
    useSessionStore.getState().expire();
    useSessionStore.getState().expire('restart');
    expect(useSessionStore.getState()).toMatchObject({ expired: true, restarted: true });
  });

  it('a second -141 after the first changes nothing', () => {
    useSessionStore.getState().start('abc123', 'admin');
    useSessionStore.getState().expire('restart');
    useSessionStore.getState().expire();
    expect(useSessionStore.getState().restarted).toBe(true);
  });
});

describe('session store, several nodes', () => {
  beforeEach(() => {
    sessionStorage.clear();
    for (const n of ['default', 'a', 'b']) useSessionStore.getState().clear(n);
    useSessionStore.getState().show('default');
  });

  it("keeps one session per node, and the top level is the shown node's", () => {
    useSessionStore.getState().start('sa', 'admin', 'a');
    useSessionStore.getState().start('sb', 'ops', 'b');
    expect(useSessionStore.getState().sessionId).toBeNull();
    useSessionStore.getState().show('b');
    expect(useSessionStore.getState()).toMatchObject({ sessionId: 'sb', user: 'ops' });
    expect(sessionOf('a').sessionId).toBe('sa');
  });

  it("an expiry ends only that node's session, and only that node's waiting calls go on after its sign-in", async () => {
    useSessionStore.getState().start('sa', 'admin', 'a');
    useSessionStore.getState().start('sb', 'admin', 'b');
    useSessionStore.getState().show('a');
    useSessionStore.getState().expire(undefined, 'b');
    expect(useSessionStore.getState()).toMatchObject({ sessionId: 'sa', expired: false });
    expect(sessionOf('b')).toMatchObject({ sessionId: null, expired: true });
    const onB = waitForSession('b');
    let settled = false;
    void onB.then(() => (settled = true));
    useSessionStore.getState().start('sa2', 'admin', 'a');
    await Promise.resolve();
    expect(settled).toBe(false);
    useSessionStore.getState().start('sb2', 'admin', 'b');
    await expect(onB).resolves.toBe(true);
  });

  it('a node whose session the node ended is still in session (its work waits for a sign-in); one logged out is not', () => {
    useSessionStore.getState().start('sa', 'admin', 'a');
    useSessionStore.getState().start('sb', 'admin', 'b');
    useSessionStore.getState().expire(undefined, 'a');
    useSessionStore.getState().clear('b');
    expect(inSession(sessionOf('a'))).toBe(true);
    expect(inSession(sessionOf('b'))).toBe(false);
    expect(inSession(undefined)).toBe(false);
  });

  it("reads back a state stored before nodes (and the e2e fixture's seed) as the shown node's session", async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ state: { sessionId: 'old', user: 'admin' }, version: 0 }));
    vi.resetModules();
    const reloaded = await import('./session-store');
    expect(reloaded.useSessionStore.getState()).toMatchObject({ sessionId: 'old', node: 'default' });
    expect(reloaded.sessionOf('default').sessionId).toBe('old');
  });
});
