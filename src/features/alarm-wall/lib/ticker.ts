// One shared clock for every "12 s ago" and the kiosk clock: a single 1 s
// interval while anyone listens, not a timer per card.
import { useSyncExternalStore } from 'react';

let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    // Aligned to the next whole second so every card turns over together.
    const first = setTimeout(
      () => {
        tick();
        timer = setInterval(tick, 1000);
      },
      1000 - (Date.now() % 1000),
    );
    timer = first;
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearTimeout(timer);
      clearInterval(timer);
      timer = null;
    }
  };
}

const read = () => now;

/** Our clock, to the second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * Something derived from the clock (a date, a countdown): the component
 * re-renders only when the derived value changes, not every second.
 */
export function useTicked<T extends string | number | boolean | null>(derive: (now: number) => T): T {
  const get = () => derive(now);
  return useSyncExternalStore(subscribe, get, get);
}

/** Views outside React (the wall's tiles): told each second; returns the unsubscribe. */
export { subscribe as onTick, read as tickedNow };
