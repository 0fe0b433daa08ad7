import { memo } from 'react';
import { useLang } from '../../../i18n';
import { ageText, deviceClock } from '../lib/device-time';
import { useNow } from '../lib/ticker';
import { useWallT } from '../messages';

/** "12 seconds ago", counting on the shared 1 s ticker: only this text re-renders each second. */
export const Ago = memo(function Ago({ trigger }: { trigger: string }) {
  const t = useWallT();
  const lang = useLang();
  const now = useNow();
  const seconds = deviceClock.ageSeconds(trigger, now);
  if (seconds === null) return null;
  return <span className="wall-ago">{ageText(seconds, lang, t('time.justNow'))}</span>;
});
