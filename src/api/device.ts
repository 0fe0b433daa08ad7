// The browser's clients, one per node: same origin (the proxy, or the device
// serving its own console), the node's session from the session store, -141
// ends that node's session only. Query factories and mutations call
// `call(op, req, { signal })`, which goes to the node the page is about; the
// fleet's pages name the node with `callOn(node)`.
//
// Every call needs the session: the store is shared infrastructure in
// src/session (not a feature), so src/api imports no feature.
import { createClient, type Call } from './client';
import { expireIfCurrent, sessionOf, waitForSession } from '../session/session-store';
import { currentNode, nodeBase } from '../session/node-store';

const clients = new Map<string, Call>();

function clientFor(node: string, renew: boolean): Call {
  const baseUrl = nodeBase(node);
  const key = `${renew ? 'r' : 'n'}|${node}|${baseUrl}`;
  let client = clients.get(key);
  if (!client) {
    client = createClient({
      baseUrl,
      getSession: () => sessionOf(node).sessionId,
      onSessionExpired: (sent) => expireIfCurrent(node, sent),
      // Unsaved work stays on screen: the call waits for the sign-in over the page.
      renewSession: renew ? () => waitForSession(node) : undefined,
      node: baseUrl ? node : undefined,
    });
    clients.set(key, client);
  }
  return client;
}

/**
 * One node's client. `wait: false` for the fleet's status reads: a node whose
 * session ended shows "sign in" at once instead of holding its row.
 */
export function callOn(node: string, { wait = true }: { wait?: boolean } = {}): Call {
  return clientFor(node, wait);
}

/** The node is taken when the call starts, so a call and its retry after a re-login go to one node. */
export const call: Call = (op, req, opts) => clientFor(currentNode(), true)(op, req, opts);
