// The user's language: the browser's (navigator.languages) until they pick one,
// then their pick, kept in localStorage as a preference (it is not a secret).
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

/** Every Chinese variant reads zh-CN (we have no zh-TW catalogue yet); anything else English. */
export function detectLang(preferred: readonly string[] | undefined): Lang {
  for (const tag of preferred ?? []) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en-US';
  }
  return 'en-US';
}

function browserLangs(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

interface LangState {
  /** What the user picked; null: follow the browser. */
  chosen: Lang | null;
  detected: Lang;
  choose(lang: Lang): void;
}

export const useLangStore = create<LangState>()(
  persist(
    (set) => ({
      chosen: null,
      detected: detectLang(browserLangs()),
      choose: (lang) => set({ chosen: lang }),
    }),
    {
      name: 'nebula.lang',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ chosen: s.chosen }),
      // A hand-edited or stale value must not break the catalogue lookup.
      merge: (persisted, current) => {
        const chosen = (persisted as { chosen?: unknown } | undefined)?.chosen;
        return { ...current, chosen: LANGS.includes(chosen as Lang) ? (chosen as Lang) : null };
      },
    },
  ),
);

export const selectLang = (s: LangState): Lang => s.chosen ?? s.detected;

export function currentLang(): Lang {
  return selectLang(useLangStore.getState());
}

/** Keeps <html lang> in step, for screen readers and the browser's fonts. */
export function syncDocumentLang(): () => void {
  const apply = () => {
    if (typeof document !== 'undefined') document.documentElement.lang = currentLang();
  };
  apply();
  return useLangStore.subscribe(apply);
}
