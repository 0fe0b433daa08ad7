import { describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../../../api/protocol/records';
import { rankPersons } from './overview-fetch';

const alarm = (lib_id: number, img_id: string, person_name: string): AlarmRecord =>
  ({ lib_id, img_id, person_name, lib_name: `lib ${lib_id}`, lib_type: 1, img_path: `img/${img_id}.jpg` }) as AlarmRecord;

describe('rankPersons', () => {
  it('counts alarms per library face, most first, a person in two libraries twice', () => {
    const ranked = rankPersons([alarm(1, 'a', 'Ann'), alarm(1, 'b', 'Bo'), alarm(1, 'a', 'Ann'), alarm(2, 'a', 'Ann')]);
    expect(ranked.map((p) => [p.libId, p.imgId, p.count])).toEqual([
      [1, 'a', 2],
      [2, 'a', 1],
      [1, 'b', 1],
    ]);
  });

  it('keeps the top n', () => {
    const rows = Array.from({ length: 30 }, (_, i) => alarm(1, `p${i}`, `P${i}`));
    expect(rankPersons(rows, 10)).toHaveLength(10);
  });
});
