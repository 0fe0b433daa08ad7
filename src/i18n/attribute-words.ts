// Appendix B (face) and Appendix C (body) attribute values in words, in both
// languages, for every page that shows a capture (records, face search). The
// types are built from the protocol's value lists, so a value the reference
// documents cannot be left without words (a type error). A value no list knows
// (a newer firmware) is shown as the device sent it.
import { BODY_ATTR_VALUES, FACE_ATTR_VALUES, type BodyAttr, type FaceAttr } from '../api/protocol/attributes';
import type { Lang } from './lang-store';

type FaceKey = keyof typeof FACE_ATTR_VALUES;
type BodyKey = keyof typeof BODY_ATTR_VALUES;

type Words<T extends Record<string, readonly string[]>> = {
  [K in keyof T]: { label: string; values: Record<T[K][number], string> };
};
type FaceWords = Words<typeof FACE_ATTR_VALUES> & { st_age_value: { label: string; years: string } };
type BodyWords = Words<typeof BODY_ATTR_VALUES>;

const COLOURS_EN = {
  black: 'Black',
  white: 'White',
  gray: 'Grey',
  red: 'Red',
  yellow: 'Yellow',
  blue: 'Blue',
  green: 'Green',
  purple: 'Purple',
};
const COLOURS_ZH = { black: '黑色', white: '白色', gray: '灰色', red: '红色', yellow: '黄色', blue: '蓝色', green: '绿色', purple: '紫色' };
const PATTERNS_EN = {
  st_pure: 'Plain',
  st_stripe: 'Striped',
  st_design: 'Printed design',
  st_joint: 'Colour-blocked',
  st_lattic: 'Checked',
};
const PATTERNS_ZH = { st_pure: '纯色', st_stripe: '条纹', st_design: '图案', st_joint: '拼接', st_lattic: '格子' };
const AGE_EN = { st_old: 'Elderly', st_adult: 'Adult', st_child: 'Child' };
const AGE_ZH = { st_old: '老年', st_adult: '成年', st_child: '儿童' };

const FACE: Record<Lang, FaceWords> = {
  'zh-CN': {
    gender_code: { label: '性别', values: { female: '女', male: '男' } },
    st_age: { label: '年龄段', values: AGE_ZH },
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
    st_age: { label: 'Age group', values: AGE_EN },
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
    glass_style: {
      label: 'Glasses',
      values: { glasses_style_type_none: 'No glasses', transparent_glasses: 'Glasses', sunglasses: 'Sunglasses' },
    },
    respirator_color: { label: 'Face mask', values: { color_type_none: 'No mask', color_type_other: 'Wears a mask' } },
    cap_style: { label: 'Hat', values: { hat_style_type_none: 'No hat', cap: 'Wears a hat' } },
    mustache_style: { label: 'Moustache', values: { mustache_style_type_none: 'No moustache', whiskers: 'Moustache' } },
  },
};

