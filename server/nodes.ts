// The list of nodes the console forwards to (issue 17, docs/fleet.md): a file
// named by NODES_FILE, or DEVICE_URL alone as one node "default".
import fs from 'node:fs';
import { z } from 'zod';
import { deviceUrl } from './device.ts';

export interface NodeSpec {
  id: string;
  name: string;
  /** Normalised origin, as deviceUrl() makes it (a bare address is http). */
  url: string;
  site?: string;
}

/** The URL segment of /node/<id>/: never needs encoding. */
export const NODE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const MAX_NODES = 256;
export const SINGLE_NODE_ID = 'default';

const text = z.string().trim().min(1).max(64);

/** http(s)://host[:port] or a bare host; no credentials, no path (the console adds /api, /ws). */
function normaliseUrl(raw: string): URL | string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return 'not a URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'http or https only';
  if (u.username || u.password) return 'no user or password in the URL (the console signs in itself)';
  if (u.pathname !== '/' || u.search || u.hash) return 'an origin only (http://host[:port]), without a path';
  return u;
}

const nodeSchema = z.strictObject({
  id: z.string().regex(NODE_ID, 'lower-case letters, digits and "-", 1-32, starting with a letter or digit'),
  name: text,
  url: z
    .string()
    .trim()
    .min(1)
    .transform((raw, ctx) => {
      const u = normaliseUrl(raw);
      if (typeof u === 'string') {
        ctx.addIssue({ code: 'custom', message: u });
        return z.NEVER;
      }
      return u.origin;
    }),
  site: text.optional(),
});

const fileSchema = z.strictObject({
  nodes: z
    .array(nodeSchema)
    .min(1, 'at least one node')
    .max(MAX_NODES, `at most ${MAX_NODES} nodes`)
    .superRefine((nodes, ctx) => {
      const seen = new Set<string>();
      for (const [i, n] of nodes.entries()) {
        if (seen.has(n.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${n.id}" is used twice` });
        seen.add(n.id);
      }
    }),
});

export class NodesFileError extends Error {}

/** The file's text → the nodes, or a NodesFileError naming each problem. */
export function parseNodes(source: string, label = 'NODES_FILE'): NodeSpec[] {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (e) {
    throw new NodesFileError(`${label}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new NodesFileError(`${label}: ${problems.join('; ')}`);
  }
  // Key order fixed, and no `site` key when none was given (docs/fleet.md).
  return parsed.data.nodes.map((n) => ({ id: n.id, name: n.name, url: n.url, ...(n.site ? { site: n.site } : {}) }));
}

export function readNodesFile(file: string): NodeSpec[] {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new NodesFileError(`NODES_FILE ${file}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseNodes(source, `NODES_FILE ${file}`);
}

/** One node from a device URL: today's single-node console. */
export function singleNode(url: string): NodeSpec[] {
  return [{ id: SINGLE_NODE_ID, name: new URL(url).host, url }];
}

/** NODES_FILE when set (it wins over DEVICE_URL), else DEVICE_URL or the embedded emulator as node "default". */
export function nodesFromEnv(env: NodeJS.ProcessEnv = process.env): NodeSpec[] {
  const file = env.NODES_FILE?.trim();
  return file ? readNodesFile(file) : singleNode(deviceUrl(env));
}
