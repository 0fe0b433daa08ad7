import { zhCN } from './zh-CN';

/** zh-CN is the source: a key missing from another catalogue is a type error. */
export type MessageKey = keyof typeof zhCN;
export type Catalogue = Readonly<Record<MessageKey, string>>;
export type Vars = Readonly<Record<string, string | number>>;

/** A locale's catalogue for a source catalogue: the same keys, no more, no fewer. */
export type Translation<Source> = { readonly [K in keyof Source]: string };
