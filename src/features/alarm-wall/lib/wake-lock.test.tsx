import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useWakeLock, wakeLockUnavailable, type WakeEnv } from './wake-lock';

/** A wake lock that records requests and can be released as a hidden tab would be. */
function fakeWakeLock(refuse = false) {
  const sentinels: { released: boolean; release(): Promise<void>; fire(): void }[] = [];
  let requests = 0;
  const api = {
    request: (type: 'screen') => {
      expect(type).toBe('screen');
      requests++;
      if (refuse) return Promise.reject(new DOMException('no', 'NotAllowedError'));
      const listeners: (() => void)[] = [];
      const s = {
        released: false,
        release: async () => {
          s.released = true;
        },
        addEventListener: (_: 'release', fn: () => void) => listeners.push(fn),
        fire: () => {
          s.released = true;
          for (const fn of listeners) fn();
        },
      };
      sentinels.push(s);
      return Promise.resolve(s);
    },
  };
  return { api, sentinels, requests: () => requests };
}

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
function setVisibility(v: DocumentVisibilityState) {
  visibility = v;
  document.dispatchEvent(new Event('visibilitychange'));
}
afterEach(() => {
  visibility = 'visible';
});

describe('the kiosk wake lock', () => {
  it('says why it cannot ask: not HTTPS, or no API in a secure page', () => {
    expect(wakeLockUnavailable({ secure: false, wakeLock: undefined })).toBe('insecure');
    expect(wakeLockUnavailable({ secure: true, wakeLock: undefined })).toBe('unsupported');
    expect(wakeLockUnavailable({ secure: true, wakeLock: fakeWakeLock().api })).toBeNull();
  });

  it('holds the screen while active, asks again when the page is shown again, lets go when inactive', async () => {
    const fake = fakeWakeLock();
    const env = (): WakeEnv => ({ secure: true, wakeLock: fake.api });
    const { result, rerender } = renderHook(({ on }) => useWakeLock(on, env), { initialProps: { on: false } });
    expect(result.current).toBe('idle');
    expect(fake.requests()).toBe(0);
    rerender({ on: true });
    await waitFor(() => expect(result.current).toBe('held'));
    expect(fake.requests()).toBe(1);

    // Hidden: the browser releases the lock; shown again: asked for again.
    act(() => {
      setVisibility('hidden');
      fake.sentinels[0]!.fire();
    });
    expect(fake.requests()).toBe(1);
    act(() => setVisibility('visible'));
    await waitFor(() => expect(fake.requests()).toBe(2));
    expect(result.current).toBe('held');

    rerender({ on: false });
    expect(result.current).toBe('idle');
    expect(fake.sentinels[1]!.released).toBe(true);
  });

  it('reports a refusal and an insecure page instead of failing quietly', async () => {
    const refusing = fakeWakeLock(true);
    const a = renderHook(() => useWakeLock(true, () => ({ secure: true, wakeLock: refusing.api })));
    await waitFor(() => expect(a.result.current).toBe('refused'));
    const b = renderHook(() => useWakeLock(true, () => ({ secure: false, wakeLock: undefined })));
    expect(b.result.current).toBe('insecure');
  });
});
