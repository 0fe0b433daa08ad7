// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_STORAGE_KEY, useSessionStore } from './session-store';

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
