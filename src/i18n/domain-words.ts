// The domain's words, translated once for every feature that says them (the
// list types, a person's fields, the match): the feature catalogues take them
// from here instead of five copies that could drift. Appendix B / C attribute
// words are in attribute-words.ts.
import type { Translation } from './catalogue';

export const domainWordsZh = {
  blacklist: '黑名单',
  whitelist: '白名单',
  listType: '名单类型',
  /** A lib_type the reference does not name (§3.2 has 1 and 2). */
  libType: '类型 {type}',
  name: '姓名',
  gender: '性别',
  female: '女',
  male: '男',
  age: '年龄',
  idNumber: '证件号',
  address: '地址',
  similarity: '相似度',
  libraryPhoto: '{name} 的人像库照片',
} as const;

export const domainWordsEn: Translation<typeof domainWordsZh> = {
  blacklist: 'Blacklist',
  whitelist: 'Whitelist',
  listType: 'List type',
  libType: 'Type {type}',
  name: 'Name',
  gender: 'Gender',
  female: 'Female',
  male: 'Male',
  age: 'Age',
  idNumber: 'ID number',
  address: 'Address',
  similarity: 'Similarity',
  libraryPhoto: 'Library photo of {name}',
};
