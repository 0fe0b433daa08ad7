// Fleet sign-in: one form, the same credentials on every node at once (sites
// usually share them). Nodes that refused are listed with the device's reason
// in words, each with its own sign-in; the console opens once at least one
// node is in (the overview shows the rest as "not signed in").
import { CredentialFields } from './credential-fields';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Spinner } from '../../../components/spinner';
import { useT, type MessageKey } from '../../../i18n';
import { useNodeStore } from '../../../session/node-store';
import { signInEverywhere, type NodeRefusal } from '../../../session/session-api';
import { useSessionStore } from '../../../session/session-store';
import { useLoginT } from '../messages';
import { checkUserName } from './login-form';
import { NodeSignIn } from './node-sign-in';

export function FleetLoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const t = useT();
  const lt = useLoginT();
  const ids = useId();
  const queryClient = useQueryClient();
  const nodes = useNodeStore((s) => s.nodes);
  const anySignedIn = useSessionStore((s) => nodes.some((n) => s.sessions[n.id]?.sessionId));
  const userRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const [pending, setPending] = useState(false);
  const [refusals, setRefusals] = useState<NodeRefusal[] | null>(null);
  // Nodes signed in one by one after the fleet's try.
  const [fixed, setFixed] = useState<ReadonlySet<string>>(new Set());

  const userName = user.trim();
  const userProblem = checked ? checkUserName(userName) : null;
  const passwordProblem: MessageKey | null = checked && password === '' ? 'login.passwordRequired' : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setChecked(true);
    if (checkUserName(userName)) return userRef.current?.focus();
    if (password === '') return passwordRef.current?.focus();
    setPending(true);
    try {
      const refused = await signInEverywhere({ user: userName, password });
      // Nothing of an earlier session (another user, perhaps) may show on the fleet's pages.
      queryClient.clear();
      setFixed(new Set());
      if (refused.length === 0) onLoggedIn();
      else setRefusals(refused);
    } finally {
      setPending(false);
    }
  }

  const open = (refusals ?? []).filter((r) => !fixed.has(r.node));
  return (
    <>
      <p className="login-form__keep-hint fleet-login__hint">{lt('fleet.nodes', { n: nodes.length })}</p>
      <form className="login-form" noValidate onSubmit={(e) => void submit(e)}>
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
        <button type="submit" className="login-form__submit" disabled={pending} aria-busy={pending}>
          {pending && <Spinner />}
          <span>{t('login.submit')}</span>
        </button>
        <p className="visually-hidden" role="status">
          {pending ? t('login.sending') : ''}
        </p>
      </form>
      {refusals && refusals.length > 0 && (
        <div className="fleet-refusals" role="region" aria-labelledby={`${ids}-refused`}>
          <p id={`${ids}-refused`} className="login-form__failure-title">
            {open.length === 0 ? lt('fleet.signedIn') : anySignedIn ? lt('fleet.refused', { n: open.length }) : lt('fleet.allRefused')}
          </p>
          <ul className="fleet-refusals__list">
            {open.map((r) => {
              const node = nodes.find((n) => n.id === r.node);
              return node ? (
                <li key={r.node}>
                  <NodeSignIn node={node} user={userName} refusal={r.error} onSignedIn={() => setFixed((f) => new Set(f).add(r.node))} />
                </li>
              ) : null;
            })}
          </ul>
          {anySignedIn && (
            <button type="button" className="login-form__submit" onClick={onLoggedIn}>
              {lt('fleet.continue')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
