import { describe, expect, it } from 'vitest';
import { FACE_ATTR_VALUES, BODY_ATTR_VALUES } from '../../../api/protocol/attributes';
import { BODY_ATTR_WORDS, FACE_ATTR_WORDS } from '../messages';
import { bodyAttrRows, bodySummary, faceAttrRows, faceSummary } from './attributes';

const FACE = {
  st_age: 'st_adult',
  mustache_style: 'mustache_style_type_none',
  respirator_color: 'color_type_other',
  glass_style: 'sunglasses',
  gender_code: 'male',
  st_expression: 'st_calm',
  cap_style: 'hat_style_type_none',
  st_age_value: '26.000000',
};

describe('attributes in words', () => {
  it('has words for every documented value, in both languages', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      for (const [key, values] of Object.entries(FACE_ATTR_VALUES)) {
        for (const v of values) expect(FACE_ATTR_WORDS[lang][key]?.values[v], `${lang} face ${key}=${v}`).toBeTruthy();
      }
      for (const [key, values] of Object.entries(BODY_ATTR_VALUES)) {
        for (const v of values) expect(BODY_ATTR_WORDS[lang][key]?.values[v], `${lang} body ${key}=${v}`).toBeTruthy();
      }
    }
  });

  it('lists every face attribute in the reference order, the age as a number', () => {
    const rows = faceAttrRows('en-US', FACE);
    expect(rows.map((r) => `${r.label}: ${r.value}`)).toEqual([
      'Gender: male',
      'Age group: adult',
      'Estimated age: 26',
      'Glasses: sunglasses',
      'Mask: mask',
      'Hat: no hat',
      'Beard: no beard',
      'Expression: calm',
    ]);
    expect(faceAttrRows('zh-CN', FACE)[0]).toEqual({ key: 'gender_code', label: '性别', value: '男' });
  });

  it('shows a value it does not know as sent, and an attribute it does not know by its key', () => {
    const rows = faceAttrRows('en-US', { ...FACE, st_expression: 'st_sleepy', beard_len: 'long' } as typeof FACE);
    expect(rows.find((r) => r.key === 'st_expression')?.value).toBe('st_sleepy');
    expect(rows.at(-1)).toEqual({ key: 'beard_len', label: 'beard_len', value: 'long' });
  });

  it('sums a face up with only what is worth noticing', () => {
    expect(faceSummary('en-US', FACE)).toBe('male · adult 26 · sunglasses · mask');
    expect(faceSummary('zh-CN', FACE)).toBe('男 · 成年人 26 · 太阳镜 · 戴口罩');
    expect(faceSummary('en-US', null)).toBe('');
  });

  it('sums a body up by what they wear', () => {
    const body = { gender_code: 'female', st_age: 'st_adult', coat_color: 'red', coat_style: 'jacket', trousers_color: 'black', trousers_len: 'st_skirt', st_bag: 'st_bag', bag_style: 'backpack' };
    expect(bodySummary('en-US', body)).toBe('female · adult · red jacket · black skirt · backpack');
    expect(bodySummary('zh-CN', body)).toBe('女 · 成年人 · 红色夹克 · 黑色裙子 · 双肩包');
    expect(bodyAttrRows('en-US', body).map((r) => r.label)).toEqual(['Gender', 'Age group', 'Top', 'Top colour', 'Bottom', 'Bottom colour', 'Bag', 'Bag type']);
  });
});
