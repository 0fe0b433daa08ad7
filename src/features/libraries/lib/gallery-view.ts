// The gallery's view lives in the URL (shareable, survives a reload): page,
// page size, grid or table, and the search. The search is either the fuzzy box
// or the exact fields, never both: the device refuses both at once (§3.10,
// -3596), so the URL only ever carries one mode's fields and the request is
// built from that mode alone.
import type { RequestOf } from '../../../api/protocol/operation';
import type { queryFaces } from '../../../api/protocol/faces';
import { AGE_MAX, AGE_MIN, FUZZY_KEY_MAX, QUERY_MAX, TIME_PATTERN } from '../../../api/protocol/limits';

/** Every size within the device's 50-row page (§1). 50 is the default: 100 000 faces are 2 000 pages. */
export const PAGE_SIZES = [20, 30, QUERY_MAX] as const;
export const DEFAULT_PAGE_SIZE = QUERY_MAX;

export type GalleryLayout = 'grid' | 'table';
export type SearchMode = 'fuzzy' | 'exact';

export interface ExactFields {
  person_name: string;
  person_idcard: string;
  person_gender: '' | '0' | '1';
  person_age: string;
  person_addr: string;
  create_time: string;
}

export const EMPTY_EXACT: ExactFields = {
  person_name: '',
  person_idcard: '',
  person_gender: '',
  person_age: '',
  person_addr: '',
  create_time: '',
};

export type GallerySearch = { mode: 'fuzzy'; key: string } | { mode: 'exact'; fields: ExactFields };

export interface GalleryView {
  layout: GalleryLayout;
  page: number;
  size: number;
  search: GallerySearch;
}

/** URL parameter of each exact field (short, readable in a shared link). */
const EXACT_PARAMS: Record<keyof ExactFields, string> = {
  person_name: 'name',
  person_idcard: 'idcard',
  person_gender: 'gender',
  person_age: 'age',
  person_addr: 'addr',
  create_time: 'created',
};
const EXACT_KEYS = Object.keys(EXACT_PARAMS) as (keyof ExactFields)[];

/** Every parameter the view owns; others (face, enrol) are left alone when the view changes. */
export const VIEW_PARAMS = ['view', 'page', 'size', 'mode', 'q', ...Object.values(EXACT_PARAMS)] as const;

export function isValidAge(s: string): boolean {
  return /^\d+$/.test(s) && Number(s) >= AGE_MIN && Number(s) <= AGE_MAX;
}

/** A hand-edited URL may say anything: what the device would refuse is dropped, not sent. */
function cleanExact(raw: Record<keyof ExactFields, string>): ExactFields {
  const gender = raw.person_gender === '0' || raw.person_gender === '1' ? raw.person_gender : '';
  return {
    person_name: raw.person_name.trim(),
    person_idcard: raw.person_idcard.trim(),
    person_gender: gender,
    person_age: isValidAge(raw.person_age) ? String(Number(raw.person_age)) : '',
    person_addr: raw.person_addr.trim(),
    create_time: TIME_PATTERN.test(raw.create_time.trim()) ? raw.create_time.trim() : '',
  };
}

export function parseGalleryView(params: URLSearchParams): GalleryView {
  const layout: GalleryLayout = params.get('view') === 'table' ? 'table' : 'grid';
  const pageRaw = Number(params.get('page'));
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 ? pageRaw : 1;
  const sizeRaw = Number(params.get('size'));
  const size = (PAGE_SIZES as readonly number[]).includes(sizeRaw) ? sizeRaw : DEFAULT_PAGE_SIZE;
  let search: GallerySearch;
  if (params.get('mode') === 'exact') {
    const raw = Object.fromEntries(EXACT_KEYS.map((k) => [k, params.get(EXACT_PARAMS[k]) ?? ''])) as Record<keyof ExactFields, string>;
    search = { mode: 'exact', fields: cleanExact(raw) };
  } else {
    search = { mode: 'fuzzy', key: (params.get('q') ?? '').trim().slice(0, FUZZY_KEY_MAX) };
  }
  return { layout, page, size, search };
}

/**
 * Writes the view into a copy of `params`, keeping parameters the view does not
 * own. Defaults are left out so a plain gallery link stays plain.
 */
export function writeGalleryView(params: URLSearchParams, view: GalleryView): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const p of VIEW_PARAMS) next.delete(p);
  if (view.layout !== 'grid') next.set('view', view.layout);
  if (view.page > 1) next.set('page', String(view.page));
  if (view.size !== DEFAULT_PAGE_SIZE) next.set('size', String(view.size));
  if (view.search.mode === 'exact') {
    next.set('mode', 'exact');
    for (const k of EXACT_KEYS) {
      const v = view.search.fields[k];
      if (v) next.set(EXACT_PARAMS[k], v);
    }
  } else if (view.search.key) {
    next.set('q', view.search.key);
  }
  return next;
}

export function isFiltered(search: GallerySearch): boolean {
  return search.mode === 'fuzzy' ? search.key !== '' : EXACT_KEYS.some((k) => search.fields[k] !== '');
}

export type FaceQuery = RequestOf<typeof queryFaces>;

/** The 1035 request of a view: one mode's fields only, a page within the 50-row limit. */
export function faceQueryOf(libId: number, view: GalleryView): FaceQuery {
  const req: FaceQuery = { lib_id: libId, start_no: (view.page - 1) * view.size + 1, qry_len: view.size };
  if (view.search.mode === 'fuzzy') {
    if (view.search.key) req.fuzzy_key = view.search.key;
  } else {
    for (const k of EXACT_KEYS) {
      const v = view.search.fields[k];
      if (v) (req as Record<string, unknown>)[k] = v;
    }
  }
  return req;
}

/** The last page that has rows, for a total (page 1 when there are none). */
export function lastPage(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
