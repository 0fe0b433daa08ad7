import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../api/protocol/csv';
import { namingTemplate, resultsCsv, type ResultStatus } from './import-report';
import { batchProblems, rowFromFile, type ImportRow } from './import-rows';

const file = (name: string) => new File([new Uint8Array([1])], name);
const words = {
  result: (k: string) => k,
  problem: (p: string) => `problem:${p}`,
  unknown: (why: string) => `unknown:${why}`,
};

describe('import results CSV', () => {
  it('has a line per picked file, the device’s outcome or why it was not sent, formula-safe', () => {
    const rows: ImportRow[] = [
      rowFromFile(file('Ann_a-1_#_0_30_#.jpg'), 1),
      rowFromFile(file('=cmd_#_#_#_#_#.jpg'), 2),
      rowFromFile(file('Bob_b-1_#_7_30_#.jpg'), 3),
      { ...rowFromFile(file('Cy_c-1_#_1_30_#.jpg'), 4), dropped: true },
      rowFromFile(file('Di_d-1_#_1_30_#.jpg'), 5),
    ];
    const status: Record<number, ResultStatus> = {
      1: { kind: 'stored', imgId: 'a-1' },
      2: { kind: 'refused', code: -1101, reason: 'No face detected' },
      3: { kind: 'skipped' },
      5: { kind: 'unknown', why: 'network' },
    };
    const csv = resultsCsv(rows, status, batchProblems(rows), words, 'en-US');
    const lines = parseCsv(csv);
    expect(lines[0]).toEqual(['file', 'sent_as', 'result', 'code', 'reason', 'img_id']);
    expect(lines[1]).toEqual(['Ann_a-1_#_0_30_#.jpg', 'Ann_a-1_#_0_30_#.jpg', 'stored', '0', '', 'a-1']);
    // A name starting with "=" cannot run as a formula; the code stays a number.
    expect(lines[2]).toEqual(["'=cmd_#_#_#_#_#.jpg", "'=cmd_#_#_#_#_#.jpg", 'refused', '-1101', 'No face detected', '']);
    expect(lines[3]).toEqual(['Bob_b-1_#_7_30_#.jpg', '', 'skipped', '', 'problem:gender', 'b-1']);
    expect(lines[4]).toEqual(['Cy_c-1_#_1_30_#.jpg', '', 'dropped', '', '', '']);
    expect(lines[5]).toEqual(['Di_d-1_#_1_30_#.jpg', 'Di_d-1_#_1_30_#.jpg', 'unknown', '', 'unknown:network', 'd-1']);
  });

  it('says the device’s reason in the user’s language', () => {
    const rows = [rowFromFile(file('Ann_a-1_#_0_30_#.jpg'), 1)];
    const csv = resultsCsv(rows, { 1: { kind: 'refused', code: -1100, reason: "'img_id' exists." } }, new Map(), words, 'zh-CN');
    expect(parseCsv(csv)[1]![4]).toBe('img_id 已存在');
  });

  it('puts each other node’s outcome beside the file, three columns a node', () => {
    const rows = [rowFromFile(file('Ann_a-1_#_0_30_#.jpg'), 1), rowFromFile(file('Bob_b-1_#_1_30_#.jpg'), 2)];
    const csv = resultsCsv(rows, { 1: { kind: 'stored', imgId: 'a-1' }, 2: { kind: 'stored', imgId: 'b-1' } }, new Map(), words, 'en-US', [
      { node: 'gate-b', status: { 1: { kind: 'stored', imgId: 'a-1' }, 2: { kind: 'refused', code: -122, reason: '' } } },
      { node: 'gate-c', status: {}, none: 'no such library' },
    ]);
    const lines = parseCsv(csv);
    expect(lines[0]!.slice(6)).toEqual(['result@gate-b', 'code@gate-b', 'reason@gate-b', 'result@gate-c', 'code@gate-c', 'reason@gate-c']);
    expect(lines[1]!.slice(6)).toEqual(['stored', '0', '', 'skipped', '', 'no such library']);
    expect(lines[2]!.slice(6)).toEqual(['refused', '-122', 'The number of images has reached the limit', 'skipped', '', 'no such library']);
  });

  it('explains the naming convention in both languages', () => {
    for (const lang of ['en-US', 'zh-CN'] as const) {
      const text = namingTemplate(lang);
      expect(text).toContain('zhangsan_asdqwe12345_32011111_0_23_beijing.jpg');
      expect(text).toContain('48');
      expect(text).toContain('jpg, jpeg, png, bmp, tif');
    }
  });
});
