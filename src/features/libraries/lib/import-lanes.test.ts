import { describe, expect, it } from 'vitest';
import { combinedState, laneKeys, lockedOnAny } from './import-lanes';

describe('combinedState', () => {
  it('runs while any node runs, pauses when one waits, and is over when all are', () => {
    expect(combinedState(['running', 'done'])).toBe('running');
    expect(combinedState(['done', 'preparing'])).toBe('running');
    // A node halted for its session waits alone: the import says paused once the others are over.
    expect(combinedState(['done', 'paused'])).toBe('paused');
    expect(combinedState(['done', 'done', 'skipped'])).toBe('done');
    expect(combinedState(['done', 'failed'])).toBe('done');
    expect(combinedState(['cancelled', 'done'])).toBe('cancelled');
    expect(combinedState(['idle', 'idle'])).toBe('idle');
  });
});

describe('lanes', () => {
  const rows = [
    { key: 1, dropped: false },
    { key: 2, dropped: false },
    { key: 3, dropped: true },
    { key: 4, dropped: false },
  ];
  it('sends each node the rows it has not stored yet', () => {
    expect(
      laneKeys(rows, new Map([[4, ['img_id']]]), { 1: { kind: 'stored', imgId: 'a' }, 2: { kind: 'refused', code: -122, reason: '' } }),
    ).toEqual([2]);
  });
  it('locks a row stored or on its way on any node', () => {
    const a = { 1: { kind: 'stored', imgId: 'x' } } as const;
    const b = { 2: { kind: 'sending' } } as const;
    expect(lockedOnAny(1, [{}, a])).toBe(true);
    expect(lockedOnAny(2, [a, b])).toBe(true);
    expect(lockedOnAny(3, [a, b])).toBe(false);
  });
});
