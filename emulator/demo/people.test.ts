import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLibraries, queryFaces } from '../../src/api/protocol';
import { facePicture, stubEngine } from '../operations/faces.fixtures';
import { startTestDevice, type TestDevice } from '../testing';
import { residentIdCheckDigit, seedPeople, type PoolPicture } from './people';

describe('demo people', () => {
  let dev: TestDevice;
  let pool: PoolPicture[];
  beforeAll(async () => {
    dev = await startTestDevice({}, { engine: stubEngine() });
    pool = await Promise.all(Array.from({ length: 20 }, async (_, i) => ({ id: `face-${i}`, jpeg: await facePicture(100 + i) })));
  });
  afterAll(() => dev.close());

  it('computes the resident id check digit (GB 11643)', () => {
    // Worked example of the standard: 11010519491231002X.
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('44052418800101001')).toBe('4');
  });

  it('creates the three libraries and enrols one person per pool face', async () => {
    const seeded = await seedPeople(dev.emulator.ctx, pool);
    expect(seeded.map((l) => [l.lib_name, l.lib_type, l.enrolled])).toEqual([
      ['重点人员 Blacklist', 1, 4],
      ['员工 Staff', 2, 12],
      ['访客 VIP', 2, 4],
    ]);
    const libs = await dev.call(listLibraries, {});
    expect(libs.map((l) => l.picture_no)).toEqual([4, 12, 4]);

    const staff = await dev.call(queryFaces, { lib_id: seeded[1]!.lib_id, qry_len: 50 });
    expect(staff.record[0]!.img_id).toBe('EMP-0001');
    for (const p of staff.record) {
      expect(p.person_name).not.toBe('');
      expect(['0', '1']).toContain(p.person_gender);
      expect(Number(p.person_age)).toBeGreaterThanOrEqual(20);
      expect(p.person_addr).not.toMatch(/[,_]/);
      if (/^\d{17}[\dX]$/.test(p.person_idcard)) {
        expect(residentIdCheckDigit(p.person_idcard.slice(0, 17))).toBe(p.person_idcard[17]);
        // The sequence digit is odd for men, even for women.
        expect(Number(p.person_idcard[16]) % 2).toBe(Number(p.person_gender));
        expect(p.person_name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      } else {
        expect(p.person_idcard).toMatch(/^[PE]\d{8}$/);
        expect(p.person_name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      }
    }
  });

  it('is harmless to run again: libraries reused, nobody enrolled twice', async () => {
    const again = await seedPeople(dev.emulator.ctx, pool);
    expect(again.map((l) => l.enrolled)).toEqual([0, 0, 0]);
    expect((await dev.call(listLibraries, {})).map((l) => l.picture_no)).toEqual([4, 12, 4]);
  });
});
