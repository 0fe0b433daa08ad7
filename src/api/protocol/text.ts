// Text a request may carry. The reference limits few strings; every request
// is checked here so that nothing a person never types is stored: control
// characters (NUL among them), lone surrogates (stored as UTF-8 they read back
// as U+FFFD, so what was stored would not be what was sent), and strings
// longer than any real field. Specific fields have tighter limits in limits.ts.
import { TEXT_MAX } from './limits';

// eslint-disable-next-line no-control-regex -- the point is to find them
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No control character but tab and line breaks, no lone surrogate. */
export function isCleanText(s: string): boolean {
  return !CONTROL.test(s) && !LONE_SURROGATE.test(s);
}

/** Not empty and not only white space (a name a list could show). */
export const hasVisibleText = (s: string): boolean => s.trim().length > 0;

/** How deep a request may nest: the deepest (1052's imgs[].data) is 3. */
export const REQUEST_DEPTH_MAX = 6;

/**
 * Every string of a request clean and at most TEXT_MAX long, nesting bounded.
 * The one long string a request carries is a base64 picture (§3.27: an object
 * with `filename` and `data`), bounded by its own schema.
 */
export function isCleanRequest(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.length <= TEXT_MAX && isCleanText(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= REQUEST_DEPTH_MAX) return false;
  if (Array.isArray(value)) return value.every((v) => isCleanRequest(v, depth + 1));
  const picture = 'filename' in value && 'data' in value;
  return Object.entries(value).every(([k, v]) =>
    picture && k === 'data' ? typeof v !== 'string' || isCleanText(v.slice(0, 64)) : isCleanRequest(v, depth + 1),
  );
}
