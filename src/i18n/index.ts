// A tiny typed i18n: two catalogues, {name} placeholders, no library (the
// login page's bundle budget has no room for one).
import { useCallback } from 'react';
import type { MessageKey, Translation, Vars, VarsOf } from './catalogue';
import { enUS } from './en-US';
import { selectLang, useLangStore, type Lang } from './lang-store';
import { formatMessage } from './format';
import { zhCN } from './zh-CN';

export type { MessageKey, Translation, Vars, VarsOf } from './catalogue';
export { formatAgo } from './format';
export { LANGS, currentLang, detectLang, syncDocumentLang, useLangStore, type Lang } from './lang-store';

const CATALOGUES: Record<Lang, Readonly<Record<MessageKey, string>>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return formatMessage(lang, CATALOGUES[lang][key], vars);
}

/**
 * A feature's own messages, beside its code (so features do not all edit one
 * file): `export const useCameraT = defineMessages({ 'zh-CN': {...}, 'en-US': {...} })`.
 * zh-CN is the source; en-US must have the same keys (a type error otherwise).
 */
export function defineMessages<Source extends Readonly<Record<string, string>>>(catalogues: {
  'zh-CN': Source;
  'en-US': Translation<NoInfer<Source>>;
}) {
  type K = keyof Source & string;
  const translateIn = <Key extends K>(lang: Lang, key: Key, ...args: VarsOf<Source[Key]>) =>
    formatMessage(lang, catalogues[lang][key] as string, args[0]);
  function useMessages(): <Key extends K>(key: Key, ...args: VarsOf<Source[Key]>) => string {
    const lang = useLang();
    return useCallback(<Key extends K>(key: Key, ...args: VarsOf<Source[Key]>) => translateIn(lang, key, ...args), [lang]);
  }
  return Object.assign(useMessages, { translate: translateIn });
}

export type T = (key: MessageKey, vars?: Vars) => string;

export function useLang(): Lang {
  return useLangStore(selectLang);
}

export function useT(): T {
  const lang = useLang();
  return useCallback<T>((key, vars) => translate(lang, key, vars), [lang]);
}
