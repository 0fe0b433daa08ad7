import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillFaces } from '../../../../emulator/faces/fill';
import { facePicture, file, stubEngine } from '../../../../emulator/operations/faces.fixtures';
import { startTestDevice, type TestDevice } from '../../../../emulator/testing';
import type { Call } from '../../../api/client';
import { NetworkError } from '../../../api/errors';
import { createLibrary, enrolBatch } from '../../../api/protocol';
import { LibraryExport, type ExportProgress } from './library-export';

let dev: TestDevice;
let libId: number;
let emptyId: number;

beforeAll(async () => {
  dev = await startTestDevice({}, { engine: stubEngine() });
  libId = (await dev.call(createLibrary, { lib_name: 'big', lib_type: 1 })).lib_id;
  emptyId = (await dev.call(createLibrary, { lib_name: 'empty', lib_type: 2 })).lib_id;
  const face = await facePicture(3);
  expect((await dev.call(enrolBatch, { lib_id: libId, uuid: 'seed', img_: [file(face, 'p_first_#_#_#_#.jpg')] })).err_count).toBe(0);
  // 1 + 1 199 = 1 200: three pages of 500, 500 and 200.
  fillFaces(dev.emulator.ctx, libId, 1199, 'fill');
});
afterAll(() => dev.close());

describe('LibraryExport (§3.11, 500 a page)', () => {
  it('exports every face page after page, reporting each', async () => {
    const seen: number[] = [];
    const parts: number[] = [];
    const run = new LibraryExport(dev.call, libId, { onProgress: (p) => seen.push(p.done), onPart: (p) => parts.push(p.start) });
    const end = await run.run();
    expect(end).toMatchObject({ status: 'done', done: 1200, total: 1200, error: null });
    expect(end.parts.map((p) => [p.page, p.start, p.count])).toEqual([
      [1, 1, 500],
      [2, 501, 500],
      [3, 1001, 200],
    ]);
    expect(parts).toEqual([1, 501, 1001]);
    expect(seen).toEqual([500, 1000, 1200, 1200]);
    for (const p of end.parts) expect((await fetch(`${dev.url}/ws/${p.url}`)).status).toBe(200);
  });

  it('is done at once on an empty library', async () => {
    expect(await new LibraryExport(dev.call, emptyId).run()).toMatchObject({ status: 'done', done: 0, parts: [] });
  });

  it('pauses between pages and goes on where it stopped', async () => {
    let run!: LibraryExport;
    const states: ExportProgress['status'][] = [];
    const paused = whenPaused();
    run = new LibraryExport(dev.call, libId, {
      onPart: (p) => {
        if (p.page === 1) run.pause();
      },
      onProgress: (p) => {
        states.push(p.status);
        paused.see(p);
      },
    });
    const done = run.run();
    await paused.promise;
    expect(run.state.done).toBe(500);
    run.resume();
    expect(await done).toMatchObject({ status: 'done', done: 1200 });
    expect(states).toContain('paused');
  });

  it('cancels the request in flight and stops', async () => {
    let run!: LibraryExport;
    const slow: Call = (op, req, opts) =>
      new Promise((resolve, reject) => {
        opts?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        if (run.state.parts.length === 0) resolve(dev.call(op, req, opts));
      });
    run = new LibraryExport(slow, libId, { onPart: () => queueMicrotask(() => run.cancel()) });
    const end = await run.run();
    expect(end).toMatchObject({ status: 'cancelled', done: 500 });
    expect(end.parts).toHaveLength(1);
  });

  it('pauses on a failed page and asks for that page again on resume', async () => {
    let failures = 1;
    const starts: number[] = [];
    const flaky: Call = (op, req, opts) => {
      starts.push((req as { start_no: number }).start_no);
      if (starts.length === 2 && failures-- > 0) return Promise.reject(new NetworkError('gone'));
      return dev.call(op, req, opts);
    };
    const paused = whenPaused();
    const run = new LibraryExport(flaky, libId, { onProgress: paused.see });
    const done = run.run();
    await paused.promise;
    expect(run.state.error).toBeInstanceOf(NetworkError);
    run.resume();
    expect(await done).toMatchObject({ status: 'done', done: 1200, error: null });
    expect(starts).toEqual([1, 501, 501, 1001]);
  });
});

/** Resolves at the first paused state it sees. */
function whenPaused() {
  let see: (p: ExportProgress) => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    see = (p) => {
      if (p.status === 'paused') resolve();
    };
  });
  return { promise, see: (p: ExportProgress) => see(p) };
}
