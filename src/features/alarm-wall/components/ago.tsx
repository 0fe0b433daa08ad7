import { memo } from 'react';
import { ageWords } from '../lib/device-time';
import { useNow } from '../lib/ticker';
import { useWallT } from '../messages';

/**
 * "12 s ago", counting on the shared 1 s ticker: only this text re-renders each
 * second. `at` is our clock's time of the capture (the live socket maps the
 * device's clock, steps included), so an alarm stamped while the device's clock
 * ran ahead does not read "just now" for an hour.
 */
export const Ago = memo(function Ago({ at }: { at: number }) {
  const t = useWallT();
  const now = useNow();
  const w = ageWords(Math.max(0, Math.floor((now - at) / 1000)));
  return <span className="wall-ago">{'n' in w ? t(w.key, { n: w.n }) : t(w.key)}</span>;
});
