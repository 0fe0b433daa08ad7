import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv, unguard } from './csv';

describe('csv', () => {
  it('guards cells a spreadsheet would run as formulas, but keeps numbers numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1101)).toBe('-1101');
    expect(csvCell('plain, with comma')).toBe('"plain, with comma"');
    expect(csvCell(null)).toBe('');
  });

  it('writes a BOM and CRLF, and reads back what it wrote', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['张三', 'x,"y"\nz'],
        ['=1', -3],
      ],
    );
    expect(text.startsWith('\uFEFFa,b\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toEqual([
      ['a', 'b'],
      ['张三', 'x,"y"\nz'],
      ["'=1", '-3'],
    ]);
    expect(unguard(rows[2]![0]!)).toBe('=1');
    expect(unguard("'plain")).toBe("'plain");
  });
});
