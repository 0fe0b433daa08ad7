// The message format: {name} placeholders, and plurals in ICU's words,
// {count, plural, one {# alarm} other {# alarms}} (=0 {…} too), chosen by the
// browser's own Intl.PluralRules for the language: English says "1 alarm",
// Chinese has one form. '#' is the count as it was given (a string keeps its
// grouping: "1,234"). No library: the login page's bundle has no room for one.
import type { Vars } from './catalogue';
import type { Lang } from './lang-store';

const rules = new Map<Lang, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** The index of the brace closing the one at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const asNumber = (v: string | number): number => (typeof v === 'number' ? v : Number(v.replace(/[^\d.-]/g, '')));

/** " one {# alarm} other {# alarms}" → the chosen branch's text, '#' replaced. */
function plural(lang: Lang, options: string, value: string | number): string {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < options.length) {
    const open = options.indexOf('{', i);
    if (open < 0) break;
    const close = closing(options, open);
    if (close < 0) break;
    branches.set(options.slice(i, open).trim(), options.slice(open + 1, close));
    i = close + 1;
  }
  const n = asNumber(value);
  const text = branches.get(`=${n}`) ?? branches.get(pluralRules(lang).select(n)) ?? branches.get('other') ?? '';
  return text.replace(/#/g, String(value));
}

export function formatMessage(lang: Lang, text: string, vars?: Vars): string {
  if (!vars) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const close = closing(text, open);
    if (close < 0) break;
    out += text.slice(i, open);
    const inner = text.slice(open + 1, close);
    const m = /^\s*(\w+)\s*(?:,\s*plural\s*,([\s\S]*))?$/.exec(inner);
    const name = m?.[1];
    if (m && name !== undefined && name in vars) {
      const value = vars[name]!;
      out += m[2] !== undefined ? formatMessage(lang, plural(lang, m[2], value), vars) : String(value);
    } else out += text.slice(open, close + 1);
    i = close + 1;
  }
  return out + text.slice(i);
}

const relative = new Map<Lang, Intl.RelativeTimeFormat>();

/** "12 seconds ago", "3 hours ago", "yesterday" / "12秒钟前"…, in the browser's words for the language. */
export function formatAgo(lang: Lang, seconds: number): string {
  let f = relative.get(lang);
  if (!f) relative.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  if (seconds < 60) return f.format(-seconds, 'second');
  if (seconds < 3600) return f.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return f.format(-Math.floor(seconds / 3600), 'hour');
  return f.format(-Math.floor(seconds / 86_400), 'day');
}
