import { describe, expect, it } from 'vitest';
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

// Every value has words: src/i18n/attribute-words.test.ts (the wall uses those words).
describe("the wall's attributes", () => {
  it('lists every face attribute, the age as a number', () => {
    const rows = faceAttrRows('en-US', FACE);
    expect(rows.map((r) => `${r.label}: ${r.value}`)).toEqual([
      'Gender: Male',
      'Estimated age: 26 years',
      'Age group: Adult',
      'Expression: Calm',
      'Glasses: Sunglasses',
      'Face mask: Wears a mask',
      'Hat: No hat',
      'Moustache: No moustache',
    ]);
    expect(faceAttrRows('zh-CN', FACE)[0]).toEqual({ key: 'gender_code', label: '性别', value: '男' });
    expect(faceAttrRows('en-US', null)).toEqual([]);
  });

  it('shows a value it does not know as sent, and an attribute it does not know by its key', () => {
    const rows = faceAttrRows('en-US', { ...FACE, st_expression: 'st_sleepy', beard_len: 'long' } as typeof FACE);
    expect(rows.find((r) => r.key === 'st_expression')?.value).toBe('st_sleepy');
    expect(rows.at(-1)).toEqual({ key: 'beard_len', label: 'beard_len', value: 'long' });
  });

  it('sums a face up with only what is worth noticing', () => {
    expect(faceSummary('en-US', FACE)).toBe('Male · Adult 26 · Sunglasses · Wears a mask');
    expect(faceSummary('zh-CN', FACE)).toBe('男 · 成年 26 · 墨镜 · 戴口罩');
    expect(faceSummary('en-US', null)).toBe('');
  });

  it('sums a body up by what they wear', () => {
    const body = {
      gender_code: 'female',
      st_age: 'st_adult',
      coat_color: 'red',
      coat_style: 'jacket',
      trousers_color: 'black',
      trousers_len: 'st_skirt',
      st_bag: 'st_bag',
      bag_style: 'backpack',
    };
    expect(bodySummary('en-US', body)).toBe('Female · Adult · Red jacket · Black skirt · Backpack');
    expect(bodySummary('zh-CN', body)).toBe('女 · 成年 · 红色夹克 · 黑色裙子 · 双肩包');
    expect(bodyAttrRows('en-US', body).map((r) => r.label)).toEqual([
      'Gender',
      'Age group',
      'Top',
      'Top colour',
      'Lower garment',
      'Lower garment colour',
      'Bag',
      'Bag type',
    ]);
  });
});
