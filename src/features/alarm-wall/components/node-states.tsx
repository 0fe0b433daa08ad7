// The merged wall's nodes at a glance: each chosen node's connection (live,
// reconnecting with its next try, unreachable, session expired, not signed in),
// read from across the room in kiosk mode too. A node down or signed out is
// shown here and never stops the others. A node without a session signs in
// from its chip, with "keep this wall signed in" for that node.
import { Badge, Button, Modal } from 'antd';
import { memo, useState } from 'react';
import { describeError } from '../../../api/device-error';
import { useLang } from '../../../i18n';
import { useFleetLiveStatus } from '../../../live';
import type { NodeInfo } from '../../../session/node-store';
import { useSessionStore } from '../../../session/session-store';
import { NodeSignInForm } from '../../../components/node-sign-in-form';
import { nodeWallState, retryInSeconds, type NodeWallState } from '../lib/fleet-wall';
import { useTicked } from '../lib/ticker';
import { useWallT } from '../messages';
import { reasonWords } from './connection-banner';

const DOT: Record<NodeWallState, 'success' | 'processing' | 'warning' | 'error' | 'default'> = {
  live: 'success',
  connecting: 'processing',
  renewing: 'processing',
  reconnecting: 'warning',
  refused: 'error',
  offline: 'error',
  expired: 'error',
  signedOut: 'default',
  stopped: 'default',
};

const DOWN = new Set<NodeWallState>(['reconnecting', 'refused', 'offline', 'expired', 'signedOut']);

export interface NodeStatesProps {
  nodes: readonly NodeInfo[];
  renewing: ReadonlySet<string>;
  problems: ReadonlyMap<string, unknown>;
  /** Kiosk mode: dots and names only, one line. */
  compact?: boolean;
}

export const NodeStates = memo(function NodeStates({ nodes, renewing, problems, compact = false }: NodeStatesProps) {
  const t = useWallT();
  const [signIn, setSignIn] = useState<NodeInfo | null>(null);
  const anyDown = useNodeStatesDown(nodes, renewing);
  return (
    <section
      className={`wall-nodes${compact ? ' wall-nodes--compact' : ''}${anyDown ? ' wall-nodes--down' : ''}`}
      aria-label={t('fleet.nodes')}
    >
      <ul className="wall-nodes__list">
        {nodes.map((n) => (
          <NodeState
            key={n.id}
            node={n}
            renewing={renewing.has(n.id)}
            problem={problems.get(n.id)}
            compact={compact}
            onSignIn={setSignIn}
          />
        ))}
      </ul>
      {signIn ? <NodeSignInDialog node={signIn} onClose={() => setSignIn(null)} /> : null}
    </section>
  );
});

function useNodeStatesDown(nodes: readonly NodeInfo[], renewing: ReadonlySet<string>): boolean {
  const sessions = useSessionStore((s) => s.sessions);
  const live = useFleetLiveStatus();
  return nodes.some((n) => DOWN.has(nodeWallState(sessions[n.id], live[n.id]?.status.state, renewing.has(n.id))));
}

function NodeState({
  node,
  renewing,
  problem,
  compact,
  onSignIn,
}: {
  node: NodeInfo;
  renewing: boolean;
  problem: unknown;
  compact: boolean;
  onSignIn(n: NodeInfo): void;
}) {
  const t = useWallT();
  const lang = useLang();
  const session = useSessionStore((s) => s.sessions[node.id]);
  const stream = useFleetLiveStatus((s) => s[node.id]);
  const state = nodeWallState(session, stream?.status.state, renewing);
  const status = stream?.status;
  const retryIn = useTicked((now) => retryInSeconds(state, status?.retryAt, now));
  const recovered = (stream?.stats?.backfilled ?? 0) + (stream?.stats?.recovered ?? 0);
  const stateWords = t(`fleet.state.${state}`);
  const details = [
    state === 'reconnecting' || state === 'offline' || state === 'refused' ? reasonWords(status?.reason ?? null, t, lang) : '',
    retryIn !== null ? t('status.retryIn', { seconds: retryIn }) : '',
    renewing && problem !== undefined ? t('fleet.renewFailed', { reason: describeError(problem, lang).title }) : '',
    !compact && recovered > 0 ? t('fleet.recovered', { count: recovered }) : '',
  ].filter(Boolean);
  return (
    <li className={`wall-nodes__node wall-nodes__node--${state}`}>
      <span role="status" aria-label={t('fleet.nodeState', { node: node.name, state: stateWords })} title={node.site || undefined}>
        <Badge status={DOT[state]} />
        <span className="wall-nodes__name">{node.name}</span> <span className="wall-nodes__state">{stateWords}</span>
        {details.length ? <span className="wall-nodes__detail"> · {details.join(' · ')}</span> : null}
      </span>
      {state === 'expired' || state === 'signedOut' ? (
        <Button size="small" type="link" onClick={() => onSignIn(node)} aria-label={t('fleet.signInTitle', { node: node.name })}>
          {t('fleet.signIn')}
        </Button>
      ) : null}
    </li>
  );
}

/** One node's sign-in over the wall, with "keep this wall signed in" for that node. */
function NodeSignInDialog({ node, onClose }: { node: NodeInfo; onClose(): void }) {
  const wt = useWallT();
  return (
    <Modal open title={wt('fleet.signInTitle', { node: node.name })} onCancel={onClose} footer={null} destroyOnHidden zIndex={2000}>
      <NodeSignInForm node={node.id} name={node.name} onSignedIn={onClose} autoFocus editUser keepLabel={wt('fleet.keep')} />
    </Modal>
  );
}
