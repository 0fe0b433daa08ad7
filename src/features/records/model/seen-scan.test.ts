import { describe, expect, it } from 'vitest';
import type { Call } from '../../../api/client';
import type { AlarmRecord } from '../../../api/protocol/records';
import { scanPersonAlarms, type SeenScanProgress } from './seen-scan';

/** n alarms newest first, one second apart; every `every`-th is the person's. */
function history(n: number, every: number): AlarmRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const t = new Date(Date.UTC(2026, 0, 10, 12, 0, 0) - i * 1000).toISOString().slice(0, 19).replace('T', ' ');
    return { snap_id: `s${i}`, img_id: i % every === 0 ? 'me' : `other${i % 7}`, trigger: t, channel: 1 + (i % 3) } as AlarmRecord;
  });
}

/** A 1036 that pages the given list (already in range), recording the requests. */
function device(rows: AlarmRecord[]) {
  const asked: { start_no: number; qry_len: number; lib_ids?: string }[] = [];
  const send = ((_op: unknown, req: { start_no: number; qry_len: number; lib_ids?: string }) => {
    asked.push(req);
    const page = rows.slice(req.start_no - 1, req.start_no - 1 + req.qry_len);
    return Promise.resolve({ record: page, result_num: page.length, total_num: rows.length });
  }) as unknown as Call;
  return { send, asked };
}

const req = { libId: 3, imgId: 'me', start: '2026-01-03 00:00:00', stop: '2026-01-10 12:00:00' };

describe('scanPersonAlarms (1036 has no img_id filter)', () => {
  it("reads the library's alarms in the range 50 at a time and keeps the person's", async () => {
    const rows = history(120, 10);
    const { send, asked } = device(rows);
    const seen: [number, number][] = [];
    const end = await scanPersonAlarms(send, req, { onProgress: (p) => seen.push([p.pagesRead, p.pagesTotal]) });
    expect(end.status).toBe('done');
    expect(end.found.map((r) => r.snap_id)).toEqual(rows.filter((r) => r.img_id === 'me').map((r) => r.snap_id));
    expect(asked.map((a) => [a.start_no, a.qry_len, a.lib_ids])).toEqual([
      [1, 50, '3'],
      [51, 50, '3'],
      [101, 50, '3'],
    ]);
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
      [3, 3],
    ]);
    expect(end).toMatchObject({ read: 120, total: 120 });
  });

  it('stops at the cap and says up to when it read', async () => {
    const rows = history(500, 25);
    const { send, asked } = device(rows);
    const end = await scanPersonAlarms(send, req, { cap: 120 });
    expect(end.status).toBe('capped');
    expect(end.read).toBe(120);
    expect(asked.at(-1)).toMatchObject({ start_no: 101, qry_len: 20 });
    expect(end.readBackTo).toBe(rows[119]!.trigger);
    expect(end.found).toHaveLength(5);
  });

  it('keeps a record read twice once', async () => {
    const rows = history(60, 2);
    const dup = [...rows.slice(0, 50), rows[49]!, ...rows.slice(50)];
    const { send } = device(dup);
    const end = await scanPersonAlarms(send, req);
    expect(new Set(end.found.map((r) => r.snap_id)).size).toBe(end.found.length);
    expect(end.found).toHaveLength(30);
  });

  it('stops when aborted (the user left), keeping what it had', async () => {
    const { send } = device(history(300, 3));
    const ctl = new AbortController();
    let last: SeenScanProgress | null = null;
    const run = scanPersonAlarms(send, req, {
      signal: ctl.signal,
      onProgress: (p) => {
        last = p;
        if (p.pagesRead === 2) ctl.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(last!.pagesRead).toBe(2);
  });

  it('is done at once on an empty range', async () => {
    const end = await scanPersonAlarms(device([]).send, req);
    expect(end).toMatchObject({ status: 'done', pagesRead: 1, pagesTotal: 0, found: [] });
  });
});
