import { describe, expect, it } from 'vitest';
import { parseBatchName } from './batch-names';

describe('parseBatchName (§3.19)', () => {
  it("reads the reference's own examples", () => {
    expect(parseBatchName('zhangsan_asdqwe12345_32011111_0_23_beijing.jpg')).toEqual({
      ok: true,
      fields: {
        person_name: 'zhangsan',
        img_id: 'asdqwe12345',
        person_idcard: '32011111',
        person_gender: '0',
        person_age: '23',
        person_addr: 'beijing',
        ext: 'jpg',
      },
    });
    expect(parseBatchName('lisi_abcdse0987_32011111_1_41_shanghai.jpg')).toMatchObject({
      ok: true,
      fields: { person_name: 'lisi', person_gender: '1', person_age: '41', person_addr: 'shanghai' },
    });
  });

  it("takes '#' for an empty field, including img_id (then the device assigns one)", () => {
    expect(parseBatchName('张三_#_#_#_#_#.PNG')).toEqual({
      ok: true,
      fields: { person_name: '张三', img_id: '', person_idcard: '', person_gender: '', person_age: '', person_addr: '', ext: 'png' },
    });
  });

  it('accepts every documented extension in any case, and drops a folder part', () => {
    for (const ext of ['jpg', 'jpeg', 'png', 'bmp', 'tif', 'JPEG', 'Tif']) {
      expect(parseBatchName(`a_b_c_1_2_d.${ext}`).ok).toBe(true);
    }
    expect(parseBatchName('staff/2024/a_b_c_1_2_d.jpg')).toMatchObject({ ok: true, fields: { person_name: 'a' } });
    expect(parseBatchName('C:\\photos\\a_b_c_1_2_d.jpg')).toMatchObject({ ok: true, fields: { person_name: 'a' } });
  });

  it('refuses other extensions, or none', () => {
    for (const name of ['a_b_c_1_2_d.gif', 'a_b_c_1_2_d.webp', 'a_b_c_1_2_d', 'a_b_c_1_2_d.', '.jpg', 'a_b_c_1_2_d.tiff']) {
      expect(parseBatchName(name)).toEqual({ ok: false, problem: 'extension' });
    }
  });

  it('refuses a name that does not split into six fields', () => {
    for (const name of [
      'zhangsan.jpg',
      'a_b_c_1_2.jpg',
      'a_b_c_1_2_d_e.jpg',
      'a__c_1_2_d.jpg',
      'a_b_c_1_2_.jpg',
      'a_b_c_1_2_no_where.jpg',
    ]) {
      expect(parseBatchName(name)).toEqual({ ok: false, problem: 'fields' });
    }
  });

  it('refuses a gender other than 0 or 1', () => {
    for (const g of ['2', 'm', '男', '01']) expect(parseBatchName(`a_b_c_${g}_20_d.jpg`)).toEqual({ ok: false, problem: 'gender' });
  });

  it('refuses an age outside 1-120 or not a number', () => {
    for (const a of ['0', '121', 'x', '-3', '1.5']) expect(parseBatchName(`a_b_c_1_${a}_d.jpg`)).toEqual({ ok: false, problem: 'age' });
    expect(parseBatchName('a_b_c_1_1_d.jpg').ok).toBe(true);
    expect(parseBatchName('a_b_c_1_120_d.jpg').ok).toBe(true);
  });

  it('refuses an img_id longer than 48 or with characters other than letters, digits and -', () => {
    expect(parseBatchName(`a_${'x'.repeat(48)}_c_1_2_d.jpg`).ok).toBe(true);
    expect(parseBatchName(`a_${'x'.repeat(49)}_c_1_2_d.jpg`)).toEqual({ ok: false, problem: 'img_id_long' });
    for (const id of ['a.b', 'a b', 'a+b', '编号']) {
      expect(parseBatchName(`a_${id}_c_1_2_d.jpg`)).toEqual({ ok: false, problem: 'img_id_chars' });
    }
  });
});
