import { describe, expect, it } from 'vitest';
import { FACE_ATTR_VALUES, type FaceAttr } from '../../api/protocol/attributes';
import { LANGS } from '../../i18n';
import { faceAttributeLines } from '../../i18n/attribute-words';

describe('face attributes in words', () => {
  it('has words for every documented value in both languages', () => {
    for (const lang of LANGS) {
      for (const [key, values] of Object.entries(FACE_ATTR_VALUES)) {
        for (const v of values) {
          const line = faceAttributeLines({ st_age_value: '', [key]: v } as unknown as FaceAttr, lang).find((l) => l.key === key);
          expect(line && line.value !== v, `${lang} ${key}=${v}`).toBe(true);
        }
      }
    }
  });
});
