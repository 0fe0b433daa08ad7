// One node's own sign-in (fleet mode): for a node that refused the fleet's
// credentials, or a node page opened before its node was signed in. No antd:
// it shows on the login page too.
import { useId, useState, type FormEvent } from 'react';
import { Spinner } from '../../../components/spinner';
import { useLang, useT } from '../../../i18n';
import type { NodeInfo } from '../../../session/node-store';
import { signInNode } from '../../../session/session-api';
import { useLoginT } from '../messages';
import { describeRefusal } from './refusal';
import '../pages/login-page.css';

export function NodeSignIn({
  node,
  user: initialUser = '',
  refusal,
  open: initiallyOpen = false,
  onSignedIn,
}: {
  node: NodeInfo;
  user?: string;
  /** What the node answered to the fleet's sign-in. */
  refusal?: unknown;
  open?: boolean;
  onSignedIn?: () => void;
}) {
  const t = useT();
  const lt = useLoginT();
  const lang = useLang();
  const ids = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const [user, setUser] = useState(initialUser);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(refusal);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending || user.trim() === '' || password === '') return;
    setPending(true);
    try {
      await signInNode(node.id, { user: user.trim(), password });
      setFailure(undefined);
      onSignedIn?.();
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  const reason = failure === undefined ? null : describeRefusal(failure, lang, t);
  return (
    <section className="node-sign-in" aria-labelledby={`${ids}-name`}>
      <div className="node-sign-in__head">
        <strong id={`${ids}-name`}>{node.name}</strong>
        {node.site && <span className="node-sign-in__site">{lt('node.site', { site: node.site })}</span>}
      </div>
      {reason && (
        <p className="node-sign-in__reason" role="alert">
          {reason.title}
          {reason.code !== undefined && ` (${t('error.device.code', { code: reason.code })})`}
        </p>
      )}
      {!open ? (
        <button type="button" className="node-sign-in__open" onClick={() => setOpen(true)}>
          {lt('fleet.signInNode')}
        </button>
      ) : (
        <form
          className="login-form"
          noValidate
          onSubmit={(e) => void submit(e)}
          aria-label={lt('fleet.signInNodeSubmit', { node: node.name })}
        >
          <div className="login-form__field">
            <label htmlFor={`${ids}-user`}>{t('login.userName')}</label>
            <input
              id={`${ids}-user`}
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={user}
              onChange={(e) => setUser(e.target.value)}
            />
          </div>
          <div className="login-form__field">
            <label htmlFor={`${ids}-password`}>{t('login.password')}</label>
            <input
              id={`${ids}-password`}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" className="login-form__submit" disabled={pending || password === ''} aria-busy={pending}>
            {pending && <Spinner />}
            <span>{lt('fleet.signInNodeSubmit', { node: node.name })}</span>
          </button>
        </form>
      )}
    </section>
  );
}
