import { CredentialFields } from './credential-fields';
import { useId, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../../api/device-error';
import { DeviceError } from '../../../api/errors';
import { USER_NAME_PATTERN } from '../../../api/protocol/limits';
import { Spinner } from '../../../components/spinner';
import { useLang, useT, type MessageKey } from '../../../i18n';
import { keepCredentials } from '../../../session/kept-credentials';
import { useLogin } from '../../../session/session-api';
import { ErrorCode } from '../../../api/protocol/error-codes';

/** -113: wrong user name or password (Appendix A). */

/**
 * §2.1's rule for a user name. The password is only required here: the
 * strength rule is for setting one (§1's own example logs in with "123456").
 */
export function checkUserName(name: string): MessageKey | null {
  if (name === '') return 'login.userRequired';
  return USER_NAME_PATTERN.test(name) ? null : 'login.userInvalid';
}

export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const t = useT();
  const lang = useLang();
  const login = useLogin();
  const ids = useId();
  const userRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [user, setUser] = useState('');
  // Held in this component only while typing: never in a store or storage.
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const [keep, setKeep] = useState(false);

  // A stray space from a paste is not part of the name.
  const userName = user.trim();
  const userProblem = checked ? checkUserName(userName) : null;
  const passwordProblem: MessageKey | null = checked && password === '' ? 'login.passwordRequired' : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (login.isPending) return;
    setChecked(true);
    const userIssue = checkUserName(userName);
    if (userIssue) return userRef.current?.focus();
    if (password === '') return passwordRef.current?.focus();
    login.mutate(
      { user: userName, password },
      {
        onSuccess: () => {
          keepCredentials(keep ? { user: userName, password } : null);
          onLoggedIn();
        },
      },
    );
  }

  const failure = login.error ? describeLoginError(login.error) : null;
  function describeLoginError(error: Error) {
    const described = describeError(error, lang);
    // The device's own English for -113 is "Username or password error": say it plainly.
    if (error instanceof DeviceError && error.code === ErrorCode.BAD_CREDENTIALS) {
      return { ...described, title: t('login.wrongCredentials') };
    }
    return described;
  }

  const failureId = `${ids}-failure`;

  return (
    <form className="login-form" noValidate onSubmit={submit}>
      <CredentialFields
        ids={ids}
        user={user}
        onUser={setUser}
        password={password}
        onPassword={setPassword}
        userProblem={userProblem}
        passwordProblem={passwordProblem}
        userRef={userRef}
        passwordRef={passwordRef}
      />
      <div className="login-form__keep">
        <input
          id={`${ids}-keep`}
          type="checkbox"
          checked={keep}
          onChange={(e) => setKeep(e.target.checked)}
          aria-describedby={`${ids}-keep-hint`}
        />
        <label htmlFor={`${ids}-keep`}>{t('login.keep')}</label>
        <p id={`${ids}-keep-hint`} className="login-form__keep-hint">
          {t('login.keepHint')}
        </p>
      </div>
      {failure && (
        <div id={failureId} role="alert" className="login-form__failure">
          <p className="login-form__failure-title">{failure.title}</p>
          <p className="login-form__failure-hint">{failure.hint}</p>
          {failure.code !== undefined && <p className="login-form__failure-code">{t('error.device.code', { code: failure.code })}</p>}
        </div>
      )}
      <button type="submit" className="login-form__submit" disabled={login.isPending} aria-busy={login.isPending}>
        {login.isPending && <Spinner />}
        <span>{t('login.submit')}</span>
      </button>
      <p className="visually-hidden" role="status">
        {login.isPending ? t('login.sending') : ''}
      </p>
    </form>
  );
}
