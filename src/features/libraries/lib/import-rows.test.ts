import { describe, expect, it } from 'vitest';
import { batchProblems, fieldsFromName, ownProblems, rowFromFile, sentName, type ImportRow } from './import-rows';

const file = (name: string, path = '') => {
  const f = new File([new Uint8Array([1, 2, 3])], name);
  if (path) Object.defineProperty(f, 'webkitRelativePath', { value: path });
  return f;
};

describe('import rows', () => {
  it('reads a well-formed name into the person, and rebuilds the same name', () => {
    const r = rowFromFile(
      file('zhangsan_asdqwe12345_32011111_0_23_beijing.jpg', 'staff/zhangsan_asdqwe12345_32011111_0_23_beijing.jpg'),
      1,
    );
    expect(r.source).toBe('staff/zhangsan_asdqwe12345_32011111_0_23_beijing.jpg');
    expect(r.fields).toEqual({
      person_name: 'zhangsan',
      img_id: 'asdqwe12345',
      person_idcard: '32011111',
      person_gender: '0',
      person_age: '23',
      person_addr: 'beijing',
    });
    expect(ownProblems(r)).toEqual([]);
    expect(sentName(r.fields, r.ext)).toBe('zhangsan_asdqwe12345_32011111_0_23_beijing.jpg');
  });

  it("writes '#' for empty fields", () => {
    const r = rowFromFile(file('王五_#_#_1_#_#.PNG'), 1);
    expect(r.fields.img_id).toBe('');
    expect(sentName(r.fields, r.ext)).toBe('王五_#_#_1_#_#.png');
  });

  it('keeps the six parts of a name with a bad value, so the user fixes the value in place', () => {
    expect(fieldsFromName('li_id-1_x_2_30_here.jpg')).toEqual({
      fields: { person_name: 'li', img_id: 'id-1', person_idcard: 'x', person_gender: '2', person_age: '30', person_addr: 'here' },
      unreadName: false,
    });
    const r = rowFromFile(file('li_id-1_x_2_30_here.jpg'), 1);
    expect(ownProblems(r)).toEqual(['gender']);
    expect(ownProblems({ ...r, fields: { ...r.fields, person_gender: '1' } })).toEqual([]);
  });

  it('flags a name that is not six fields until the user edits the row', () => {
    const r = rowFromFile(file('IMG_2041.jpg'), 1);
    expect(r.unreadName).toBe(true);
    expect(ownProblems(r)).toEqual(['fields']);
    expect(ownProblems({ ...r, unreadName: false, fields: { ...r.fields, person_name: 'Ann' } })).toEqual([]);
  });

  it('flags each problem by the shared parser: age, img_id characters and length, type', () => {
    expect(ownProblems(rowFromFile(file('a_b_c_1_0_d.jpg'), 1))).toEqual(['age']);
    expect(ownProblems(rowFromFile(file('a_b.c_c_1_20_d.jpg'), 1))).toEqual(['img_id_chars']);
    expect(ownProblems(rowFromFile(file(`a_${'x'.repeat(49)}_c_1_20_d.jpg`), 1))).toEqual(['img_id_long']);
    expect(ownProblems(rowFromFile(file('a_b_c_1_20_d.gif'), 1))).toEqual(['extension']);
    expect(ownProblems(rowFromFile(file('notes.txt'), 1))).toEqual(['extension']);
  });

  it('refuses a field that would split the name differently', () => {
    const r = rowFromFile(file('a_b_c_1_20_d.jpg'), 1);
    expect(ownProblems({ ...r, fields: { ...r.fields, person_addr: 'Room_5' } })).toEqual(['separator']);
    expect(ownProblems({ ...r, fields: { ...r.fields, person_name: 'a/b' } })).toEqual(['separator']);
  });

  it('finds the same img_id twice in a batch, ignoring dropped rows and empty ids', () => {
    const rows: ImportRow[] = [
      rowFromFile(file('a_same_c_1_20_d.jpg'), 1),
      rowFromFile(file('b_same_c_1_20_d.jpg'), 2),
      rowFromFile(file('c_#_c_1_20_d.jpg'), 3),
      rowFromFile(file('d_#_c_1_20_d.jpg'), 4),
      rowFromFile(file('e_other_c_1_20_d.jpg'), 5),
    ];
    const p = batchProblems(rows);
    expect(p.get(1)).toEqual(['duplicate']);
    expect(p.get(2)).toEqual(['duplicate']);
    expect(p.has(3) || p.has(4) || p.has(5)).toBe(false);
    rows[1] = { ...rows[1]!, dropped: true };
    expect(batchProblems(rows).size).toBe(0);
  });

  it('checks thousands of rows quickly', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => rowFromFile(file(`p${i}_id-${i}_#_${i % 2}_${1 + (i % 90)}_#.jpg`), i));
    const t = performance.now();
    expect(batchProblems(rows).size).toBe(0);
    expect(performance.now() - t).toBeLessThan(500);
  });
});