const BODY: Record<Lang, BodyWords> = {
  'zh-CN': {
    st_pedestrian_angle: { label: '朝向', values: { st_front: '正面', st_side: '侧面', st_back: '背面' } },
    gender_code: { label: '性别', values: { male: '男', female: '女' } },
    st_age: { label: '年龄段', values: AGE_ZH },
    hair_style: { label: '发型', values: { st_short: '短发', long: '长发', bald: '光头' } },
    hair_color: { label: '发色', values: { black: '黑色', white: '白色', yellow: '黄色' } },
    coat_style: {
      label: '上衣款式',
      values: {
        long_coat: '长大衣',
        jacket: '夹克',
        t_shirt: 'T 恤',
        sports_wears: '运动服',
        down_jacket: '羽绒服',
        shirt: '衬衫',
        dress: '连衣裙',
        business_suit: '西装',
      },
    },
    coat_color: { label: '上衣颜色', values: COLOURS_ZH },
    coat_length: { label: '袖长', values: { short_sleeve: '短袖', long_sleeve: '长袖' } },
    st_coat_pattern: { label: '上衣花纹', values: PATTERNS_ZH },
    trousers_len: { label: '下装', values: { trousers: '长裤', shorts: '短裤', st_skirt: '裙子' } },
    trousers_color: { label: '下装颜色', values: COLOURS_ZH },
    st_trousers_pattern: { label: '下装花纹', values: PATTERNS_ZH },
    shoes_style: { label: '鞋子', values: { leather_shoes: '皮鞋', boots: '靴子', walking_shoes: '休闲鞋', sandal: '凉鞋' } },
    shoes_color: { label: '鞋子颜色', values: COLOURS_ZH },
    st_bag: { label: '包', values: { st_bag: '携带包' } },
    bag_color: { label: '包颜色', values: COLOURS_ZH },
    bag_style: {
      label: '包款式',
      values: {
        hand_bag: '手提包',
        shoulder_bag: '单肩包',
        backpack: '双肩包',
        trolley: '拉杆箱',
        bag_style_type_none: '无',
        waist_pack: '腰包',
      },
    },
    st_umbrella: { label: '雨伞', values: { st_umbrella: '打伞' } },
    umbrella_color: { label: '雨伞颜色', values: { ...COLOURS_ZH, transparent: '透明' } },
    st_respirator: { label: '口罩', values: { st_respirator: '戴口罩' } },
    respirator_color: { label: '口罩颜色', values: { white: '白色', gray: '灰色', blue: '蓝色', black: '黑色' } },
    st_hat: { label: '帽子', values: { st_hat: '戴帽子' } },
    cap_color: { label: '帽子颜色', values: COLOURS_ZH },
    cap_style: { label: '帽子款式', values: { hat_style_type_none: '无', bonnet: '毛线帽', cap: '鸭舌帽', bucket_hat: '渔夫帽' } },
    st_hold_object_in_front: { label: '胸前持物', values: { st_hold_object_in_front: '是' } },
  },
  'en-US': {
    st_pedestrian_angle: { label: 'Seen from', values: { st_front: 'Front', st_side: 'Side', st_back: 'Back' } },
    gender_code: { label: 'Gender', values: { male: 'Male', female: 'Female' } },
    st_age: { label: 'Age group', values: AGE_EN },
    hair_style: { label: 'Hair', values: { st_short: 'Short', long: 'Long', bald: 'Bald' } },
    hair_color: { label: 'Hair colour', values: { black: 'Black', white: 'White', yellow: 'Blond' } },
    coat_style: {
      label: 'Top',
      values: {
        long_coat: 'Long coat',
        jacket: 'Jacket',
        t_shirt: 'T-shirt',
        sports_wears: 'Sportswear',
        down_jacket: 'Down jacket',
        shirt: 'Shirt',
        dress: 'Dress',
        business_suit: 'Business suit',
      },
    },
    coat_color: { label: 'Top colour', values: COLOURS_EN },
    coat_length: { label: 'Sleeves', values: { short_sleeve: 'Short sleeves', long_sleeve: 'Long sleeves' } },
    st_coat_pattern: { label: 'Top pattern', values: PATTERNS_EN },
    trousers_len: { label: 'Lower garment', values: { trousers: 'Trousers', shorts: 'Shorts', st_skirt: 'Skirt' } },
    trousers_color: { label: 'Lower garment colour', values: COLOURS_EN },
    st_trousers_pattern: { label: 'Lower garment pattern', values: PATTERNS_EN },
    shoes_style: {
      label: 'Shoes',
      values: { leather_shoes: 'Leather shoes', boots: 'Boots', walking_shoes: 'Walking shoes', sandal: 'Sandals' },
    },
    shoes_color: { label: 'Shoe colour', values: COLOURS_EN },
    st_bag: { label: 'Bag', values: { st_bag: 'Carries a bag' } },
    bag_color: { label: 'Bag colour', values: COLOURS_EN },
    bag_style: {
      label: 'Bag type',
      values: {
        hand_bag: 'Handbag',
        shoulder_bag: 'Shoulder bag',
        backpack: 'Backpack',
        trolley: 'Trolley case',
        bag_style_type_none: 'None',
        waist_pack: 'Waist pack',
      },
    },
    st_umbrella: { label: 'Umbrella', values: { st_umbrella: 'Holds an umbrella' } },
    umbrella_color: { label: 'Umbrella colour', values: { ...COLOURS_EN, transparent: 'Transparent' } },
    st_respirator: { label: 'Face mask', values: { st_respirator: 'Wears a mask' } },
    respirator_color: { label: 'Mask colour', values: { white: 'White', gray: 'Grey', blue: 'Blue', black: 'Black' } },
    st_hat: { label: 'Hat', values: { st_hat: 'Wears a hat' } },
    cap_color: { label: 'Hat colour', values: COLOURS_EN },
    cap_style: { label: 'Hat type', values: { hat_style_type_none: 'None', bonnet: 'Knitted hat', cap: 'Cap', bucket_hat: 'Bucket hat' } },
    st_hold_object_in_front: { label: 'Holds something in front', values: { st_hold_object_in_front: 'Yes' } },
  },
};

