// A node whose session ended signs in again here, on the fleet's page, so the
// form being applied stays on screen (the node pages' re-login dialog is the
// shown node's; these pages show none).
import { Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { signInNode } from '../../../session/session-api';
import { sessionOf, useSessionStore } from '../../../session/session-store';
import { useFleetOpsT } from '../messages';

/** The user name this node was signed in with, or the one another node has (sites share it). */
export function userFor(node: string): string {
  return sessionOf(node).user ?? Object.values(useSessionStore.getState().sessions).find((s) => s.user)?.user ?? 'admin';
}

export function NodeSignInInline({ node, name, onSignedIn }: { node: string; name: string; onSignedIn?: () => void }) {
  const t = useFleetOpsT();
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const user = userFor(node);
  async function submit() {
    if (!password || pending) return;
    setPending(true);
    setError(null);
    try {
      await signInNode(node, { user, password });
      setPassword('');
      onSignedIn?.();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }
  return (
    <Form layout="vertical" onFinish={() => void submit()} aria-label={t('signIn.submit', { node: name })}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('signIn.help', { user })}
      </Typography.Paragraph>
      <Space wrap align="start">
        <Input.Password
          aria-label={t('signIn.label', { node: name })}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button htmlType="submit" type="primary" loading={pending} disabled={!password}>
          {t('signIn.submit', { node: name })}
        </Button>
      </Space>
      {error !== null && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={error} />
        </div>
      )}
    </Form>
  );
}
