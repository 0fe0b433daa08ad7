// Plain React on purpose: the login page shows it, and antd must not load there.
import { LANGS, useLang, useLangStore, useT, type Lang } from '../i18n';
import './language-switch.css';

/** Each language named in itself, so a user lost in the other one finds theirs. */
const NAMES: Record<Lang, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useT();
  const lang = useLang();
  const choose = useLangStore((s) => s.choose);
  return (
    <div role="group" aria-label={t('lang.label')} className={['lang-switch', className].filter(Boolean).join(' ')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => choose(l)}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
