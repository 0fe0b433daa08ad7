import { describe, expect, it } from 'vitest';
import { BODY_ATTR_VALUES, FACE_ATTR_VALUES, type BodyAttr, type FaceAttr } from '../api/protocol/attributes';
import { LANGS } from './lang-store';
import { bodyAttributeLines, faceAttributeLines, personGender } from './attribute-words';

describe('attributes in words', () => {
  it('has words, not codes, for every documented face and body value in both languages', () => {
    for (const lang of LANGS) {
      for (const [key, values] of Object.entries(FACE_ATTR_VALUES)) {
        for (const v of values) {
          const attr = { st_age_value: '30.000000', [key]: v } as unknown as FaceAttr;
          const line = faceAttributeLines(attr, lang).find((l) => l.key === key);
          expect(line?.value, `${lang} ${key}=${v}`).toBeTruthy();
          expect(line!.value).not.toBe(v);
        }
      }
      for (const [key, values] of Object.entries(BODY_ATTR_VALUES)) {
        for (const v of values) {
          const line = bodyAttributeLines({ [key]: v } as BodyAttr, lang)[0];
          expect(line?.value, `${lang} ${key}=${v}`).toBeTruthy();
          expect(line!.value).not.toBe(v);
        }
      }
    }
  });

  it('reads a whole face in order and keeps an unknown value as sent', () => {
    const attr: FaceAttr = {
      st_age: 'st_adult',
      mustache_style: 'mustache_style_type_none',
      respirator_color: 'color_type_none',
      glass_style: 'sunglasses',
      gender_code: 'female',
      st_expression: 'st_new_mood',
      cap_style: 'hat_style_type_none',
      st_age_value: '26.000000',
    };
    expect(faceAttributeLines(attr, 'en-US').map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Gender: Female',
      'Estimated age: 26 years',
      'Age group: Adult',
      'Expression: st_new_mood',
      'Glasses: Sunglasses',
      'Face mask: No mask',
      'Hat: No hat',
      'Moustache: No moustache',
    ]);
    expect(faceAttributeLines(attr, 'zh-CN')[0]).toMatchObject({ label: '性别', value: '女' });
    expect(personGender('1', 'zh-CN')).toBe('男');
  });

  it('shows an attribute a newer firmware adds by its key, as sent, after the known ones', () => {
    const attr = { gender_code: 'male', beard_len: 'long' } as unknown as FaceAttr;
    expect(faceAttributeLines(attr, 'en-US').at(-1)).toEqual({ key: 'beard_len', label: 'beard_len', value: 'long' });
    const body = { gender_code: 'male', scarf: 'red' } as unknown as BodyAttr;
    expect(bodyAttributeLines(body, 'en-US').at(-1)).toEqual({ key: 'scarf', label: 'scarf', value: 'red' });
  });
});
