// Forwarding to many nodes (issue 17, docs/fleet.md): /node/<id>/api/… and
// /node/<id>/ws/… go to that node with the prefix stripped; the unprefixed
// /api and /ws go to the first node, as for one node before. Each node has its
// own forwarder (proxy, DeviceTarget, follow-https): a node that is down,
// slow or probing its other scheme never holds up another.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { DeviceTarget } from './device.ts';
import { createForwarder, refuse, refuseUpgrade, type Forwarder, type ForwarderOptions } from './forward.ts';
import { checkPath, isDevicePath } from './path-guard.ts';
import type { NodeSpec } from './nodes.ts';
import { createSlimPush, slimRequested } from './slim-push.ts';

export const NODES_PATH = '/console/nodes';

/** /node/<segment><rest>: the segment is checked against the list, the rest is what the node sees. */
const NODE_PREFIX = /^\/node\/([^/?#]*)(.*)$/s;

export interface NodeHealth {
  id: string;
  url: string;
  reachable: boolean;
  ms: number;
}

export interface NodeRouter {
  readonly nodes: readonly NodeSpec[];
  /** The first node's forwarder: the unprefixed /api and /ws. */
  readonly first: Forwarder;
  target(id: string): DeviceTarget | undefined;
  /** Handles the request when it is a node's or /console/nodes (true). */
  web(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** Handles an upgrade when it is a node's WebSocket (true); refuses unsafe paths and unknown nodes. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Every node probed at once, each bounded (DeviceTarget.reachable). */
  health(): Promise<NodeHealth[]>;
  close(): void;
}

type Route =
  | { kind: 'node'; id: string; forwarder: Forwarder; rest: string }
  | { kind: 'unknown' }
  | { kind: 'bad'; status: 400 | 404; reason: string }
  | null;

export function createNodeRouter(nodes: readonly NodeSpec[], options: ForwarderOptions = {}): NodeRouter {
  if (nodes.length === 0) throw new Error('no nodes');
  const forwarders = new Map<string, Forwarder>(nodes.map((n) => [n.id, createForwarder(new DeviceTarget(n.url), options)]));
  const first = forwarders.get(nodes[0]!.id)!;
  const listing = JSON.stringify({ nodes });
  const slim = createSlimPush();

  /** A push socket asked slim (?slim=1, server/slim-push.ts): true when taken over. */
  function slimUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, id: string, path: string): boolean {
    if (!/^\/ws\/?(\?|$)/.test(path)) return false;
    const asked = slimRequested(path);
    if (!asked.slim) return false;
    const verdict = checkPath(path);
    if (!verdict.ok) {
      refuseUpgrade(socket, verdict.status, verdict.reason);
      return true;
    }
    slim.upgrade(req, socket, head, id, forwarders.get(id)!.device, asked.url);
    return true;
  }

  /** null: not a node's path (the caller serves it: the first node's /api and /ws, or the console's pages). */
  function route(url: string): Route {
    const m = NODE_PREFIX.exec(url);
    if (!m) return null;
    // The whole raw path first: a prefix must not hide a fault endpoint's spelling.
    const verdict = checkPath(url);
    if (!verdict.ok) return { kind: 'bad', status: verdict.status, reason: verdict.reason };
    const rest = m[2]!;
    const inner = rest.startsWith('/') ? checkPath(rest) : verdict;
    if (!inner.ok) return { kind: 'bad', status: inner.status, reason: inner.reason };
    // /node/<id>/<page>: the console's own deep links (index.html), not the node's.
    if (!isDevicePath(rest)) return null;
    const forwarder = forwarders.get(m[1]!);
    return forwarder ? { kind: 'node', id: m[1]!, forwarder, rest } : { kind: 'unknown' };
  }

  return {
    nodes,
    first,
    target: (id) => forwarders.get(id)?.device,
    web(req, res) {
      const url = req.url ?? '/';
      if (url.split('?', 1)[0] === NODES_PATH) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.setHeader('Allow', 'GET, HEAD');
          refuse(res, 405, 'Method not allowed.');
          return true;
        }
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : listing);
        return true;
      }
      if (slim.web(req, res)) return true;
      const r = route(url);
      if (r === null) return first.web(req, res);
      if (r.kind === 'bad') refuse(res, r.status, r.status === 404 ? 'Not found.' : 'Bad request path.');
      else if (r.kind === 'unknown') refuse(res, 404, 'Unknown node.');
      else {
        req.url = r.rest;
        // The node's forwarder checks what is left again (its own guard), then forwards.
        if (!r.forwarder.web(req, res)) refuse(res, 404, 'Not found.');
      }
      return true;
    },
    upgrade(req, socket, head) {
      const url = req.url ?? '/';
      const r = route(url);
      if (r === null) return slimUpgrade(req, socket, head, nodes[0]!.id, url) || first.upgrade(req, socket, head);
      if (r.kind === 'bad') refuseUpgrade(socket, r.status, r.reason);
      else if (r.kind === 'unknown') refuseUpgrade(socket, 404, 'unknown node');
      else if (slimUpgrade(req, socket, head, r.id, r.rest)) return true;
      else {
        req.url = r.rest;
        if (!r.forwarder.upgrade(req, socket, head)) refuseUpgrade(socket, 404, 'no WebSocket here');
      }
      return true;
    },
    health() {
      return Promise.all(
        nodes.map(async (n) => {
          const device = forwarders.get(n.id)!.device;
          const started = Date.now();
          const reachable = await device.reachable();
          return { id: n.id, url: device.url, reachable, ms: Date.now() - started };
        }),
      );
    },
    close() {
      slim.close();
      for (const f of forwarders.values()) f.close();
    },
  };
}
