// What the wall shows and in which order. Filters live in the URL so a reload
// or a shared link restores the view; parsing never throws on a hand-edited URL.
import { PARAMS } from '../../../config/paths';
import type { CameraRecord } from '../../../api/protocol/cameras';
import type { Library } from '../../../api/protocol/libraries';
import type { LiveAlarm } from '../../../live';

/** blacklist / whitelist match, a face nobody matched, a body capture. */
export type AlarmClass = 'blacklist' | 'whitelist' | 'stranger' | 'body';

/** §9.2: lib_type 1 is a blacklist; anything else that matched is treated as a whitelist. */
export function classify(a: LiveAlarm): AlarmClass {
  if (a.kind === 'body') return 'body';
  if (!a.match) return 'stranger';
  return a.match.libType === 1 ? 'blacklist' : 'whitelist';
}

export function isUrgent(a: LiveAlarm): boolean {
  return !a.acknowledged && classify(a) === 'blacklist';
}

export type ListFilter = 'black' | 'white' | null;
export type KindFilter = 'face' | 'body' | null;

export interface WallFilters {
  readonly cameras: readonly number[];
  readonly libraries: readonly number[];
  readonly list: ListFilter;
  /** Minimum similarity, 0 = any. */
  readonly similarity: number;
  readonly kind: KindFilter;
  readonly strangers: boolean;
}

export const NO_FILTERS: WallFilters = { cameras: [], libraries: [], list: null, similarity: 0, kind: null, strangers: true };

/** The URL's names (src/config/paths.ts). kiosk and alarm (the open detail) are the page's, not filters. */
export const PARAM = PARAMS.alarmWall;

function ints(raw: string | null): number[] {
  if (!raw) return [];
  const out = new Set<number>();
  for (const part of raw.split(',')) {
    const n = Number(part);
    if (part.trim() !== '' && Number.isInteger(n) && n >= 0) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

export function parseFilters(params: URLSearchParams): WallFilters {
  const list = params.get(PARAM.list);
  const kind = params.get(PARAM.kind);
  const sim = Number(params.get(PARAM.similarity));
  return {
    cameras: ints(params.get(PARAM.ch)),
    libraries: ints(params.get(PARAM.libs)),
    list: list === 'black' || list === 'white' ? list : null,
    similarity: Number.isFinite(sim) ? Math.min(100, Math.max(0, Math.round(sim))) : 0,
    kind: kind === 'face' || kind === 'body' ? kind : null,
    strangers: params.get(PARAM.strangers) !== '0',
  };
}

/** The filters written into `params` (a copy); defaults leave no trace. */
export function writeFilters(params: URLSearchParams, f: WallFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (name: string, value: string | null) => (value ? next.set(name, value) : next.delete(name));
  put(PARAM.ch, f.cameras.length ? f.cameras.join(',') : null);
  put(PARAM.libs, f.libraries.length ? f.libraries.join(',') : null);
  put(PARAM.list, f.list);
  put(PARAM.similarity, f.similarity > 0 ? String(f.similarity) : null);
  put(PARAM.kind, f.kind);
  put(PARAM.strangers, f.strangers ? null : '0');
  return next;
}

export function hasFilters(f: WallFilters): boolean {
  return f.cameras.length > 0 || f.libraries.length > 0 || f.list !== null || f.similarity > 0 || f.kind !== null || !f.strangers;
}

/** A filter on the match (library, list, similarity) keeps matches only. */
export function filtersMatchOnly(f: WallFilters): boolean {
  return f.libraries.length > 0 || f.list !== null || f.similarity > 0;
}

/**
 * The rule, one filter per question: camera applies to everything; face/body
 * to the kind; library, list and similarity are about the match, so while one
 * is set a capture without a match (stranger, body) is not shown; the strangers
 * switch decides about faces nobody matched.
 */
export function passes(a: LiveAlarm, f: WallFilters): boolean {
  if (f.cameras.length && !f.cameras.includes(a.channel)) return false;
  if (f.kind && f.kind !== a.kind) return false;
  const matchOnly = filtersMatchOnly(f);
  if (a.kind === 'body') return !matchOnly;
  const m = a.match;
  if (!m) return f.strangers && !matchOnly;
  if (f.list === 'black' && m.libType !== 1) return false;
  if (f.list === 'white' && m.libType === 1) return false;
  if (f.libraries.length && !f.libraries.includes(m.libId)) return false;
  return m.similarity >= f.similarity;
}

export interface Arranged {
  /** Unacknowledged blacklist matches first, then the rest; each part newest first. */
  readonly list: readonly LiveAlarm[];
  /** How many at the head are pinned (unacknowledged blacklist). */
  readonly pinned: number;
  readonly unacknowledged: number;
}

/** Whether the wall shows an alarm: its filters, and the page's own (`also`: the merged wall's nodes and sites). */
export function showsOnWall(a: LiveAlarm, f: WallFilters, also: ((a: LiveAlarm) => boolean) | null): boolean {
  return passes(a, f) && (also === null || also(a));
}

/** O(n) over the store's newest-first buffer: two stable partitions. `also`: the merged wall's node and site filters. */
export function arrangeWall(alarms: readonly LiveAlarm[], f: WallFilters, also: ((a: LiveAlarm) => boolean) | null = null): Arranged {
  const pinned: LiveAlarm[] = [];
  const rest: LiveAlarm[] = [];
  let unacknowledged = 0;
  for (const a of alarms) {
    if (!showsOnWall(a, f, also)) continue;
    if (!a.acknowledged) unacknowledged++;
    if (isUrgent(a)) pinned.push(a);
    else rest.push(a);
  }
  return { list: pinned.length ? pinned.concat(rest) : rest, pinned: pinned.length, unacknowledged };
}

/** A stranger at a camera that watches whitelists only (`whitelistOnly`: whitelistOnlyChannels): called out on its card. */
export function isStrangerAlert(a: LiveAlarm, whitelistOnly: ReadonlySet<number>): boolean {
  return a.kind === 'face' && !a.match && whitelistOnly.has(a.channel);
}

/**
 * Cameras that compare with whitelists only: there a stranger is the one to
 * notice (an access-control site). A camera with no library at all is not one.
 */
export function whitelistOnlyChannels(
  cameras: readonly Pick<CameraRecord, 'channel' | 'lib_ids'>[] | undefined,
  libraries: readonly Pick<Library, 'lib_id' | 'lib_type'>[] | undefined,
): ReadonlySet<number> {
  const out = new Set<number>();
  if (!cameras || !libraries) return out;
  const type = new Map(libraries.map((l) => [l.lib_id, l.lib_type]));
  for (const cam of cameras) {
    const ids = cam.lib_ids
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
    if (ids.length > 0 && ids.every((id) => type.get(id) === 2)) out.add(cam.channel);
  }
  return out;
}
