// Over the page, never instead of it: a -141 while the user edits asks for the
// password in place; the calls that met the expiry wait (src/api/client.ts)
// and are sent again once a new session starts, so unsaved input and a Save in
// flight survive an expiry or a device restart.
import { Button, Form, Modal, Typography, type InputRef } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useReducer, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { callOn } from '../../../api/device';
import { NodeSignInFields, signInFailure, type SignInFailure } from '../../../components/node-sign-in-fields';
import { describeError } from '../../../api/device-error';
import { DeviceError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { login } from '../../../api/protocol/session';
import { useLang, useT } from '../../../i18n';
import { loginPath } from '../../../config/paths';
import { keepCredentials, keptCredentials } from '../../../session/kept-credentials';
import { abandonWaitingCalls, useSessionStore } from '../../../session/session-store';
import { useNodeStore } from '../../../session/node-store';

/** Fleet mode: the dialog is the shown node's (app-layout keys it by node), and says which node. */
function useNodeName(node: string): string | null {
  return useNodeStore((s) => (s.fleet ? (s.nodes.find((n) => n.id === node)?.name ?? node) : null));
}

const RENEW_FIRST_MS = 2_000;
const RENEW_MAX_MS = 30_000;

export function ReauthDialog() {
  const expired = useSessionStore((s) => s.expired && s.sessionId === null);
  // Kept credentials the device refused are dropped: render again to ask the person.
  const [, recheck] = useReducer((n: number) => n + 1, 0);
  const node = useSessionStore((s) => s.node);
  if (!expired) return null;
  return keptCredentials(node) ? <KeptRenewal onRefused={recheck} /> : <PasswordDialog />;
}

function PasswordDialog() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ids = useId();
  const node = useSessionStore((s) => s.node);
  const nodeName = useNodeName(node);
  const user = useSessionStore((s) => s.user) ?? '';
  const restarted = useSessionStore((s) => s.restarted);
  const [password, setPassword] = useState('');
  const passwordRef = useRef<InputRef>(null);
  const [keep, setKeep] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);

  async function submit() {
    if (pending || password === '') return;
    setPending(true);
    setFailure(null);
    try {
      const sessionId = await callOn(node)(login, { user_name: user, user_pwd: password });
      keepCredentials(keep ? { user, password } : null, node);
      // The same user goes on where they were: no cache is cleared, the waiting calls go out,
      // and what is on screen is read again (after a restart, settings may have changed).
      useSessionStore.getState().start(sessionId, user, node);
      void queryClient.invalidateQueries();
    } catch (e) {
      setFailure(signInFailure(e, lang));
    } finally {
      setPending(false);
    }
  }

  function otherUser() {
    const here = window.location.pathname + window.location.search + window.location.hash;
    // What met the expiry is dropped, not sent later under whoever logs in next.
    abandonWaitingCalls(node);
    // Fleet mode: another user means another user on every node (the login page is the fleet's).
    const fleet = useNodeStore.getState();
    if (fleet.fleet) for (const n of fleet.nodes) useSessionStore.getState().clear(n.id);
    void navigate(loginPath(here), { replace: true });
  }

  return (
    <Modal
      open
      title={nodeName === null ? t('reauth.title') : `${t('reauth.title')} · ${nodeName}`}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={null}
      destroyOnHidden
      zIndex={2000}
      // The dialog's own focus lands on its first field, the read-only user name: the password is what to type.
      afterOpenChange={(open) => open && passwordRef.current?.focus()}
    >
      <Typography.Paragraph>{t(restarted ? 'reauth.restarted' : 'reauth.expired')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()} requiredMark={false}>
        <NodeSignInFields
          ids={ids}
          lang={lang}
          user={user}
          password={password}
          onPassword={setPassword}
          passwordRef={passwordRef}
          failure={failure}
          keep={keep}
          onKeep={setKeep}
          keepLabel={t('login.keep')}
        />
        <Button type="primary" htmlType="submit" block loading={pending} disabled={password === ''}>
          {t('reauth.submit')}
        </Button>
        <Button type="link" block onClick={otherUser} style={{ marginTop: 8, whiteSpace: 'normal', height: 'auto' }}>
          {t('reauth.otherUser')}
        </Button>
      </Form>
    </Modal>
  );
}

/** A kept wall display logs in again by itself, retrying while the device restarts. */
function KeptRenewal({ onRefused }: { onRefused: () => void }) {
  const t = useT();
  const lang = useLang();
  const queryClient = useQueryClient();
  const node = useSessionStore((s) => s.node);
  const [problem, setProblem] = useState<string | null>(null);
  const delay = useRef(RENEW_FIRST_MS);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function attempt() {
      const creds = keptCredentials(node);
      if (!creds || stopped) return;
      try {
        const sessionId = await callOn(node)(login, { user_name: creds.user, user_pwd: creds.password });
        if (stopped) return;
        useSessionStore.getState().start(sessionId, creds.user, node);
        void queryClient.invalidateQueries();
      } catch (e) {
        if (stopped) return;
        // A changed password cannot come right by waiting: ask the person.
        if (e instanceof DeviceError && e.code === ErrorCode.BAD_CREDENTIALS) {
          keepCredentials(null, node);
          onRefused();
          return;
        }
        setProblem(describeError(e, lang).title);
        timer = setTimeout(() => void attempt(), delay.current);
        delay.current = Math.min(delay.current * 2, RENEW_MAX_MS);
      }
    }
    void attempt();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [lang, node, onRefused, queryClient]);

  return (
    <div className="reauth-renewing" role="alert">
      {t('reauth.renewing')}
      {problem && <div>{t('reauth.renewFailed', { reason: problem })}</div>}
    </div>
  );
}
