// Which live buffer the wall shows: the node's (live-connection.tsx's socket),
// or, on the merged wall of fleet mode, the fleet's (one socket per node,
// src/live/fleet-live.ts). The page and its parts read it from here, so one
// wall serves both.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { liveStore, type LiveStore, type LiveStoreState } from '../../../live';

export const WallStoreContext = createContext<LiveStore>(liveStore);

export function useWallStoreApi(): LiveStore {
  return useContext(WallStoreContext);
}

export function useWallStore<T>(selector: (s: LiveStoreState) => T): T {
  return useStore(useWallStoreApi(), selector);
}
