// The emulator's fault endpoints (/__emulator/*) must never be reached through
// the console's servers. A proxy that forwards the raw path lets the device's
// own URL parser resolve `/ws/../__emulator/stats` (or `%2e%2e`, `%2f`, a
// double-encoded `%252e`, a backslash) to them, so any path that could change
// meaning when resolved again is refused before anything is forwarded.

export type PathVerdict = { ok: true; path: string } | { ok: false; status: 400 | 404; reason: string };

/** Percent-encoded dot, slash, backslash, percent (double encoding) or NUL. */
const ENCODED_SEPARATOR = /%(2e|2f|5c|25|00)/i;

export function checkPath(rawUrl: string): PathVerdict {
  // Origin-form only: an absolute URI (`GET http://device/__emulator/...`) or `*` is not ours.
  if (!rawUrl.startsWith('/')) return { ok: false, status: 400, reason: 'not an absolute path' };
  const raw = rawUrl.split(/[?#]/, 1)[0]!;
  if (raw.includes('\\')) return { ok: false, status: 400, reason: 'backslash in the path' };
  if (ENCODED_SEPARATOR.test(raw)) return { ok: false, status: 400, reason: 'encoded dot, slash or percent in the path' };
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (path.split('/').some((s) => s === '.' || s === '..')) return { ok: false, status: 400, reason: 'dot segment in the path' };
  if (/^\/+__emulator(\/|$)/i.test(path)) return { ok: false, status: 404, reason: 'not here' };
  return { ok: true, path };
}

/** What the console forwards to the device: the API (§1) and everything under /ws (§9.2, §3.6, §7.4). */
export function isDevicePath(rawUrl: string): boolean {
  return /^\/(api|ws)(\/|\?|$)/.test(rawUrl);
}

/**
 * Whether the dev server must check this request: anything it would forward,
 * and anything that might name the fault endpoints once decoded. (Vite's own
 * paths are left to it; the production server checks every request.)
 */
export function needsGuard(rawUrl: string): boolean {
  if (/^\/(api|ws)/i.test(rawUrl)) return true;
  let decoded = rawUrl;
  for (let i = 0; i < 3; i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return true;
    }
  }
  return /__emulator/i.test(decoded) || /^\/(api|ws)/i.test(decoded);
}