export interface AttributeLine {
  key: string;
  label: string;
  value: string;
}

const FACE_ORDER: readonly (FaceKey | 'st_age_value')[] = [
  'gender_code',
  'st_age_value',
  'st_age',
  'st_expression',
  'glass_style',
  'respirator_color',
  'cap_style',
  'mustache_style',
];

function valueIn(values: Record<string, string>, v: string): string {
  return Object.hasOwn(values, v) ? values[v]! : v;
}

/** A key a newer firmware adds: shown by its key, as sent, rather than hidden. */
function extraLines(attr: object, known: readonly string[]): AttributeLine[] {
  return Object.entries(attr as Record<string, unknown>)
    .filter(([k, v]) => !known.includes(k) && typeof v === 'string' && v !== '')
    .map(([k, v]) => ({ key: k, label: k, value: v as string }));
}

/** Every face attribute the device sent, in words, in a fixed order. */
export function faceAttributeLines(attr: FaceAttr, lang: Lang): AttributeLine[] {
  const w = FACE[lang];
  const known = FACE_ORDER.flatMap((key): AttributeLine[] => {
    if (key === 'st_age_value') {
      const n = Number.parseFloat(attr.st_age_value);
      return Number.isFinite(n)
        ? [{ key, label: w.st_age_value.label, value: w.st_age_value.years.replace('{n}', String(Math.round(n))) }]
        : [];
    }
    const v = attr[key];
    return v ? [{ key, label: w[key].label, value: valueIn(w[key].values, v) }] : [];
  });
  return [...known, ...extraLines(attr, FACE_ORDER)];
}

/** Every body attribute the device sent, in words, in Appendix C's order (it sends a bag's colour only with a bag). */
export function bodyAttributeLines(attr: BodyAttr, lang: Lang): AttributeLine[] {
  const w = BODY[lang];
  const keys = Object.keys(BODY_ATTR_VALUES) as BodyKey[];
  const known = keys.flatMap((key): AttributeLine[] => {
    const v = attr[key];
    return v ? [{ key, label: w[key].label, value: valueIn(w[key].values, v) }] : [];
  });
  return [...known, ...extraLines(attr, keys)];
}

/** One face attribute's words (for the short summary in a row). */
export function faceValue(attr: FaceAttr, key: FaceKey, lang: Lang): string {
  return valueIn(FACE[lang][key].values, attr[key]);
}

export function bodyValue(attr: BodyAttr, key: BodyKey, lang: Lang): string | undefined {
  const v = attr[key];
  return v ? valueIn(BODY[lang][key].values, v) : undefined;
}

/** §3.9: person_gender "0" female, "1" male. */
export function personGender(g: string, lang: Lang): string {
  if (g === '1') return FACE[lang].gender_code.values.male;
  if (g === '0') return FACE[lang].gender_code.values.female;
  return '';
}
