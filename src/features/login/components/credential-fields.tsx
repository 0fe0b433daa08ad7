// The user name and password of a sign-in form, with their problems: one
// markup for the one-node form and the fleet's.
import type { RefObject } from 'react';
import { useT, type MessageKey } from '../../../i18n';

export interface CredentialFieldsProps {
  ids: string;
  user: string;
  onUser: (value: string) => void;
  password: string;
  onPassword: (value: string) => void;
  userProblem: MessageKey | null;
  passwordProblem: MessageKey | null;
  userRef: RefObject<HTMLInputElement | null>;
  passwordRef: RefObject<HTMLInputElement | null>;
}

export function CredentialFields(p: CredentialFieldsProps) {
  const t = useT();
  const userErrorId = `${p.ids}-user-error`;
  const passwordErrorId = `${p.ids}-password-error`;
  return (
    <>
      <div className="login-form__field">
        <label htmlFor={`${p.ids}-user`}>{t('login.userName')}</label>
        <input
          ref={p.userRef}
          id={`${p.ids}-user`}
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          // The login page is there to type into.
          // oxlint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          value={p.user}
          onChange={(e) => p.onUser(e.target.value)}
          aria-invalid={p.userProblem ? true : undefined}
          aria-describedby={p.userProblem ? userErrorId : undefined}
        />
        {p.userProblem && (
          <p id={userErrorId} className="login-form__problem">
            {t(p.userProblem)}
          </p>
        )}
      </div>
      <div className="login-form__field">
        <label htmlFor={`${p.ids}-password`}>{t('login.password')}</label>
        <input
          ref={p.passwordRef}
          id={`${p.ids}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          value={p.password}
          onChange={(e) => p.onPassword(e.target.value)}
          aria-invalid={p.passwordProblem ? true : undefined}
          aria-describedby={p.passwordProblem ? passwordErrorId : undefined}
        />
        {p.passwordProblem && (
          <p id={passwordErrorId} className="login-form__problem">
            {t(p.passwordProblem)}
          </p>
        )}
      </div>
    </>
  );
}
