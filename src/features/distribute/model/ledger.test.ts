import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../../api/errors';
import { attrKey, cellOf, idsInState, ledger, type LedgerInput, type NodeIndex, type PersonAttrs } from './ledger';

const person = (id: string, name = id): PersonAttrs => ({
  img_id: id,
  person_name: name,
  person_idcard: '',
  person_gender: '1',
  person_age: '30',
  person_addr: '',
});
const index = (people: PersonAttrs[], readAt = 100): NodeIndex => ({ byId: new Map(people.map((p) => [p.img_id, attrKey(p)])), readAt });

describe('cellOf', () => {
  const k = attrKey(person('a'));
  it('present when the node holds the same attributes, different when not', () => {
    expect(cellOf(k, k, undefined, 0)?.state).toBe('present');
    expect(cellOf(k, attrKey(person('a', 'other')), undefined, 0)?.state).toBe('different');
  });
  it('missing, or failed with the refusal kept for its words', () => {
    const error = new DeviceError(-1101, 'no face', 'face.enrolB64');
    expect(cellOf(k, undefined, undefined, 0)?.state).toBe('missing');
    expect(cellOf(k, undefined, { ok: false, at: 5, error }, 10)).toEqual({ state: 'failed', error });
  });
  it('what the node holds wins over a stale refusal', () => {
    expect(cellOf(k, k, { ok: false, at: 5, error: null }, 10)?.state).toBe('present');
  });
  it('an enrolment seen in the run counts until the node is read again: a person deleted there afterwards is missing', () => {
    expect(cellOf(k, undefined, { ok: true, at: 20 }, 10)?.state).toBe('present');
    expect(cellOf(k, undefined, { ok: true, at: 20 }, 30)?.state).toBe('missing');
  });
  it('a person only on the target is extra; on neither, no cell', () => {
    expect(cellOf(undefined, k, undefined, 0)?.state).toBe('extra');
    expect(cellOf(undefined, undefined, undefined, 0)).toBeNull();
  });
});

describe('ledger', () => {
  const a = person('a');
  const b = person('b');
  const c = person('c');
  const input: LedgerInput = {
    source: [a, b, c],
    targets: [index([a, person('b', 'renamed'), person('gone')]), index([a, b, c]), undefined],
    outcomes: [new Map([['c', { ok: false, at: 200, error: new DeviceError(-122, 'full', 'face.enrolB64') }]]), undefined, undefined],
  };
  it('counts each target by state and keeps rows in source order, extras last', () => {
    const { rows, counts } = ledger(input, 'all');
    expect(rows.map((r) => r.imgId)).toEqual(['a', 'b', 'c', 'gone']);
    expect(counts[0]).toEqual({ present: 1, missing: 0, different: 1, failed: 1, extra: 1 });
    expect(counts[1]).toEqual({ present: 3, missing: 0, different: 0, failed: 0, extra: 0 });
    expect(rows[0]!.cells[2]).toBeNull();
    expect(ledger(input, 'all').persons).toEqual({ all: 4, present: 3, missing: 0, different: 1, failed: 1, extra: 1 });
  });
  it('filters rows by the state of any cell', () => {
    expect(ledger(input, 'failed').rows.map((r) => r.imgId)).toEqual(['c']);
    expect(ledger(input, 'extra').rows.map((r) => r.imgId)).toEqual(['gone']);
    expect(ledger(input, 'present').rows.map((r) => r.imgId)).toEqual(['a', 'b', 'c']);
  });
  it('gives per target the ids in a state', () => {
    expect(idsInState(input, ['extra'])).toEqual([['gone'], [], []]);
  });
});
