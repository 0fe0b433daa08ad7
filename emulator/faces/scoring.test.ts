import { describe, expect, it } from 'vitest';
import { FACE_ATTR_VALUES } from '../../src/api/protocol/attributes';
import { distanceToSimilarity, faceAttributes, faceQuality, similarityToMaxDistance } from './scoring';

describe('similarity mapping', () => {
  it('goes through the documented points', () => {
    expect(distanceToSimilarity(0)).toBe(100);
    expect(distanceToSimilarity(0.3)).toBe(95);
    expect(distanceToSimilarity(0.6)).toBe(60);
    expect(distanceToSimilarity(1)).toBe(0);
    expect(distanceToSimilarity(1.4)).toBe(0);
  });

  it('never rises as the distance grows, and answers integers in 0..100', () => {
    const values = Array.from({ length: 1501 }, (_, i) => distanceToSimilarity(i / 1000));
    expect(values.every((s) => Number.isInteger(s) && s >= 0 && s <= 100)).toBe(true);
    expect(values.every((s, i) => i === 0 || s <= values[i - 1]!)).toBe(true);
  });

  it('inverts for the search bound: a distance passes the threshold iff it is within the bound', () => {
    for (const threshold of [1, 30, 60, 80, 95, 99, 100]) {
      const bound = similarityToMaxDistance(threshold);
      expect(distanceToSimilarity(bound - 1e-6)).toBeGreaterThanOrEqual(threshold);
      expect(distanceToSimilarity(bound + 1e-3)).toBeLessThan(threshold);
    }
    expect(similarityToMaxDistance(0)).toBe(Infinity);
  });
});

describe('quality', () => {
  const box = { x1: 100, y1: 100, x2: 300, y2: 340 };
  it('is the detection score for a large face well inside the picture', () => {
    expect(faceQuality(0.97, box, 1000, 1000)).toBe(97);
  });
  it('drops for small faces and for faces on the edge', () => {
    expect(faceQuality(1, { x1: 10, y1: 10, x2: 50, y2: 50 }, 1000, 1000)).toBe(50);
    expect(faceQuality(1, { x1: 0, y1: 100, x2: 200, y2: 340 }, 1000, 1000)).toBe(80);
    expect(faceQuality(1, { x1: 0, y1: 0, x2: 200, y2: 240 }, 1000, 1000)).toBe(64);
  });
});

describe('attributes', () => {
  it('answers Appendix B values only', () => {
    for (const [age, gender, expr] of [
      [8, 'male', 'happy'],
      [35.4, 'female', 'surprised'],
      [72, 'male', 'disgusted'],
    ] as const) {
      const a = faceAttributes({ age, gender, expressions: { neutral: 0.1, [expr]: 0.8 } });
      for (const [key, values] of Object.entries(FACE_ATTR_VALUES)) {
        expect(values as readonly string[]).toContain(a[key as keyof typeof a]);
      }
      expect(a.st_age_value).toMatch(/^\d+\.000000$/);
    }
  });
  it('maps age bands, gender and expression', () => {
    const a = faceAttributes({ age: 13.6, gender: 'female', expressions: { neutral: 0.2, sad: 0.7 } });
    expect(a).toMatchObject({ st_age: 'st_adult', st_age_value: '14.000000', gender_code: 'female', st_expression: 'st_sorrow' });
    expect(faceAttributes({ age: 12, gender: 'male', expressions: { fearful: 1 } })).toMatchObject({
      st_age: 'st_child',
      st_expression: 'st_scared',
    });
    expect(faceAttributes({ age: 60, gender: 'male', expressions: { neutral: 1 } })).toMatchObject({
      st_age: 'st_old',
      st_expression: 'st_calm',
    });
  });
});
