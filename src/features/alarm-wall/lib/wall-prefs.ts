// The wall's preferences for this browser: sound on/off, its volume, the layout
// last chosen. Kept in localStorage (a wall monitor keeps them across shifts);
// nothing secret here.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const WALL_PREFS_KEY = 'nebula.alarmWall.prefs';
export const DEFAULT_VOLUME = 70;

export type WallLayout = 'flow' | 'tiles';

interface WallPrefs {
  muted: boolean;
  /** 0-100. */
  volume: number;
  /** The layout a wall opens in when its link does not say (use-wall-view.ts). */
  layout: WallLayout;
  setMuted(muted: boolean): void;
  toggleMuted(): void;
  setVolume(volume: number): void;
  setLayout(layout: WallLayout): void;
}

export const useWallPrefs = create<WallPrefs>()(
  persist(
    (set) => ({
      muted: false,
      volume: DEFAULT_VOLUME,
      layout: 'flow',
      setMuted: (muted) => set({ muted }),
      toggleMuted: () => set((s) => ({ muted: !s.muted })),
      setVolume: (volume) => set({ volume: Math.min(100, Math.max(0, Math.round(volume))) }),
      setLayout: (layout) => set({ layout }),
    }),
    {
      name: WALL_PREFS_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ muted: s.muted, volume: s.volume, layout: s.layout }),
    },
  ),
);
