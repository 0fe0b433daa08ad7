// One node's sign-in in place on a fleet page (the settings' outcome of a node
// whose session ended, the records' node not signed in), with the re-login
// dialog's fields and wording (node-sign-in-fields.tsx). The user name is the
// one this node had, or another node's (sites usually share it); no "keep
// signed in": that is a wall display's.
import { Button, Form } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { defineMessages, useLang, type Translation } from '../i18n';
import { signInNode } from '../session/session-api';
import { sessionOf, useSessionStore } from '../session/session-store';
import { NodeSignInFields, signInFailure, type SignInFailure } from './node-sign-in-fields';

const zhCN = { submit: '登录 {node}' } as const;
const enUS: Translation<typeof zhCN> = { submit: 'Sign in to {node}' };
const useSignInT = defineMessages({ 'zh-CN': zhCN, 'en-US': enUS });

/** The user name this node was signed in with, or the one another node has. */
function userFor(node: string): string {
  return sessionOf(node).user ?? Object.values(useSessionStore.getState().sessions).find((s) => s.user)?.user ?? 'admin';
}

export function NodeSignInForm({
  node,
  name,
  onSignedIn,
  autoFocus = false,
  children,
}: {
  node: string;
  name: string;
  onSignedIn?: () => void;
  /** The password takes the focus (in a dialog that just opened); not in a list on a page. */
  autoFocus?: boolean;
  /** Said above the fields. */
  children?: ReactNode;
}) {
  const t = useSignInT();
  const lang = useLang();
  const ids = useId();
  const [user] = useState(() => userFor(node));
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);

  async function submit() {
    if (password === '' || pending) return;
    setPending(true);
    setFailure(null);
    try {
      await signInNode(node, { user, password });
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
        password={password}
        onPassword={setPassword}
        failure={failure}
        autoFocus={autoFocus}
      />
      <Button htmlType="submit" type="primary" loading={pending} disabled={password === ''}>
        {t('submit', { node: name })}
      </Button>
    </Form>
  );
}
