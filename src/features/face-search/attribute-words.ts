// Appendix B face attributes in words, both languages. The type is built from
// the protocol's value lists, so no documented value can be left out. (The
// records feature has its own table with the body attributes too: features do
// not import each other.)
import { FACE_ATTR_VALUES, type FaceAttr } from '../../api/protocol/attributes';
import type { Lang } from '../../i18n';

type FaceKey = keyof typeof FACE_ATTR_VALUES;
type FaceWords = { [K in FaceKey]: { label: string; values: Record<(typeof FACE_ATTR_VALUES)[K][number], string> } } & {
  st_age_value: { label: string; years: string };
};

const WORDS: Record<Lang, FaceWords> = {
  'zh-CN': {
    gender_code: { label: '性别', values: { female: '女', male: '男' } },
    st_age: { label: '年龄段', values: { st_old: '老年', st_adult: '成年', st_child: '儿童' } },
    st_age_value: { label: '估计年龄', years: '{n} 岁' },
    st_expression: {
      label: '表情',
      values: {
        st_angry: '生气',
        st_happy: '高兴',
        st_sorrow: '悲伤',
        st_calm: '平静',
        st_surprised: '惊讶',
        st_scared: '害怕',
        st_disgust: '厌恶',
        st_yawn: '打哈欠',
      },
    },
    glass_style: { label: '眼镜', values: { glasses_style_type_none: '未戴眼镜', transparent_glasses: '普通眼镜', sunglasses: '墨镜' } },
    respirator_color: { label: '口罩', values: { color_type_none: '未戴口罩', color_type_other: '戴口罩' } },
    cap_style: { label: '帽子', values: { hat_style_type_none: '未戴帽子', cap: '戴帽子' } },
    mustache_style: { label: '胡子', values: { mustache_style_type_none: '无胡子', whiskers: '有胡子' } },
  },
  'en-US': {
    gender_code: { label: 'Gender', values: { female: 'Female', male: 'Male' } },
    st_age: { label: 'Age group', values: { st_old: 'Elderly', st_adult: 'Adult', st_child: 'Child' } },
    st_age_value: { label: 'Estimated age', years: '{n} years' },
    st_expression: {
      label: 'Expression',
      values: {
        st_angry: 'Angry',
        st_happy: 'Happy',
        st_sorrow: 'Sad',
        st_calm: 'Calm',
        st_surprised: 'Surprised',
        st_scared: 'Scared',
        st_disgust: 'Disgusted',
        st_yawn: 'Yawning',
      },
    },
    glass_style: { label: 'Glasses', values: { glasses_style_type_none: 'No glasses', transparent_glasses: 'Glasses', sunglasses: 'Sunglasses' } },
    respirator_color: { label: 'Face mask', values: { color_type_none: 'No mask', color_type_other: 'Wears a mask' } },
    cap_style: { label: 'Hat', values: { hat_style_type_none: 'No hat', cap: 'Wears a hat' } },
    mustache_style: { label: 'Moustache', values: { mustache_style_type_none: 'No moustache', whiskers: 'Moustache' } },
  },
};

const ORDER: readonly (FaceKey | 'st_age_value')[] = [
  'gender_code',
  'st_age_value',
  'st_age',
  'st_expression',
  'glass_style',
  'respirator_color',
  'cap_style',
  'mustache_style',
];

export interface AttributeLine {
  key: string;
  label: string;
  value: string;
}

/** Every attribute the device sent, in words; an undocumented value is shown as sent. */
export function faceAttributeLines(attr: FaceAttr, lang: Lang): AttributeLine[] {
  const w = WORDS[lang];
  return ORDER.flatMap((key): AttributeLine[] => {
    if (key === 'st_age_value') {
      const n = Number.parseFloat(attr.st_age_value);
      return Number.isFinite(n) ? [{ key, label: w.st_age_value.label, value: w.st_age_value.years.replace('{n}', String(Math.round(n))) }] : [];
    }
    const v = attr[key];
    if (!v) return [];
    const values: Record<string, string> = w[key].values;
    return [{ key, label: w[key].label, value: Object.hasOwn(values, v) ? values[v]! : v }];
  });
}

/** §3.9 / §5.1: gender "0" female, "1" male (5.1's example sends a number; the schema reads it as a string). */
export function personGender(g: string, lang: Lang): string {
  if (g === '1') return WORDS[lang].gender_code.values.male;
  if (g === '0') return WORDS[lang].gender_code.values.female;
  return '';
}
