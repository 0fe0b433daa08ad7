// Which nodes this console speaks to (GET /console/nodes, docs/fleet.md) and
// which one the page in front of the user is about. One node (or a server that
// does not know the list) is single-node mode: today's URLs and requests,
// unprefixed. Several: each node's device API is under /node/<id>/ and its
// pages under /n/<id>/ (docs/fleet-console.md).
import { create } from 'zustand';
import { setDeviceFileBase } from '../api/protocol/files';
import { linkNode } from '../config/paths';
import { useSessionStore } from './session-store';

/** docs/fleet.md: what the server accepts as a node id. */
export const NODE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** The one node of single-node mode (DEVICE_URL or the embedded emulator). */
export const DEFAULT_NODE = 'default';

export interface NodeInfo {
  readonly id: string;
  readonly name: string;
  readonly site: string;
}

interface NodeState {
  readonly nodes: readonly NodeInfo[];
  /** Several nodes: node prefixes in URLs and requests. */
  readonly fleet: boolean;
  /** The node the page is about (in fleet mode, the one in the URL, or the last one shown). */
  readonly current: string;
}

export const useNodeStore = create<NodeState>()(() => ({
  nodes: [{ id: DEFAULT_NODE, name: '', site: '' }],
  fleet: false,
  current: DEFAULT_NODE,
}));

/** The path every request for the node starts with: '' in single-node mode. */
export function nodeBase(node: string): string {
  return useNodeStore.getState().fleet ? `/node/${node}` : '';
}

export function currentNode(): string {
  return useNodeStore.getState().current;
}

export function isFleet(): boolean {
  return useNodeStore.getState().fleet;
}

export function nodeInfo(id: string): NodeInfo | undefined {
  return useNodeStore.getState().nodes.find((n) => n.id === id);
}

/**
 * "Gate A · North campus": a node as the user knows it (its id when the list
 * does not have it). `nodes`: the list a component subscribed to, so it
 * renders again when a name changes; the store's now by default.
 */
export function nodeLabel(id: string, nodes: readonly NodeInfo[] = useNodeStore.getState().nodes): string {
  const info = nodes.find((n) => n.id === id);
  if (!info) return id;
  return info.site ? `${info.name} · ${info.site}` : info.name;
}

/** The page is now about this node: its session, its links and its pictures follow. */
export function showNode(id: string): void {
  const { fleet, current } = useNodeStore.getState();
  if (current !== id) useNodeStore.setState({ current: id });
  linkNode(fleet ? id : null);
  setDeviceFileBase(nodeBase(id));
  useSessionStore.getState().show(id);
}

/** The answer of GET /console/nodes, kept only when every entry is well formed. */
export function parseNodeList(body: unknown): NodeInfo[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const list = (body as { nodes?: unknown }).nodes;
  if (!Array.isArray(list) || list.length === 0) return null;
  const nodes: NodeInfo[] = [];
  const seen = new Set<string>();
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { id, name, site } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !NODE_ID_PATTERN.test(id) || seen.has(id)) return null;
    seen.add(id);
    nodes.push({ id, name: typeof name === 'string' && name ? name : id, site: typeof site === 'string' ? site : '' });
  }
  return nodes;
}

/** Single-node mode: the list failed, was malformed, or names one node. */
export function applyNodeList(nodes: readonly NodeInfo[] | null): void {
  if (!nodes || nodes.length < 2) {
    useNodeStore.setState({ nodes: [{ id: DEFAULT_NODE, name: nodes?.[0]?.name ?? '', site: nodes?.[0]?.site ?? '' }], fleet: false });
    showNode(DEFAULT_NODE);
    return;
  }
  useNodeStore.setState({ nodes, fleet: true });
  // After a reload the session store remembers the node last shown.
  const last = useSessionStore.getState().node;
  showNode(nodes.some((n) => n.id === last) ? last : nodes[0]!.id);
}

let ready: Promise<void> | null = null;
const NODE_LIST_TIMEOUT_MS = 5_000;

/**
 * Read the node list once, at start. Loaders await nodesReady(); a console that
 * never asked (unit tests) is single-node at once.
 */
export function loadNodes(doFetch: typeof fetch = (...a) => fetch(...a)): Promise<void> {
  // The server that served this page answers at once; a wedged one must not hold the console.
  ready = doFetch('/console/nodes', { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(NODE_LIST_TIMEOUT_MS) })
    .then(async (r) => (r.ok ? parseNodeList(await r.json()) : null))
    .catch(() => null)
    .then(applyNodeList);
  return ready;
}

export function nodesReady(): Promise<void> {
  return ready ?? Promise.resolve();
}
