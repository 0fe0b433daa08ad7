import { describe, expect, it } from 'vitest';
import { readScore } from './score-reading';

describe('reading a 1:1 score', () => {
  it('puts the score in a band and against the cameras’ thresholds', () => {
    expect(readScore(100, [86, 88])).toEqual({ band: 'same', thresholds: { min: 86, max: 88 }, alarms: 'all' });
    expect(readScore(87, [86, 88])).toMatchObject({ band: 'likely', alarms: 'some' });
    expect(readScore(70, [86, 88])).toMatchObject({ band: 'uncertain', alarms: 'none' });
    expect(readScore(12, [])).toEqual({ band: 'different', thresholds: null, alarms: null });
  });
});
