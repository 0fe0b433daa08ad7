// Appendix B / C attributes in words, the same words as the records and face
// search pages (src/i18n/attribute-words.ts): every one for the details, a
// short line for the card.
import type { BodyAttr, FaceAttr } from '../../../api/protocol/attributes';
import type { Lang } from '../../../i18n';
import { bodyAttributeLines, bodyValue, faceAttributeLines, faceValue, type AttributeLine } from '../../../i18n/attribute-words';

export type AttrRow = AttributeLine;

/** "26.000000" → "26"; junk → the text as sent. */
export function ageValue(raw: string): string {
  const n = Number.parseFloat(raw);
  return Number.isFinite(n) ? String(Math.round(n)) : raw;
}

export function faceAttrRows(lang: Lang, attr: FaceAttr | null): AttrRow[] {
  return attr ? faceAttributeLines(attr, lang) : [];
}

export function bodyAttrRows(lang: Lang, attr: BodyAttr | null): AttrRow[] {
  return attr ? bodyAttributeLines(attr, lang) : [];
}

const SEP = ' · ';

/** The card's line: gender, age, and only the things worth noticing (glasses, mask, hat, moustache). */
export function faceSummary(lang: Lang, attr: FaceAttr | null): string {
  if (!attr) return '';
  const parts: string[] = [];
  if (attr.gender_code) parts.push(faceValue(attr, 'gender_code', lang));
  const age = attr.st_age_value ? ageValue(attr.st_age_value) : '';
  if (attr.st_age) parts.push(age ? `${faceValue(attr, 'st_age', lang)} ${age}` : faceValue(attr, 'st_age', lang));
  if (attr.glass_style && attr.glass_style !== 'glasses_style_type_none') parts.push(faceValue(attr, 'glass_style', lang));
  if (attr.respirator_color && attr.respirator_color !== 'color_type_none') parts.push(faceValue(attr, 'respirator_color', lang));
  if (attr.cap_style && attr.cap_style !== 'hat_style_type_none') parts.push(faceValue(attr, 'cap_style', lang));
  if (attr.mustache_style && attr.mustache_style !== 'mustache_style_type_none') parts.push(faceValue(attr, 'mustache_style', lang));
  return parts.join(SEP);
}

/** Gender, age, and what they wear: enough to spot the person on the scene. */
export function bodySummary(lang: Lang, attr: BodyAttr | null): string {
  if (!attr) return '';
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  const push = (v: string | undefined) => v && parts.push(v);
  push(bodyValue(attr, 'gender_code', lang));
  push(bodyValue(attr, 'st_age', lang));
  // "Red jacket", 红色夹克: one phrase per garment.
  const wearing = (colour: string | undefined, style: string | undefined) =>
    zh ? [colour, style].filter(Boolean).join('') : [colour, style?.toLowerCase()].filter(Boolean).join(' ');
  push(wearing(bodyValue(attr, 'coat_color', lang), bodyValue(attr, 'coat_style', lang)));
  push(wearing(bodyValue(attr, 'trousers_color', lang), bodyValue(attr, 'trousers_len', lang)));
  if (attr.st_bag && attr.bag_style && attr.bag_style !== 'bag_style_type_none') push(bodyValue(attr, 'bag_style', lang));
  return parts.join(SEP);
}
