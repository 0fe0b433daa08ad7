// Light or dark: the system's until the user picks, then their pick, kept in
// localStorage as a preference. <html data-theme> lets plain CSS follow.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type Theme = 'light' | 'dark';

interface ThemeState {
  chosen: Theme | null;
  choose(theme: Theme): void;
}

export const useThemeStore = create<ThemeState>()(
  persist((set) => ({ chosen: null, choose: (theme) => set({ chosen: theme }) }), {
    name: 'nebula.theme',
    storage: createJSONStorage(() => localStorage),
    merge: (persisted, current) => {
      const chosen = (persisted as { chosen?: unknown } | undefined)?.chosen;
      return { ...current, chosen: chosen === 'light' || chosen === 'dark' ? chosen : null };
    },
  }),
);

function systemTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useTheme(): Theme {
  return useThemeStore((s) => s.chosen) ?? systemTheme();
}

export function syncDocumentTheme(theme: Theme): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme;
}
