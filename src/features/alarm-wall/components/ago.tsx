import { memo } from 'react';
import { deviceClock, ageWords } from '../lib/device-time';
import { useNow } from '../lib/ticker';
import { useWallT } from '../messages';

/** "12 s ago", counting on the shared 1 s ticker: only this text re-renders each second. */
export const Ago = memo(function Ago({ trigger }: { trigger: string }) {
  const t = useWallT();
  const now = useNow();
  const seconds = deviceClock.ageSeconds(trigger, now);
  if (seconds === null) return null;
  const w = ageWords(seconds);
  return <span className="wall-ago">{'n' in w ? t(w.key, { n: w.n }) : t(w.key)}</span>;
});
