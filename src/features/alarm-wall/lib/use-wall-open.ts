// What the wall changes outside itself while it is open, and gives back when it
// closes: the live store's flush rate and pause, and the audio unlock.
import { useEffect } from 'react';
import type { LiveStore } from '../../../live';
import { checkSoundAllowed, unlockSound } from './alarm-sound';

/**
 * The store flushes at most every 50 ms; while the wall is open, at most once
 * a frame (16 ms), and an alarm after a quiet spell at once, so it reaches the
 * screen in the next frame. A timer, not requestAnimationFrame: rendering
 * inside the frame's own callbacks delayed its paint (bench/wall.ts measured
 * p99 twice as long), and a rAF loop makes the browser produce frames even
 * when nothing changed, which costs a wall monitor real CPU all day.
 */
const FLUSH_MS = 16;
/**
 * The tile layout fills its tiles as alarms arrive, before any flush; the
 * list behind it (counts, pinned alarms, sound) follows within 0.25 s, and a
 * flush never shares the frame that paints a tile (bench:fleet, tiles).
 */
const TILES_FLUSH_MS = 250;

export function useWallOpen(store: LiveStore, tiles = false): void {
  useEffect(() => {
    if (tiles) store.getState().setFlushMs(TILES_FLUSH_MS, TILES_FLUSH_MS);
    else store.getState().setFlushMs(FLUSH_MS);
    return () => store.getState().setFlushMs(null);
  }, [store, tiles]);

  // Paused is the wall's state: leaving the wall resumes the flow.
  useEffect(() => () => store.getState().setPaused(false), [store]);

  // Audio needs a user gesture first: any click or key on the page counts.
  useEffect(() => {
    checkSoundAllowed();
    const unlock = () => unlockSound();
    document.addEventListener('pointerdown', unlock, true);
    document.addEventListener('keydown', unlock, true);
    return () => {
      document.removeEventListener('pointerdown', unlock, true);
      document.removeEventListener('keydown', unlock, true);
    };
  }, []);
}
