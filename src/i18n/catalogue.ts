import { zhCN } from './zh-CN';

/** zh-CN is the source: a key missing from another catalogue is a type error. */
export type MessageKey = keyof typeof zhCN;
export type Catalogue = Readonly<Record<MessageKey, string>>;
export type Vars = Readonly<Record<string, string | number>>;

/** A locale's catalogue for a source catalogue: the same keys, no more, no fewer. */
export type Translation<Source> = { readonly [K in keyof Source]: string };

/**
 * The placeholder names of a message, read from its text: {name}, and the
 * count of {count, plural, …}; a plural branch's text ("# alarms") is none.
 */
export type Placeholders<S> = S extends `${string}{${infer Inner}}${infer Rest}` ? InnerName<Inner> | Placeholders<Rest> : never;
type InnerName<I extends string> = I extends `${infer Name}, plural,${infer Branches}`
  ? Name | BranchNames<Branches>
  : I extends `${string}{${infer Last}`
    ? InnerName<Last>
    : I extends `${string}${' ' | '#'}${string}`
      ? never
      : I;
/** A placeholder inside the first plural branch: " one {# on {where" → "where". */
type BranchNames<B extends string> = B extends `${string}{${string}{${infer Last}` ? InnerName<Last> : never;

/** The vars argument of a message: required, with exactly its placeholders, when it has any. */
export type VarsOf<S> = [Placeholders<S>] extends [never] ? [vars?: Vars] : [vars: Readonly<Record<Placeholders<S>, string | number>>];
