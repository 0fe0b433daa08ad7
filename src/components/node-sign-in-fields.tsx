// A node's sign-in inside a dialog over a page: the re-login dialog of a node's
// pages and the merged wall's per-node sign-in ask the same things the same way.
import { Alert, Checkbox, Form, Input, type InputRef } from 'antd';
import type { Ref } from 'react';
import { describeError } from '../api/device-error';
import { DeviceError } from '../api/errors';
import { ErrorCode } from '../api/protocol/error-codes';
import { translate, type Lang } from '../i18n';

export interface SignInFailure {
  title: string;
  hint?: string;
}

/** What went wrong, in words; a refused password says so plainly. */
export function signInFailure(e: unknown, lang: Lang): SignInFailure {
  const described = describeError(e, lang);
  return e instanceof DeviceError && e.code === ErrorCode.BAD_CREDENTIALS
    ? { ...described, title: translate(lang, 'login.wrongCredentials') }
    : described;
}

export interface NodeSignInFieldsProps {
  ids: string;
  lang: Lang;
  user: string;
  /** Absent: the user name is the session's and cannot change. */
  onUser?: (value: string) => void;
  password: string;
  onPassword: (value: string) => void;
  passwordRef?: Ref<InputRef>;
  failure: SignInFailure | null;
  keep?: boolean;
  /** Absent: no "keep signed in" (a page that is not a wall's). */
  onKeep?: (keep: boolean) => void;
  keepLabel?: string;
  /** The password takes the focus when it shows (a dialog that just opened); default true. */
  autoFocus?: boolean;
}

export function NodeSignInFields(p: NodeSignInFieldsProps) {
  const t = (key: 'login.userName' | 'login.password' | 'login.keepHint') => translate(p.lang, key);
  return (
    <>
      <Form.Item label={t('login.userName')} htmlFor={`${p.ids}-user`}>
        {p.onUser ? (
          <Input id={`${p.ids}-user`} value={p.user} autoComplete="username" onChange={(e) => p.onUser?.(e.target.value)} />
        ) : (
          <Input id={`${p.ids}-user`} value={p.user} readOnly tabIndex={-1} autoComplete="username" />
        )}
      </Form.Item>
      <Form.Item label={t('login.password')} htmlFor={`${p.ids}-password`} validateStatus={p.failure ? 'error' : undefined}>
        <Input.Password
          ref={p.passwordRef}
          id={`${p.ids}-password`}
          autoFocus={p.autoFocus ?? true}
          autoComplete="current-password"
          value={p.password}
          onChange={(e) => p.onPassword(e.target.value)}
        />
      </Form.Item>
      {p.failure && <Alert type="error" showIcon title={p.failure.title} description={p.failure.hint} style={{ marginBottom: 16 }} />}
      {p.onKeep && (
        <Form.Item extra={t('login.keepHint')}>
          <Checkbox checked={p.keep} onChange={(e) => p.onKeep?.(e.target.checked)}>
            {p.keepLabel}
          </Checkbox>
        </Form.Item>
      )}
    </>
  );
}
