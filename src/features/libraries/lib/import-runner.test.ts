// The batch import's engine against a real emulator (with the stand-in face
// engine, so a picture's content decides: noise has a face, a blank none).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankPicture, facePicture, file, stubEngine } from '../../../../emulator/operations/faces.fixtures';
import { startTestDevice, type TestDevice } from '../../../../emulator/testing';
import type { Call } from '../../../api/client';
import { DeviceError } from '../../../api/errors';
import { createLibrary, enrolFace, queryFaces } from '../../../api/protocol';
import { ImportRunner, readReport, type ItemOutcome, type RunItem, type RunnerEvent, type RunnerState } from './import-runner';

let dev: TestDevice;
let face: Buffer;
let blank: Buffer;

beforeAll(async () => {
  dev = await startTestDevice({}, { engine: stubEngine() });
  face = await facePicture(1);
  blank = await blankPicture();
});
afterAll(() => dev.close());

let seq = 0;
const newUuid = () => `test-${++seq}`;
const fetchText = async (path: string) => {
  const res = await fetch(`${dev.url}/ws/${path}`);
  if (!res.ok) throw new Error(String(res.status));
  return res.text();
};

async function library(): Promise<number> {
  return (await dev.call(createLibrary, { lib_name: `import-${Date.now()}-${Math.random()}`, lib_type: 1 })).lib_id;
}

function item(key: number, name: string, data: Buffer = face, imgId = ''): RunItem {
  return { key, file: file(data, 'ignored.jpg'), name, imgId };
}

/** Runs to the end (or a halt) and collects what the runner said. */
function run(runner: ImportRunner, until: RunnerState[] = ['done', 'cancelled', 'paused']) {
  const outcomes = new Map<number, ItemOutcome>();
  const states: RunnerState[] = [];
  const requeued: number[] = [];
  let halt: string | undefined;
  const finished = new Promise<void>((resolve) => {
    hooks.push((e) => {
      if (e.type === 'outcomes') for (const [k, o] of e.outcomes) outcomes.set(k, o);
      if (e.type === 'requeued') requeued.push(...e.keys);
      if (e.type === 'state') {
        states.push(e.state);
        if (e.halt) halt = e.halt;
        if (until.includes(e.state)) resolve();
      }
    });
  });
  return { outcomes, states, requeued, finished, halt: () => halt };
}
let hooks: ((e: RunnerEvent) => void)[] = [];
const onEvent = (e: RunnerEvent) => hooks.forEach((h) => h(e));

