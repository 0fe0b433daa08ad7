// Appendix B / C attributes in words: every one for the details, a short line
// for the card. A value the table does not know (a newer firmware) is shown as
// the device sent it rather than hidden.
import type { BodyAttr, FaceAttr } from '../../../api/protocol/attributes';
import type { Lang } from '../../../i18n';
import { BODY_ATTR_WORDS, FACE_ATTR_WORDS } from '../messages';

export interface AttrRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

type Table = (typeof FACE_ATTR_WORDS)[Lang];

/** "26.000000" → "26"; junk → the text as sent. */
export function ageValue(raw: string): string {
  const n = Number.parseFloat(raw);
  return Number.isFinite(n) ? String(Math.round(n)) : raw;
}

function word(table: Table, key: string, value: string): string {
  if (key === 'st_age_value') return ageValue(value);
  return table[key]?.values[value] ?? value;
}

function rows(table: Table, attrs: Readonly<Record<string, string | undefined>>): AttrRow[] {
  const out: AttrRow[] = [];
  // The table's order first (the reference's), then anything it does not name.
  for (const key of Object.keys(table)) {
    const value = attrs[key];
    if (value === undefined || value === '') continue;
    out.push({ key, label: table[key]!.label, value: word(table, key, value) });
  }
  for (const [key, value] of Object.entries(attrs)) {
    if (key in table || value === undefined || value === '') continue;
    out.push({ key, label: key, value });
  }
  return out;
}

export function faceAttrRows(lang: Lang, attr: FaceAttr | null): AttrRow[] {
  return attr ? rows(FACE_ATTR_WORDS[lang], attr) : [];
}

export function bodyAttrRows(lang: Lang, attr: BodyAttr | null): AttrRow[] {
  return attr ? rows(BODY_ATTR_WORDS[lang], attr) : [];
}

const SEP = ' · ';

/** The card's line: gender, age, and only the things worth noticing (glasses, mask, hat, beard). */
export function faceSummary(lang: Lang, attr: FaceAttr | null): string {
  if (!attr) return '';
  const t = FACE_ATTR_WORDS[lang];
  const parts: string[] = [];
  if (attr.gender_code) parts.push(word(t, 'gender_code', attr.gender_code));
  const age = attr.st_age_value ? ageValue(attr.st_age_value) : '';
  if (attr.st_age) parts.push(age ? `${word(t, 'st_age', attr.st_age)} ${age}` : word(t, 'st_age', attr.st_age));
  if (attr.glass_style && attr.glass_style !== 'glasses_style_type_none') parts.push(word(t, 'glass_style', attr.glass_style));
  if (attr.respirator_color && attr.respirator_color !== 'color_type_none') parts.push(word(t, 'respirator_color', attr.respirator_color));
  if (attr.cap_style && attr.cap_style !== 'hat_style_type_none') parts.push(word(t, 'cap_style', attr.cap_style));
  if (attr.mustache_style && attr.mustache_style !== 'mustache_style_type_none') parts.push(word(t, 'mustache_style', attr.mustache_style));
  return parts.join(SEP);
}

/** Gender, age, and what they wear: enough to spot the person on the scene. */
export function bodySummary(lang: Lang, attr: BodyAttr | null): string {
  if (!attr) return '';
  const t = BODY_ATTR_WORDS[lang];
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  if (attr.gender_code) parts.push(word(t, 'gender_code', attr.gender_code));
  if (attr.st_age) parts.push(word(t, 'st_age', attr.st_age));
  const wearing = (colourKey: 'coat_color' | 'trousers_color', styleKey: 'coat_style' | 'trousers_len') => {
    const colour = attr[colourKey] ? word(t, colourKey, attr[colourKey]!) : '';
    const style = attr[styleKey] ? word(t, styleKey, attr[styleKey]!) : '';
    return [colour, style].filter(Boolean).join(zh ? '' : ' ');
  };
  const top = wearing('coat_color', 'coat_style');
  const bottom = wearing('trousers_color', 'trousers_len');
  if (top) parts.push(top);
  if (bottom) parts.push(bottom);
  if (attr.st_bag && attr.bag_style && attr.bag_style !== 'bag_style_type_none') parts.push(word(t, 'bag_style', attr.bag_style));
  return parts.join(SEP);
}
