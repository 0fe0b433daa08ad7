import { describe, expect, it } from 'vitest';
import {
  asksFor,
  hasAfter,
  hasBefore,
  mergeAll,
  mergePage,
  readCursor,
  rowsBefore,
  writeCursor,
  type Cursor,
  type Direction,
  type NodeWindow,
} from './fleet-merge';

interface Row {
  trigger: string;
  id: string;
}

/** A node's history, newest first, as the device pages it. */
function history(node: string, times: string[]): Row[] {
  return [...times]
    .sort()
    .reverse()
    .map((t, i) => ({ trigger: t, id: `${node}#${i}` }));
}

/** Answer the asks as each node would (offset/limit on its list). */
function answer(data: Record<string, Row[]>, direction: Direction, cursor: Cursor, nodes: string[], size: number): NodeWindow<Row>[] {
  return asksFor(direction, cursor, nodes, size).map((a) => {
    const all = data[a.node]!;
    return { node: a.node, offset: a.start_no - 1, rows: all.slice(a.start_no - 1, a.start_no - 1 + a.qry_len), total: all.length };
  });
}

const time = (n: number) =>
  `2026-12-0${1 + Math.floor(n / 1000)} ${String(Math.floor(n / 60) % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00`;

function randomTimes(seed: number, count: number): string[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    // Few distinct times: many ties, within a node and across nodes.
    return time(s % 300);
  });
}

describe('fleet merge', () => {
  const nodes = ['a', 'b', 'c'];
  const data = { a: history('a', randomTimes(1, 37)), b: history('b', randomTimes(2, 5)), c: history('c', randomTimes(3, 61)) };
  const expected = mergeAll(
    nodes,
    nodes.map((n) => ({ node: n, offset: 0, rows: data[n as keyof typeof data], total: 0 })),
  ).map((r) => r.row.id);

  it('merges newest first, ties by node order, each node in its own order', () => {
    const merged = mergeAll(nodes, [
      { node: 'b', offset: 0, rows: [{ trigger: '2026-01-01 10:00:00', id: 'b0' }], total: 1 },
      {
        node: 'a',
        offset: 0,
        rows: [
          { trigger: '2026-01-01 10:00:00', id: 'a0' },
          { trigger: '2026-01-01 10:00:00', id: 'a1' },
          { trigger: '2026-01-01 09:00:00', id: 'a2' },
        ],
        total: 3,
      },
    ]);
    expect(merged.map((r) => r.row.id)).toEqual(['a0', 'a1', 'b0', 'a2']);
  });

  it.each([1, 7, 10, 20, 50])('pages forward of %i: every row once, in the merged order', (size) => {
    const seen: string[] = [];
    let cursor: Cursor = {};
    for (let guard = 0; guard < 200; guard++) {
      const windows = answer(data, 'after', cursor, nodes, size);
      const page = mergePage('after', cursor, nodes, windows, size);
      expect(page.start).toEqual(cursor);
      expect(rowsBefore(page.start, nodes)).toBe(seen.length);
      seen.push(...page.rows.map((r) => r.row.id));
      const totals = new Map(windows.map((w) => [w.node, w.total]));
      if (!hasAfter(page.end, totals)) break;
      expect(page.rows).toHaveLength(size);
      cursor = page.end;
    }
    expect(seen).toEqual(expected);
  });

  it('pages back to the same pages it paged forward through', () => {
    const size = 10;
    const forward: { ids: string[]; start: Cursor; end: Cursor }[] = [];
    let cursor: Cursor = {};
    for (;;) {
      const windows = answer(data, 'after', cursor, nodes, size);
      const page = mergePage('after', cursor, nodes, windows, size);
      forward.push({ ids: page.rows.map((r) => r.row.id), start: page.start, end: page.end });
      if (!hasAfter(page.end, new Map(windows.map((w) => [w.node, w.total])))) break;
      cursor = page.end;
    }
    // From the last full page's start, backwards.
    let end = forward.at(-1)!.start;
    for (let i = forward.length - 2; i >= 0; i--) {
      const page = mergePage('before', end, nodes, answer(data, 'before', end, nodes, size), size);
      expect(page.rows.map((r) => r.row.id)).toEqual(forward[i]!.ids);
      expect(page.start).toEqual(forward[i]!.start);
      expect(page.end).toEqual(end);
      end = page.start;
    }
    expect(hasBefore(end, nodes)).toBe(false);
  });

  it('asks each node for at most one page, from its cursor; backwards only what lies before it', () => {
    expect(asksFor('after', { a: 20 }, ['a', 'b'], 20)).toEqual([
      { node: 'a', start_no: 21, qry_len: 20, totalOnly: false },
      { node: 'b', start_no: 1, qry_len: 20, totalOnly: false },
    ]);
    expect(asksFor('before', { a: 15, b: 40 }, ['a', 'b', 'c'], 20)).toEqual([
      { node: 'a', start_no: 1, qry_len: 15, totalOnly: false },
      { node: 'b', start_no: 21, qry_len: 20, totalOnly: false },
      { node: 'c', start_no: 1, qry_len: 1, totalOnly: true },
    ]);
    // Never past the device's 50.
    expect(asksFor('after', {}, ['a'], 500)[0]!.qry_len).toBe(50);
  });

  it('a node that did not answer keeps its cursor: its rows come later, none lost', () => {
    const size = 10;
    const windows = answer(data, 'after', {}, nodes, size).filter((w) => w.node !== 'c');
    const page = mergePage('after', {}, nodes, windows, size);
    expect(page.rows.every((r) => r.node !== 'c')).toBe(true);
    expect(page.end.c).toBeUndefined();
    // The next page, with c back, starts c from its first row.
    const next = mergePage('after', page.end, nodes, answer(data, 'after', page.end, nodes, size), size);
    const ids = [...page.rows, ...next.rows].map((r) => r.row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(next.rows.some((r) => r.row.id === 'c#0')).toBe(true);
  });

  it('ignores rows on the wrong side of the cursor and nodes not in the search', () => {
    const rows = history('a', ['2026-01-01 10:00:00', '2026-01-01 09:00:00', '2026-01-01 08:00:00']);
    const page = mergePage(
      'after',
      { a: 1 },
      ['a'],
      [
        { node: 'a', offset: 0, rows, total: 3 },
        { node: 'z', offset: 0, rows, total: 3 },
      ],
      5,
    );
    expect(page.rows.map((r) => r.row.id)).toEqual(['a#1', 'a#2']);
    expect(page.end).toEqual({ a: 3 });
  });

  it('reads and writes the cursor of the URL, dropping what is malformed', () => {
    expect(writeCursor({ 'node-1': 20, 'node-2': 0, b: 5 })).toBe('node-1:20,b:5');
    expect(readCursor('node-1:20,b:5')).toEqual({ 'node-1': 20, b: 5 });
    expect(readCursor('node-1:x,Bad:3,c:-1,d:0,e:7,:4')).toEqual({ e: 7 });
    expect(readCursor(null)).toEqual({});
  });
});
