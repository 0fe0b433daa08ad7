// The merged wall's model (fleet mode): which nodes it subscribes to and shows
// (from its URL), each node's state as the wall says it, and the sockets' life
// (one per node signed in, src/live/fleet-live.ts) with "keep this wall signed
// in" per node. No antd here.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { callOn } from '../../../api/device';
import { DeviceError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { PARAMS } from '../../../config/paths';
import { browserWsUrl, createFleetLive, type FleetLive, type FleetNodeDeps, type LiveAlarm, type LiveState } from '../../../live';
import { keepCredentials, keptCredentials } from '../../../session/kept-credentials';
import { nodeBase, NODE_ID_PATTERN, type NodeInfo } from '../../../session/node-store';
import { signInNode } from '../../../session/session-api';
import { inSession, useSessionStore, type NodeSession } from '../../../session/session-store';

const P = PARAMS.alarmWall;

/** What the wall says of a node: its stream's state, or why it has none. */
export type NodeWallState = LiveState | 'expired' | 'signedOut' | 'renewing';

export function nodeWallState(session: NodeSession | undefined, stream: LiveState | undefined, renewing: boolean): NodeWallState {
  if (!session?.sessionId) {
    if (!session?.expired) return 'signedOut';
    return renewing ? 'renewing' : 'expired';
  }
  return stream ?? 'connecting';
}

/** The states whose socket tries again by itself (a node without a session waits for its sign-in). */
const RETRYING = new Set<NodeWallState>(['reconnecting', 'refused', 'offline']);

/**
 * Seconds to the socket's next try, when the wall should say it: not for a
 * node whose session ended, whose last socket's countdown would stand at
 * "next try in 0 s" while nothing tries until someone signs it in.
 */
export function retryInSeconds(state: NodeWallState, retryAt: number | null | undefined, now: number): number | null {
  if (retryAt === null || retryAt === undefined || !RETRYING.has(state)) return null;
  return Math.max(0, Math.ceil((retryAt - now) / 1000));
}

function ids(raw: string | null): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => NODE_ID_PATTERN.test(s));
}

export interface FleetWallView {
  /** The nodes the wall subscribes to (`nodes`; none named, or none known: every node). */
  chosen: readonly NodeInfo[];
  /** Shown only: these nodes (`node`) and these sites (`site`); empty: all. */
  nodeFilter: readonly string[];
  siteFilter: readonly string[];
  setNodeFilter(ids: readonly string[]): void;
  setSiteFilter(sites: readonly string[]): void;
  /** null when neither filter is set. */
  passes: ((a: LiveAlarm) => boolean) | null;
}

