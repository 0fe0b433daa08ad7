import { useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../../config/paths';
import { Brand } from '../../../components/brand';
import { LanguageSwitch } from '../../../components/language-switch';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useT } from '../../../i18n';
import { LoginForm } from '../components/login-form';
import { FleetLoginForm } from '../components/fleet-login-form';
import { useLoginT } from '../messages';
import { useNodeStore } from '../../../session/node-store';
import { useSessionStore } from '../../../session/session-store';
import './login-page.css';

/** No antd here: this page must load fast on a device's link (bench/bundle.ts). */
export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const expired = useSessionStore((s) => s.expired);
  const restarted = useSessionStore((s) => s.restarted);
  const lt = useLoginT();
  const fleet = useNodeStore((s) => s.fleet);
  useDocumentTitle(t('login.submit'));

  const next = safeNext(params.get('next'));
  return (
    <main className="login">
      <div className="login__top">
        <LanguageSwitch />
      </div>
      <section className="login__card" aria-labelledby="login-heading">
        <Brand />
        <h1 id="login-heading" className="login__heading">
          {fleet ? lt('fleet.heading') : t('login.heading')}
        </h1>
        {expired && !fleet && (
          <p className="login__notice" role="status">
            {t(restarted ? 'login.restarted' : 'login.expired')}
          </p>
        )}
        {fleet ? (
          <FleetLoginForm onLoggedIn={() => void navigate(next, { replace: true })} />
        ) : (
          <LoginForm onLoggedIn={() => navigate(next, { replace: true })} />
        )}
      </section>
      <p className="login__footer">{t('login.device', { host: location.host })}</p>
    </main>
  );
}
