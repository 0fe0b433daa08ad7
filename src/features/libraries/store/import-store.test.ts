import { beforeEach, describe, expect, it } from 'vitest';
import { useImportStore } from './import-store';

const file = (name: string) => new File([new Uint8Array([1, 2, 3])], name, { type: 'image/jpeg' });
const store = () => useImportStore.getState();

beforeEach(() => {
  useImportStore.setState({
    libId: null,
    rows: [],
    status: {},
    run: { state: 'idle', total: 0, activeMs: 0, since: null, answered: 0, runs: 0 },
  });
  store().open(3);
});

/** The state after a run that left both files out for one shared img_id. */
function afterRunWithTwins() {
  store().addFiles([file('Ann_X1_#_0_30_#.jpg'), file('Bob_X1_#_1_40_#.jpg')]);
  const [a, b] = store().rows;
  useImportStore.setState({
    status: { [a!.key]: { kind: 'skipped' }, [b!.key]: { kind: 'skipped' } },
    run: { state: 'done', total: 0, activeMs: 0, since: null, answered: 0, runs: 1 },
  });
  return [a!, b!] as const;
}

describe('the import list', () => {
  it('fixing one of two files with the same img_id clears the other too (the whole list is checked again)', () => {
    const [a, b] = afterRunWithTwins();
    store().editRow(a.key, { ...a.fields, img_id: 'X2' });
    expect(store().status[a.key]).toEqual({ kind: 'edited' });
    expect(store().status[b.key]).toEqual({ kind: 'edited' });
  });

  it('a row fixed to another face of its group photo sends that cut (a JPEG)', () => {
    store().addFiles([file('Ann_A1_#_0_30_#.png')]);
    const [row] = store().rows;
    const cut = file('Ann-face2.jpg');
    store().editRow(row!.key, row!.fields, cut);
    expect(store().rows[0]!.file).toBe(cut);
    expect(store().rows[0]!.ext).toBe('jpg');
  });

  it('dropping one of the twins frees the other', () => {
    const [a, b] = afterRunWithTwins();
    store().setDropped([a.key], true);
    expect(store().status[b.key]).toEqual({ kind: 'edited' });
  });

  it('before any run a pick appends; after a finished import it starts a new list', () => {
    expect(store().addFiles([file('Ann_A1_#_0_30_#.jpg')])).toBe('appended');
    expect(store().addFiles([file('Bob_B1_#_1_40_#.jpg')])).toBe('appended');
    expect(store().rows).toHaveLength(2);
    useImportStore.setState({ run: { state: 'done', total: 2, activeMs: 0, since: null, answered: 2, runs: 1 } });
    expect(store().addFiles([file('Cai_C1_#_1_50_#.jpg')])).toBe('new');
    expect(store().rows.map((r) => r.fields.img_id)).toEqual(['C1']);
    expect(store().run.runs).toBe(0);
    expect(store().status).toEqual({});
  });
});