export function useFleetWallView(nodes: readonly NodeInfo[]): FleetWallView {
  const [params, setParams] = useSearchParams();
  const nodesParam = params.get(P.nodes);
  const nodeParam = params.get(P.node);
  const siteKey = params.getAll(P.site).join('\n');
  const chosen = useMemo(() => {
    const want = new Set(ids(nodesParam));
    const some = nodes.filter((n) => want.has(n.id));
    return some.length ? some : nodes;
  }, [nodes, nodesParam]);
  const nodeFilter = useMemo(() => ids(nodeParam), [nodeParam]);
  const siteFilter = useMemo(() => (siteKey ? siteKey.split('\n') : []), [siteKey]);
  const passes = useMemo(() => {
    if (nodeFilter.length === 0 && siteFilter.length === 0) return null;
    const site = new Map(nodes.map((n) => [n.id, n.site]));
    const byNode = new Set(nodeFilter);
    const bySite = new Set(siteFilter);
    return (a: LiveAlarm) =>
      a.node !== undefined && (byNode.size === 0 || byNode.has(a.node)) && (bySite.size === 0 || bySite.has(site.get(a.node) ?? ''));
  }, [nodes, nodeFilter, siteFilter]);
  const setNodeFilter = useCallback(
    (next: readonly string[]) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (next.length) p.set(P.node, next.join(','));
          else p.delete(P.node);
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setSiteFilter = useCallback(
    (next: readonly string[]) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          p.delete(P.site);
          for (const s of next) p.append(P.site, s);
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { chosen, nodeFilter, siteFilter, passes, setNodeFilter, setSiteFilter };
}

let fleetLive: FleetLive | null = null;

function nodeDeps(node: string): FleetNodeDeps {
  const base = nodeBase(node);
  return {
    // The node's own client and session: a -141 ends that node's session only, and its calls wait for its sign-in.
    call: callOn(node),
    // Slim: the server keeps the scene frames and sends a reference (docs/fleet.md), 18× fewer bytes a push.
    wsUrl: () => `${browserWsUrl(base)}?slim=1`,
    fileBase: base,
  };
}

/**
 * One socket per chosen node that is signed in (or whose session ended: its
 * calls wait for the sign-in, then it goes on and reads its gap). A node
 * signed in again is resumed at once. Leaving the wall stops them all where
 * they are; coming back resumes them over the alarms it showed, as the
 * one-node wall's socket does after a sign-in (each reads its gap).
 */
export function useFleetSockets(chosen: readonly NodeInfo[]): void {
  const sessions = useSessionStore((s) => s.sessions);
  const active = useMemo(() => chosen.filter((n) => inSession(sessions[n.id])).map((n) => n.id), [chosen, sessions]);
  const key = active.join(',');
  useEffect(() => {
    fleetLive ??= createFleetLive();
    const live = fleetLive;
    live.set(new Map(key ? key.split(',').map((id) => [id, nodeDeps(id)] as const) : []));
  }, [key]);
  useEffect(() => () => fleetLive?.pause(), []);
  // A node signed in again: reconnect now if down, and read what it missed.
  const had = useRef(new Map<string, string | null>());
  useEffect(() => {
    for (const id of active) {
      const now = sessions[id]?.sessionId ?? null;
      const before = had.current.get(id);
      if (before === null && now !== null) fleetLive?.resume(id);
      had.current.set(id, now);
    }
  }, [active, sessions]);
}

const RENEW_FIRST_MS = 2_000;
const RENEW_MAX_MS = 30_000;

/**
 * "Keep this wall signed in", per node: a node whose session ended signs in
 * again by itself with what was kept for it (memory, this tab only), retrying
 * while it restarts; refused credentials are dropped and the node asks a person.
 * Answers the nodes renewing now and the last problem of each.
 */
export function useKeptRenewal(chosen: readonly NodeInfo[]): { renewing: ReadonlySet<string>; problems: ReadonlyMap<string, unknown> } {
  const sessions = useSessionStore((s) => s.sessions);
  const [, setTick] = useState(0);
  const [problems, setProblems] = useState<ReadonlyMap<string, unknown>>(new Map());
  const expired = chosen.filter((n) => sessions[n.id]?.expired && !sessions[n.id]?.sessionId && keptCredentials(n.id)).map((n) => n.id);
  const key = expired.join(',');
  useEffect(() => {
    if (!key) return;
    let stopped = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    for (const node of key.split(',')) {
      let delay = RENEW_FIRST_MS;
      const attempt = async () => {
        const creds = keptCredentials(node);
        if (!creds || stopped) return;
        try {
          await signInNode(node, creds);
        } catch (e) {
          if (stopped) return;
          setProblems((m) => new Map(m).set(node, e));
          if (e instanceof DeviceError && e.code === ErrorCode.BAD_CREDENTIALS) {
            keepCredentials(null, node);
            setTick((n) => n + 1);
            return;
          }
          timers.push(setTimeout(() => void attempt(), delay));
          delay = Math.min(delay * 2, RENEW_MAX_MS);
        }
      };
      void attempt();
    }
    return () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
    };
  }, [key]);
  const renewing = useMemo(() => new Set(key ? key.split(',') : []), [key]);
  return { renewing, problems };
}
