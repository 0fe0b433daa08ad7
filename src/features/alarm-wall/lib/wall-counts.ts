// The wall's counts (shown, held, waiting), apart from the list: the title's
// summary and "Acknowledge all (N)" read them here, so a new alarm re-renders
// those two texts and the grid, not the page's title and toolbar (antd
// components cost a few ms a render, and the wall renders at every flush).
import { useState } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface WallCounts {
  /** Alarms the filters let through. */
  readonly shown: number;
  /** Alarms in the buffer. */
  readonly held: number;
  /** Shown and not acknowledged. */
  readonly unacknowledged: number;
}

export type WallCountsStore = StoreApi<WallCounts>;

/** One per wall, made once. */
export function useWallCountsStore(): WallCountsStore {
  const [store] = useState(() => createStore<WallCounts>()(() => ({ shown: 0, held: 0, unacknowledged: 0 })));
  return store;
}

export function useWallCount<K extends keyof WallCounts>(store: WallCountsStore, key: K): WallCounts[K] {
  return useStore(store, (s) => s[key]);
}
