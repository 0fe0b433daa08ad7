// A tiny typed i18n: two catalogues, {name} placeholders, no library (the
// login page's bundle budget has no room for one).
import { useCallback } from 'react';
import type { MessageKey, Vars } from './catalogue';
import { enUS } from './en-US';
import { selectLang, useLangStore, type Lang } from './lang-store';
import { zhCN } from './zh-CN';

export type { MessageKey, Vars } from './catalogue';
export { LANGS, currentLang, detectLang, syncDocumentLang, useLangStore, type Lang } from './lang-store';

const CATALOGUES: Record<Lang, Readonly<Record<MessageKey, string>>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = CATALOGUES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type T = (key: MessageKey, vars?: Vars) => string;

export function useLang(): Lang {
  return useLangStore(selectLang);
}

export function useT(): T {
  const lang = useLang();
  return useCallback<T>((key, vars) => translate(lang, key, vars), [lang]);
}
