import { describe, expect, it } from 'vitest';
import type { Library } from '../../../api/protocol/libraries';
import { attrKey, type PersonAttrs } from './ledger';
import { jobsFor, targetLibrary } from './plan';

const lib = (lib_id: number, lib_name: string, lib_type: number): Library => ({
  lib_id,
  lib_name,
  lib_type,
  picture_no: 0,
  create_time: '',
  update_time: '',
});

describe('targetLibrary', () => {
  it('uses the library of the same name and type, creates a missing one, refuses a name of another type', () => {
    const libs = [lib(4, 'Blacklist', 1), lib(5, 'Staff', 2)];
    expect(targetLibrary(libs, { lib_name: 'Blacklist', lib_type: 1 })).toEqual({ kind: 'use', libId: 4 });
    expect(targetLibrary(libs, { lib_name: 'VIP', lib_type: 2 })).toEqual({ kind: 'create' });
    expect(targetLibrary(libs, { lib_name: 'Staff', lib_type: 1 })).toEqual({ kind: 'clash', libId: 5, type: 2 });
    expect(targetLibrary(libs, { lib_name: 'blacklist', lib_type: 1 })).toEqual({ kind: 'create' });
  });
});

describe('jobsFor', () => {
  const p = (id: string, name = id): PersonAttrs => ({
    img_id: id,
    person_name: name,
    person_idcard: '',
    person_gender: '',
    person_age: '',
    person_addr: '',
  });
  const idx = (ps: PersonAttrs[]) => ({ byId: new Map(ps.map((x) => [x.img_id, attrKey(x)])), readAt: 0 });
  it('enrols the missing and failed, updates the different, in source order per target', () => {
    const input = {
      source: [p('a'), p('b'), p('c')],
      targets: [idx([p('b', 'old')]), idx([p('a'), p('b'), p('c'), p('x')])],
      outcomes: [new Map([['c', { ok: false as const, at: 1, error: null }]]), undefined],
    };
    const [one, two] = jobsFor(input, ['missing', 'failed', 'different']);
    expect(one).toEqual([
      { imgId: 'a', kind: 'enrol', seq: 0 },
      { imgId: 'b', kind: 'update', seq: 1 },
      { imgId: 'c', kind: 'enrol', seq: 2 },
    ]);
    expect(two).toEqual([]);
    expect(jobsFor(input, ['failed'])[0]).toEqual([{ imgId: 'c', kind: 'enrol', seq: 2 }]);
  });
});
