// The ledger table's render skip: a ledger computed again with the same page of
// rows is the same view; a change on the page shown, or the paging, is not.
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../model/ledger';
import { LEDGER_PAGE_SIZE, sameView } from './ledger-table';

const rows = (n: number, state: 'missing' | 'present' = 'missing', at = -1): LedgerRow[] =>
  Array.from({ length: n }, (_, i) => ({ imgId: `p${i}`, cells: [{ state: i === at ? 'present' : state }] }));
const targets = [{ id: 'a', name: 'A' }];
const onPage = () => undefined;
const props = (r: LedgerRow[], page = 1) => ({ rows: r, targets, page, onPage, loading: false });

describe('LedgerTable sameView', () => {
  it('new row objects with the same cells on the page shown: same view', () => {
    expect(sameView(props(rows(120)), props(rows(120)))).toBe(true);
  });
  it('a cell on the page shown changes: rendered', () => {
    expect(sameView(props(rows(120)), props(rows(120, 'missing', 3)))).toBe(false);
  });
  it('a cell on another page changes: not rendered', () => {
    expect(sameView(props(rows(120)), props(rows(120, 'missing', LEDGER_PAGE_SIZE + 1)))).toBe(true);
  });
  it('the page, the row count, the targets or the paging callback change: rendered', () => {
    expect(sameView(props(rows(120)), props(rows(120), 2))).toBe(false);
    expect(sameView(props(rows(120)), props(rows(119)))).toBe(false);
    expect(sameView(props(rows(120)), { ...props(rows(120)), targets: [{ id: 'a', name: 'A2' }] })).toBe(false);
    expect(sameView(props(rows(120)), { ...props(rows(120)), onPage: () => undefined })).toBe(false);
  });
  it('a refusal with another error: rendered', () => {
    const a = rows(3);
    const b = rows(3);
    a[0]!.cells = [{ state: 'failed', error: new Error('x') }];
    b[0]!.cells = [{ state: 'failed', error: new Error('x') }];
    expect(sameView(props(a), props(b))).toBe(false);
  });
});
