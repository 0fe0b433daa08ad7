// Every path of the console, in one file. Pages link with these, never literals.

export const paths = {
  login: '/login',
  overview: '/',
  libraries: '/libraries',
  cameras: '/cameras',
  records: '/records',
  faceSearch: '/face-search',
  alarmWall: '/alarm-wall',
  system: '/system',
} as const;

export type AppPath = (typeof paths)[keyof typeof paths];

/** The login page, remembering where to come back to (a path of this app). */
export function loginPath(next?: string): string {
  const safe = next === undefined ? paths.overview : safeNext(next);
  return safe === paths.overview ? paths.login : `${paths.login}?next=${encodeURIComponent(safe)}`;
}

// A base no real origin can have: anything that resolves elsewhere is foreign.
const PROBE_ORIGIN = 'http://console.invalid';

/**
 * Where to go after login. `next` comes from the URL, so anyone can craft it:
 * only a path inside the app passes (no scheme, no //host, no backslash that
 * browsers read as a slash, no control characters); anything else is the
 * overview. Never back to the login page itself.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048) return paths.overview;
  if (!raw.startsWith('/') || raw.startsWith('//')) return paths.overview;
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return paths.overview;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return paths.overview;
  }
  if (url.origin !== PROBE_ORIGIN) return paths.overview;
  if (url.pathname === paths.login || url.pathname.startsWith(`${paths.login}/`)) return paths.overview;
  return `${url.pathname}${url.search}${url.hash}`;
}