describe('ImportRunner (§3.19 through 1030)', () => {
  it('sends chunks, and reads every file’s outcome from the device’s report', async () => {
    hooks = [];
    const libId = await library();
    await dev.call(enrolFace, { lib_id: libId, img_id: 'taken-1', img: file(face, 'a.jpg') });
    const items: RunItem[] = [];
    for (let i = 0; i < 42; i++) items.push(item(i, `p${i}_ok-${libId}-${i}_#_${i % 2}_${20 + (i % 50)}_#.jpg`, face, `ok-${libId}-${i}`));
    items.push(item(100, `noface_#_#_#_#_#.jpg`, blank));
    items.push(item(101, `dup_taken-1_#_#_#_#.jpg`, face, 'taken-1'));
    items.push(item(102, `bad_#_#_7_#_#.jpg`));
    const calls: number[] = [];
    const counting: Call = (op, req, opts) => {
      if (op.msgId === '1030') calls.push((req as { img_: unknown[] }).img_.length);
      return dev.call(op, req, opts);
    };
    const runner = new ImportRunner(libId, items, { call: counting, fetchText, newUuid, chunkFiles: 20, concurrency: 2 }, onEvent);
    const r = run(runner);
    runner.start();
    await r.finished;

    expect(r.states.at(-1)).toBe('done');
    expect(calls).toEqual([20, 20, 5]);
    expect(r.outcomes.size).toBe(45);
    for (let i = 0; i < 42; i++) expect(r.outcomes.get(i)).toEqual({ kind: 'stored', imgId: `ok-${libId}-${i}` });
    expect(r.outcomes.get(100)).toMatchObject({ kind: 'refused', code: -1101 });
    expect(r.outcomes.get(101)).toMatchObject({ kind: 'refused', code: -1100 });
    expect(r.outcomes.get(102)).toMatchObject({ kind: 'refused', code: -3596 });
    expect((await dev.call(queryFaces, { lib_id: libId })).total_num).toBe(43);
  });

  it('without a readable report, trusts err_count 0, and looks files with an img_id up (1032)', async () => {
    hooks = [];
    const libId = await library();
    const items = [
      item(1, `a_fb-${libId}-1_#_#_#_#.jpg`, face, `fb-${libId}-1`),
      item(2, `b_fb-${libId}-2_#_#_#_#.jpg`, blank, `fb-${libId}-2`),
      item(3, `c_#_#_#_#_#.jpg`, blank),
    ];
    const noReport = async () => 'something,else\n1,2\n';
    const runner = new ImportRunner(libId, items, { call: dev.call, fetchText: noReport, newUuid }, onEvent);
    const r = run(runner);
    runner.start();
    await r.finished;
    expect(r.outcomes.get(1)).toEqual({ kind: 'stored', imgId: `fb-${libId}-1` });
    expect(r.outcomes.get(2)).toEqual({ kind: 'refused', code: null, reason: '' });
    expect(r.outcomes.get(3)).toEqual({ kind: 'unknown', why: 'report' });

    hooks = [];
    const clean = new ImportRunner(libId, [item(4, `d_#_#_#_#_#.jpg`)], { call: dev.call, fetchText: noReport, newUuid }, onEvent);
    const r2 = run(clean);
    clean.start();
    await r2.finished;
    expect(r2.outcomes.get(4)).toEqual({ kind: 'stored', imgId: '' });
  });

  it('on an expired session puts the chunk back, pauses, and sends it on resume', async () => {
    hooks = [];
    const libId = await library();
    let expired = true;
    const flaky: Call = (op, req, opts) => {
      if (expired && op.msgId === '1030') {
        expired = false;
        return Promise.reject(new DeviceError(-141, 'not logged in', op.name));
      }
      return dev.call(op, req, opts);
    };
    const items = [0, 1, 2].map((i) => item(i, `s${i}_#_#_#_#_#.jpg`));
    const runner = new ImportRunner(libId, items, { call: flaky, fetchText, newUuid, concurrency: 1 }, onEvent);
    const r = run(runner, ['paused']);
    runner.start();
    await r.finished;
    expect(r.halt()).toBe('session');
    expect(r.requeued).toEqual([0, 1, 2]);
    expect(runner.waiting.map((i) => i.key)).toEqual([0, 1, 2]);
    expect(r.outcomes.size).toBe(0);

    const r2 = run(runner, ['done']);
    runner.resume();
    await r2.finished;
    expect([...r2.outcomes.values()].every((o) => o.kind === 'stored')).toBe(true);
  });

  it('pauses after the chunk in flight, resumes, and cancels without sending the rest', async () => {
    hooks = [];
    const libId = await library();
    const items = Array.from({ length: 6 }, (_, i) => item(i, `q${i}_#_#_#_#_#.jpg`));
    const runner = new ImportRunner(libId, items, { call: dev.call, fetchText, newUuid, chunkFiles: 2, concurrency: 1 }, onEvent);
    let first = true;
    hooks.push((e) => {
      if (e.type === 'sending' && first) {
        first = false;
        runner.pause();
      }
    });
    const r = run(runner, ['paused']);
    runner.start();
    await r.finished;
    expect(r.states).toEqual(['running', 'pausing', 'paused']);
    expect(r.outcomes.size).toBe(2);
    expect(runner.waiting).toHaveLength(4);

    hooks = [];
    let sent = 0;
    hooks.push((e) => {
      if (e.type === 'sending') {
        sent++;
        runner.cancel();
      }
    });
    const r2 = run(runner, ['cancelled']);
    runner.resume();
    await r2.finished;
    expect(sent).toBe(1);
    expect(r2.outcomes.size).toBe(2);
    expect((await dev.call(queryFaces, { lib_id: libId })).total_num).toBe(4);
  });

  it('reads a report whatever the column order, and guarded cells', () => {
    const rows = readReport('\uFEFFimg_id,code,file_name,result,reason\r\nx,0,a.jpg,ok,\r\n,-1101,"\'=b.jpg",failed,No face detected\r\n');
    expect(rows).toEqual([
      { fileName: 'a.jpg', ok: true, code: 0, reason: '', imgId: 'x' },
      { fileName: '=b.jpg', ok: false, code: -1101, reason: 'No face detected', imgId: '' },
    ]);
    expect(readReport('a,b\n1,2')).toBeNull();
  });
});
