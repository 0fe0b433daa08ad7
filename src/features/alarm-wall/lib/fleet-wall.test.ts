import { describe, expect, it } from 'vitest';
import { nodeWallState, retryInSeconds } from './fleet-wall';

describe('the merged wall: a node as the wall says it', () => {
  it('is expired, not reconnecting, once its session ended, and signed out when it never had one', () => {
    expect(nodeWallState({ sessionId: null, expired: true, user: 'admin', restarted: false }, 'reconnecting', false)).toBe('expired');
    expect(nodeWallState({ sessionId: null, expired: true, user: 'admin', restarted: false }, 'reconnecting', true)).toBe('renewing');
    expect(nodeWallState(undefined, undefined, false)).toBe('signedOut');
    expect(nodeWallState({ sessionId: 's', expired: false, user: 'admin', restarted: false }, undefined, false)).toBe('connecting');
  });

  it('counts down to the next try only while the socket tries by itself', () => {
    const now = 1_000_000;
    expect(retryInSeconds('reconnecting', now + 4200, now)).toBe(5);
    expect(retryInSeconds('offline', now - 500, now)).toBe(0);
    // A node restarted: its socket had a countdown, then its session was found gone. Nothing tries until it is signed in.
    expect(retryInSeconds('expired', now + 4200, now)).toBeNull();
    expect(retryInSeconds('expired', now - 500, now)).toBeNull();
    expect(retryInSeconds('signedOut', now + 4200, now)).toBeNull();
    expect(retryInSeconds('live', now + 4200, now)).toBeNull();
    expect(retryInSeconds('reconnecting', null, now)).toBeNull();
  });
});
