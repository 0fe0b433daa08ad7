import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facePicture, file, stubEngine } from '../../../../emulator/operations/faces.fixtures';
import { startTestDevice, type TestDevice } from '../../../../emulator/testing';
import type { Call } from '../../../api/client';
import { DeviceError } from '../../../api/errors';
import { createLibrary, enrolBatch, queryFaces } from '../../../api/protocol';
import { deleteInBatches, type DeleteBatchResult } from './delete-batches';

let dev: TestDevice;
let libId: number;

beforeAll(async () => {
  dev = await startTestDevice({}, { engine: stubEngine() });
  libId = (await dev.call(createLibrary, { lib_name: 'bulk', lib_type: 1 })).lib_id;
  const face = await facePicture(3);
  const files = Array.from({ length: 120 }, (_, i) => file(face, `p${i}_d-${i}_#_#_#_#.jpg`));
  const ans = await dev.call(enrolBatch, { lib_id: libId, uuid: 'seed', img_: files });
  expect(ans.err_count).toBe(0);
});
afterAll(() => dev.close());

describe('deleteInBatches (§3.20)', () => {
  it('deletes any number 50 at a time, reporting each batch as it goes', async () => {
    const ids = Array.from({ length: 110 }, (_, i) => `d-${i}`);
    const seen: [number, number][] = [];
    const results = await deleteInBatches(dev.call, libId, ids, (r, done) => seen.push([r.ids.length, done]));
    expect(seen).toEqual([
      [50, 50],
      [50, 100],
      [10, 110],
    ]);
    expect(results.every((r) => r.error === null)).toBe(true);
    expect((await dev.call(queryFaces, { lib_id: libId })).total_num).toBe(10);
  });

  it('reports a refused batch and goes on with the next', async () => {
    const ids = [...Array.from({ length: 50 }, (_, i) => `gone-${i}`), 'd-110', 'd-111'];
    const results = await deleteInBatches(dev.call, libId, ids, () => undefined);
    expect(results).toHaveLength(2);
    expect((results[0]!.error as DeviceError).code).toBe(-126);
    expect(results[1]!.error).toBeNull();
  });

  it('stops at an expired session, and when asked to', async () => {
    const expired: Call = () => Promise.reject(new DeviceError(-141, '', 'face.deleteMany'));
    const ids = Array.from({ length: 120 }, (_, i) => `x-${i}`);
    const r1: DeleteBatchResult[] = await deleteInBatches(expired, libId, ids, () => undefined);
    expect(r1).toHaveLength(1);
    let n = 0;
    const r2 = await deleteInBatches(
      dev.call,
      libId,
      ['d-112', 'd-113', ...ids],
      () => n++,
      () => n >= 1,
    );
    expect(r2).toHaveLength(1);
  });
});
