// One node's sign-in on a fleet page (the settings' outcome of a node whose
// session ended, the records' node not signed in, the merged wall's dialog),
// with the re-login dialog's fields and wording (node-sign-in-fields.tsx). The
// user name is the one this node had, or another node's (sites usually share
// it); "keep signed in" only where a wall display asks for it.
import { Button, Form } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { defineMessages, useLang, type Translation } from '../i18n';
import { keepCredentials } from '../session/kept-credentials';
import { signInNode } from '../session/session-api';
import { sessionOf, useSessionStore } from '../session/session-store';
import { NodeSignInFields, signInFailure, type SignInFailure } from './node-sign-in-fields';

const zhCN = { submit: '登录 {node}' } as const;
const enUS: Translation<typeof zhCN> = { submit: 'Sign in to {node}' };
const useSignInT = defineMessages({ 'zh-CN': zhCN, 'en-US': enUS });

/** The user name this node was signed in with, or the one another node has. */
function userFor(node: string): string | null {
  return sessionOf(node).user ?? Object.values(useSessionStore.getState().sessions).find((s) => s.user)?.user ?? null;
}

export function NodeSignInForm({
  node,
  name,
  onSignedIn,
  autoFocus = false,
  editUser = false,
  keepLabel,
  children,
}: {
  node: string;
  name: string;
  onSignedIn?: () => void;
  /** The password takes the focus (in a dialog that just opened); not in a list on a page. */
  autoFocus?: boolean;
  /** The user name can be changed (a wall PC may watch a node under another account). */
  editUser?: boolean;
  /** Offers to keep this node signed in (a wall display), with these words. */
  keepLabel?: string;
  /** Said above the fields. */
  children?: ReactNode;
}) {
  const t = useSignInT();
  const lang = useLang();
  const ids = useId();
  const [user, setUser] = useState(() => userFor(node) ?? (editUser ? '' : 'admin'));
  const [password, setPassword] = useState('');
  const [keep, setKeep] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);

  async function submit() {
    if (password === '' || user.trim() === '' || pending) return;
    setPending(true);
    setFailure(null);
    try {
      const creds = { user: user.trim(), password };
      await signInNode(node, creds);
      if (keepLabel !== undefined) keepCredentials(keep ? creds : null, node);
      setPassword('');
      onSignedIn?.();
    } catch (e) {
      setFailure(signInFailure(e, lang));
    } finally {
      setPending(false);
    }
  }

  return (
    <Form layout="vertical" onFinish={() => void submit()} requiredMark={false} aria-label={t('submit', { node: name })}>
      {children}
      <NodeSignInFields
        ids={ids}
        lang={lang}
        user={user}
        onUser={editUser ? setUser : undefined}
        password={password}
        onPassword={setPassword}
        failure={failure}
        autoFocus={autoFocus}
        keep={keep}
        onKeep={keepLabel === undefined ? undefined : setKeep}
        keepLabel={keepLabel}
      />
      <Button htmlType="submit" type="primary" loading={pending} disabled={password === '' || user.trim() === ''}>
        {t('submit', { node: name })}
      </Button>
    </Form>
  );
}
