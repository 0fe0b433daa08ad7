import { describe, expect, it } from 'vitest';
import { steadyView } from './steady-list';

const a = (key: string, acknowledged = false) => ({ key, acknowledged });

describe('the held wall', () => {
  it('live when nothing holds it', () => {
    const list = [a('2'), a('1')];
    expect(steadyView(null, list)).toEqual({ shown: list, waiting: 0 });
  });

  it('keeps the held cards in place, with their current state, and counts the new ones', () => {
    const held = [a('2'), a('1')];
    const now = [a('4'), a('3'), a('1'), a('2', true)];
    const { shown, waiting } = steadyView(held, now);
    expect(shown.map((x) => x.key)).toEqual(['2', '1']);
    expect(shown[0]!.acknowledged).toBe(true);
    expect(waiting).toBe(2);
  });

  it('a held card no longer listed (the user filtered it out) leaves', () => {
    const held = [a('2'), a('1')];
    expect(steadyView(held, [a('3'), a('2')])).toEqual({ shown: [a('2')], waiting: 1 });
  });
});
