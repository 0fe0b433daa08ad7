// Searching several nodes at once (issue 17): each node pages its own records
// by offset (§1: start_no, qry_len ≤ 50, newest first), and the console merges
// them into pages of its own. A merged page is defined by a cursor: per node,
// how many of that node's rows come before the page. "Next" asks each node for
// at most one page of rows from its cursor and keeps, in the merged order,
// only what the merged page needs; each node's cursor moves by the rows taken
// from it. "Previous" is the mirror: each node's rows just before its cursor,
// the merged order's last page of them.
//
// The merged order (one total order, so forward and backward pages agree and
// no row is lost or repeated across page boundaries):
//   1. the trigger time, newest first, compared as each node writes it: its
//      device's own wall clock ("yyyy-MM-dd HH:mm:ss"). Our choice: nodes in
//      different zones are merged by their local times, as the operator reads
//      them on each node's own pages; the row shows its node's time as is.
//   2. on equal times, the node's place in the search's node list;
//   3. within a node, the device's own order (its offset).
// A node that did not answer keeps its cursor: its rows are not lost, they
// come on a later page (out of time order, since the others moved on).

import { QUERY_MAX } from '../../../api/protocol/limits';

/** Per node: rows of that node before the page (absent: 0). */
export type Cursor = Readonly<Record<string, number>>;

export type Direction = 'after' | 'before';

/** What to ask one node for a page: §1's 1-based start_no and qry_len. */
export interface NodeAsk {
  node: string;
  start_no: number;
  qry_len: number;
  /** Only the total is wanted (nothing before the cursor): the rows of the answer are not used. */
  totalOnly: boolean;
}

/** One node's answer for the page: its rows from 0-based `offset`, its total. */
export interface NodeWindow<R> {
  node: string;
  offset: number;
  rows: readonly R[];
  total: number;
}

export interface Merged<R> {
  rows: { node: string; row: R }[];
  /** The cursor before the first row (what "previous" pages back from). */
  start: Cursor;
  /** The cursor after the last row (what "next" pages on from). */
  end: Cursor;
}

const at = (c: Cursor, node: string): number => c[node] ?? 0;

/** What each node is asked for the page that starts after (or ends before) `cursor`. */
export function asksFor(direction: Direction, cursor: Cursor, nodes: readonly string[], size: number): NodeAsk[] {
  const len = Math.min(Math.max(1, size), QUERY_MAX);
  return nodes.map((node) => {
    const off = at(cursor, node);
    if (direction === 'after') return { node, start_no: off + 1, qry_len: len, totalOnly: false };
    if (off === 0) return { node, start_no: 1, qry_len: 1, totalOnly: true };
    const from = Math.max(0, off - len);
    return { node, start_no: from + 1, qry_len: off - from, totalOnly: false };
  });
}

interface Item<R> {
  node: string;
  rank: number;
  offset: number;
  time: string;
  row: R;
}

/** The merged order: newer first; on a tie the node listed first; within a node its own order. */
function compare<R>(a: Item<R>, b: Item<R>): number {
  if (a.time !== b.time) return a.time > b.time ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.offset - b.offset;
}

/**
 * The merged page from the windows of the nodes that answered (in the order of
 * `nodes`, which sets the tie-break). A node without a window (it failed, or
 * has not answered yet) keeps its cursor on both ends.
 */
export function mergePage<R extends { trigger: string }>(
  direction: Direction,
  cursor: Cursor,
  nodes: readonly string[],
  windows: readonly NodeWindow<R>[],
  size: number,
): Merged<R> {
  const rank = new Map(nodes.map((n, i) => [n, i]));
  const items: Item<R>[] = [];
  for (const w of windows) {
    const r = rank.get(w.node);
    if (r === undefined) continue;
    const off = at(cursor, w.node);
    w.rows.forEach((row, i) => {
      const offset = w.offset + i;
      // Only the rows on the asked side of the cursor (a device answering more than asked changes nothing).
      if (direction === 'after' ? offset < off : offset >= off) return;
      items.push({ node: w.node, rank: r, offset, time: row.trigger, row });
    });
  }
  items.sort(compare);
  const taken = direction === 'after' ? items.slice(0, size) : items.slice(Math.max(0, items.length - size));
  const count = new Map<string, number>();
  for (const it of taken) count.set(it.node, (count.get(it.node) ?? 0) + 1);
  const start: Record<string, number> = {};
  const end: Record<string, number> = {};
  for (const node of nodes) {
    const off = at(cursor, node);
    const n = count.get(node) ?? 0;
    const s = direction === 'after' ? off : off - n;
    const e = direction === 'after' ? off + n : off;
    if (s > 0) start[node] = s;
    if (e > 0) end[node] = e;
  }
  return { rows: taken.map((it) => ({ node: it.node, row: it.row })), start, end };
}

/** Rows of the search before the page: the 0-based position of its first row. */
export function rowsBefore(cursor: Cursor, nodes: readonly string[]): number {
  return nodes.reduce((sum, n) => sum + at(cursor, n), 0);
}

/** Whether any node has rows past `end` (by the totals known). */
export function hasAfter(end: Cursor, totals: ReadonlyMap<string, number>): boolean {
  for (const [node, total] of totals) if (at(end, node) < total) return true;
  return false;
}

/** Whether the page is not the first: some node has rows before it. */
export function hasBefore(start: Cursor, nodes: readonly string[]): boolean {
  return nodes.some((n) => at(start, n) > 0);
}

// The cursor in the URL: "node-1:20,node-3:5" (node ids are [a-z0-9-], no ':' or ',').
const NODE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

export function writeCursor(c: Cursor): string {
  return Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([node, n]) => `${node}:${n}`)
    .join(',');
}

/** A hand-edited cursor keeps only its well-formed entries. */
export function readCursor(text: string | null): Cursor {
  const c: Record<string, number> = {};
  for (const part of (text ?? '').split(',')) {
    const m = /^([^:]+):(\d{1,9})$/.exec(part.trim());
    if (m && NODE_ID.test(m[1]!) && Number(m[2]) > 0) c[m[1]!] = Number(m[2]);
  }
  return c;
}

/** Every row of several nodes (an export's index), in the merged order. */
export function mergeAll<R extends { trigger: string }>(
  nodes: readonly string[],
  lists: readonly NodeWindow<R>[],
): { node: string; row: R }[] {
  const size = lists.reduce((s, w) => s + w.rows.length, 0);
  return mergePage('after', {}, nodes, lists, size).rows;
}
