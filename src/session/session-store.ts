// The session id (§2.1) lives in sessionStorage only: it survives a reload of
// this tab, dies with the tab, and is never put in a URL, localStorage or a log.
// The password is never stored anywhere.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { SESSION_STORAGE_KEY } from './session-key';

/** One node's session (several nodes: one each, docs/fleet-console.md). */
export interface NodeSession {
  sessionId: string | null;
  /** For the header; not a secret. */
  user: string | null;
  /** True after the device answered -141: the login page says why the user is there. */
  expired: boolean;
  /** The console saw the restart happen (its overlay): the login page says so, not "idle". */
  restarted: boolean;
}

const NO_SESSION: NodeSession = { sessionId: null, user: null, expired: false, restarted: false };

/**
 * The top-level fields are the session of the node the page is about (`node`),
 * so every page reads "the" session as in single-node mode; `sessions` holds
 * every node's. Actions act on the shown node unless told another.
 */
interface SessionState extends NodeSession {
  node: string;
  sessions: Readonly<Record<string, NodeSession>>;
  start(sessionId: string, user: string, node?: string): void;
  /** A -141 from any call: the device forgot us (30 idle minutes, a restart). */
  expire(cause?: 'restart', node?: string): void;
  /** Logout of one node (the shown one unless named). */
  clear(node?: string): void;
  /** The page is now about this node (src/session/node-store.ts showNode). */
  show(node: string): void;
}

export { SESSION_STORAGE_KEY };

// Calls that met -141 wait here, per node, for its next sign-in (true) or a logout (false).
const waiting = new Map<string, Array<(renewed: boolean) => void>>();
function settle(node: string, renewed: boolean) {
  const all = waiting.get(node) ?? [];
  waiting.delete(node);
  for (const resolve of all) resolve(renewed);
}

function withNode(s: SessionState, node: string, next: NodeSession): Partial<SessionState> {
  const sessions = { ...s.sessions, [node]: next };
  return node === s.node ? { sessions, ...next } : { sessions };
}

export const useSessionStore = create<SessionState>()(
  persist(
    (set, get) => ({
      ...NO_SESSION,
      // Single-node mode's one node (node-store.ts DEFAULT_NODE).
      node: 'default',
      sessions: {},
      start: (sessionId, user, node = get().node) => {
        set(withNode(get(), node, { sessionId, user, expired: false, restarted: false }));
        settle(node, true);
      },
      expire: (cause, node = get().node) => {
        const s = get().sessions[node] ?? NO_SESSION;
        if (s.sessionId) set(withNode(get(), node, { ...s, sessionId: null, expired: true, restarted: cause === 'restart' }));
        // A poll's -141 often comes before the restart overlay knows why: the better reason wins.
        else if (cause === 'restart' && s.expired) set(withNode(get(), node, { ...s, restarted: true }));
      },
      clear: (node = get().node) => {
        set(withNode(get(), node, NO_SESSION));
        settle(node, false);
      },
      show: (node) => {
        if (node !== get().node) set({ node, ...(get().sessions[node] ?? NO_SESSION) });
      },
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      // The reason is kept too: a poll can meet -141 and land on the login page
      // just before the user reloads it, and the reason must survive that.
      partialize: (s) => ({
        sessionId: s.sessionId,
        user: s.user,
        expired: s.expired,
        restarted: s.restarted,
        node: s.node,
        sessions: s.sessions,
      }),
      // A state written before nodes (or seeded by the e2e fixture) is the shown node's session.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<SessionState>;
        const node = typeof p.node === 'string' ? p.node : current.node;
        const sessions = { ...p.sessions };
        if (!sessions[node] && p.sessionId !== undefined) {
          sessions[node] = { sessionId: p.sessionId ?? null, user: p.user ?? null, expired: !!p.expired, restarted: !!p.restarted };
        }
        return { ...current, node, sessions, ...(sessions[node] ?? NO_SESSION) };
      },
    },
  ),
);

/** A node's session (the fleet's pages read several). */
export function sessionOf(node: string): NodeSession {
  return useSessionStore.getState().sessions[node] ?? NO_SESSION;
}

/** The node's session ended (a -141) — unless the one refused was already replaced: a call sent before the user signed in again must not end the new one. */
export function expireIfCurrent(node: string, refused: string | null): void {
  if (sessionOf(node).sessionId === refused) useSessionStore.getState().expire(undefined, node);
}

/**
 * For the client after a -141: a session started since (another call already
 * renewed it) answers at once; otherwise wait for the user to sign in again over
 * the page (true) or to give up and log out (false).
 */
export function waitForSession(node: string = useSessionStore.getState().node): Promise<boolean> {
  if (sessionOf(node).sessionId !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const list = waiting.get(node) ?? [];
    list.push(resolve);
    waiting.set(node, list);
  });
}

/** The user chose to log in afresh (perhaps as someone else): the calls that met -141 fail. */
export function abandonWaitingCalls(node: string = useSessionStore.getState().node): void {
  settle(node, false);
}

export const selectSignedIn = (s: SessionState): boolean => s.sessionId !== null;

/**
 * Signed in, or was until the node ended the session (-141: a restart, 30 idle
 * minutes): still part of what the user is working with, its work waiting for
 * a sign-in, not left out of it.
 */
export const inSession = (s: NodeSession | undefined): boolean => !!s?.sessionId || !!s?.expired;
