import { describe, expect, it } from 'vitest';
import { queryFaces } from '../../../api/protocol/faces';
import { QUERY_MAX } from '../../../api/protocol/limits';
import { EMPTY_EXACT, faceQueryOf, isFiltered, lastPage, parseGalleryView, writeGalleryView, type GalleryView } from './gallery-view';

const view = (qs: string) => parseGalleryView(new URLSearchParams(qs));

describe('gallery view in the URL', () => {
  it('defaults to the grid, page 1, 50 a page, an empty quick search', () => {
    expect(view('')).toEqual({ layout: 'grid', page: 1, size: QUERY_MAX, search: { mode: 'fuzzy', key: '' } });
  });

  it('reads page, size, layout and the quick search back from what it wrote', () => {
    const v: GalleryView = { layout: 'table', page: 2000, size: 20, search: { mode: 'fuzzy', key: '王' } };
    const qs = writeGalleryView(new URLSearchParams('face=abc'), v);
    expect(qs.get('face')).toBe('abc');
    expect(view(qs.toString())).toEqual(v);
  });

  it('round-trips the exact fields and leaves defaults out of the URL', () => {
    const v: GalleryView = {
      layout: 'grid',
      page: 1,
      size: QUERY_MAX,
      search: { mode: 'exact', fields: { ...EMPTY_EXACT, person_name: 'Li Wei', person_gender: '1', person_age: '30' } },
    };
    const qs = writeGalleryView(new URLSearchParams(), v);
    expect(qs.toString()).toBe('mode=exact&name=Li+Wei&gender=1&age=30');
    expect(view(qs.toString())).toEqual(v);
  });

  it('never carries both modes: a quick search link with exact fields uses the quick search only, and the other way round', () => {
    const fuzzy = view('q=wang&name=Li&gender=1');
    expect(fuzzy.search).toEqual({ mode: 'fuzzy', key: 'wang' });
    expect(faceQueryOf(3, fuzzy)).toEqual({ lib_id: 3, start_no: 1, qry_len: QUERY_MAX, fuzzy_key: 'wang' });

    const exact = view('mode=exact&q=wang&name=Li');
    expect(exact.search.mode).toBe('exact');
    const req = faceQueryOf(3, exact);
    expect(req).toEqual({ lib_id: 3, start_no: 1, qry_len: QUERY_MAX, person_name: 'Li' });
    // And the protocol's own schema agrees the request is valid.
    expect(queryFaces.request.safeParse(req).success).toBe(true);

    // Writing an exact view drops a stale q.
    expect(writeGalleryView(new URLSearchParams('q=wang'), exact).has('q')).toBe(false);
  });

  it('drops what the device would refuse from a hand-edited URL', () => {
    expect(view('page=-3&size=500').page).toBe(1);
    expect(view('size=500').size).toBe(QUERY_MAX);
    expect(view('size=20').size).toBe(20);
    const v = view('mode=exact&gender=2&age=200&created=yesterday');
    expect(v.search).toEqual({ mode: 'exact', fields: EMPTY_EXACT });
    expect(view(`q=${'x'.repeat(60)}`).search).toEqual({ mode: 'fuzzy', key: 'x'.repeat(40) });
  });

  it('turns a page into start_no within the 50-row limit', () => {
    const req = faceQueryOf(7, { layout: 'grid', page: 2000, size: 50, search: { mode: 'fuzzy', key: '' } });
    expect(req).toEqual({ lib_id: 7, start_no: 99_951, qry_len: 50 });
  });

  it('knows when a view is searched, and the last page', () => {
    expect(isFiltered({ mode: 'fuzzy', key: '' })).toBe(false);
    expect(isFiltered({ mode: 'exact', fields: { ...EMPTY_EXACT, person_age: '3' } })).toBe(true);
    expect(lastPage(100_000, 50)).toBe(2000);
    expect(lastPage(0, 50)).toBe(1);
    expect(lastPage(101, 50)).toBe(3);
  });
});
