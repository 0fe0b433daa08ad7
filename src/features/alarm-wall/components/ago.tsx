import { memo } from 'react';
import { useLang } from '../../../i18n';
import { ageText } from '../lib/device-time';
import { useNow } from '../lib/ticker';
import { useWallT } from '../messages';

/**
 * "12 seconds ago", counting on the shared 1 s ticker: only this text re-renders
 * each second. `at` is our clock's time of the capture (the live socket maps the
 * device's clock, steps included), so an alarm stamped while the device's clock
 * ran ahead does not read "just now" for an hour.
 */
export const Ago = memo(function Ago({ at }: { at: number }) {
  const t = useWallT();
  const lang = useLang();
  const now = useNow();
  return <span className="wall-ago">{ageText(Math.max(0, Math.floor((now - at) / 1000)), lang, t('time.justNow'))}</span>;
});
