// Fleet mode: which nodes an operation goes to (enrol once to many, a search
// across nodes), grouped by site, the node shown first and chosen by default.
// A node not signed in cannot be chosen (its sign-in is on its own page).
import { Button, Checkbox } from 'antd';
import type { ReactNode } from 'react';
import { useNodeStore, type NodeInfo } from '../../session/node-store';
import { useSessionStore } from '../../session/session-store';
import { useTargetsT } from './messages';
import './node-targets.css';

/** The fleet as a target list: null in single-node mode (nothing to choose). */
export function useTargetNodes(): { nodes: readonly NodeInfo[]; shown: string; signedIn: (id: string) => boolean } | null {
  const { nodes, fleet, current } = useNodeStore();
  const sessions = useSessionStore((s) => s.sessions);
  if (!fleet) return null;
  return { nodes, shown: current, signedIn: (id) => !!sessions[id]?.sessionId };
}

export function NodeTargets({
  value,
  onChange,
  disabled,
  notes,
  fixed,
}: {
  value: readonly string[];
  onChange: (nodes: string[]) => void;
  disabled?: boolean;
  /** A node that is always one of them (the batch import's own library is on the node shown). */
  fixed?: string;
  /** Said under a chosen node: what this operation meets there (no such library, …). */
  notes?: Readonly<Record<string, ReactNode>>;
}) {
  const t = useTargetsT();
  const fleet = useTargetNodes();
  if (!fleet) return null;
  const sites = [...new Set(fleet.nodes.map((n) => n.site))];
  const chosen = new Set(value);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    // In the fleet's order, so outcomes and columns come in one order everywhere.
    onChange(fleet.nodes.map((n) => n.id).filter((n) => next.has(n)));
  };
  const signedIn = fleet.nodes.filter((n) => fleet.signedIn(n.id)).map((n) => n.id);
  return (
    <fieldset className="node-targets">
      <legend className="node-targets__legend">{t('label')}</legend>
      <p className="node-targets__hint">{t('hint')}</p>
      {sites.map((site) => (
        <div key={site} className="node-targets__site" role="group" aria-label={site ? t('site', { site }) : t('noSite')}>
          {sites.length > 1 && <div className="node-targets__site-name">{site || t('noSite')}</div>}
          {fleet.nodes
            .filter((n) => n.site === site)
            .map((n) => {
              const on = fleet.signedIn(n.id);
              return (
                <div key={n.id} className="node-targets__node">
                  <Checkbox
                    checked={chosen.has(n.id)}
                    disabled={disabled || !on || n.id === fixed}
                    onChange={(e) => toggle(n.id, e.target.checked)}
                  >
                    {n.id === fleet.shown ? t('shown', { name: n.name }) : n.name}
                    {!on && <span className="node-targets__muted"> · {t('signedOut')}</span>}
                  </Checkbox>
                  {chosen.has(n.id) && notes?.[n.id] && <div className="node-targets__note">{notes[n.id]}</div>}
                </div>
              );
            })}
        </div>
      ))}
      {signedIn.length > 1 && (
        <Button
          size="small"
          type="link"
          className="node-targets__all"
          disabled={disabled}
          onClick={() => onChange(fixed === undefined || signedIn.includes(fixed) ? signedIn : [fixed, ...signedIn])}
        >
          {t('all')}
        </Button>
      )}
    </fieldset>
  );
}
