// The slim push (issue 17, docs/fleet.md "Past one browser"): a socket opened
// as /node/<id>/ws/?slim=1 is ended here instead of piped, and each capture
// (777) from the node reaches the browser without its ~250 KB base64 scene
// frame: the server keeps the frame's bytes (bounded, per node) and the push
// says where to fetch them, snap_frame_ref: "/console/frames/<id>/<key>".
// snap_frame is then "" — the device's own spelling for "no frame", which the
// console already takes (src/live/push-decode.ts). Everything else passes
// unchanged, both ways: the key and 776 from the browser, acks, other pushes.
import crypto from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { DeviceTarget } from './device.ts';

export const FRAMES_PATH = '/console/frames/';
/** Per node: about 200 scene frames (≈250 KB each as base64), minutes of a busy wall's history. */
export const DEFAULT_FRAME_BUDGET_BYTES = 50 * 1024 * 1024;

interface StoredFrame {
  /** The frame as the node sent it, base64 (decoded only when fetched: most frames never are). */
  base64: Buffer;
  type: string;
}

/** Frames by key, oldest dropped first once a node's budget is spent. */
export class FrameStore {
  private readonly nodes = new Map<string, { frames: Map<string, StoredFrame>; bytes: number }>();
  constructor(private readonly budgetBytes = DEFAULT_FRAME_BUDGET_BYTES) {}

  put(nodeId: string, frame: StoredFrame): string {
    const node = this.nodes.get(nodeId) ?? this.nodes.set(nodeId, { frames: new Map(), bytes: 0 }).get(nodeId)!;
    // Unguessable: the device's own pictures are public by path, these by key.
    const key = crypto.randomBytes(12).toString('hex');
    node.frames.set(key, frame);
    node.bytes += frame.base64.length;
    for (const [old, f] of node.frames) {
      if (node.bytes <= this.budgetBytes) break;
      node.frames.delete(old);
      node.bytes -= f.base64.length;
    }
    return key;
  }

  get(nodeId: string, key: string): StoredFrame | undefined {
    return this.nodes.get(nodeId)?.frames.get(key);
  }
}

const FRAME_FIELD = Buffer.from('"snap_frame":"data:');
const BASE64_MARK = Buffer.from(';base64,');
const QUOTE = 0x22;

/**
 * A capture's text without its scene frame (kept in `store`), or the text as
 * it came. Worked on the message's bytes, never a string or JSON.parse of
 * 250 KB: base64 has no quote, so the field ends at the next one. The node's
 * JSON is compact (no space around the colon); a capture spelt otherwise
 * passes whole, which is correct, only not slim.
 */
export function slimPush(message: Buffer, nodeId: string, store: FrameStore): Buffer {
  const field = message.indexOf(FRAME_FIELD);
  if (field < 0) return message;
  const typeStart = field + FRAME_FIELD.length;
  const mark = message.indexOf(BASE64_MARK, typeStart);
  if (mark < 0 || mark - typeStart > 64) return message;
  const start = mark + BASE64_MARK.length;
  const end = message.indexOf(QUOTE, start);
  if (end < 0) return message;
  const type = message.toString('latin1', typeStart, mark);
  const key = store.put(nodeId, {
    base64: Buffer.from(message.subarray(start, end)),
    type: /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : 'image/jpeg',
  });
  return Buffer.concat([
    message.subarray(0, field),
    Buffer.from(`"snap_frame":"","snap_frame_ref":"${FRAMES_PATH}${nodeId}/${key}"`),
    message.subarray(end + 1),
  ]);
}

/** `?slim=1` on a push socket's URL: true, and the URL the node sees (without it). */
export function slimRequested(url: string): { slim: boolean; url: string } {
  const q = url.indexOf('?');
  if (q < 0) return { slim: false, url };
  const params = new URLSearchParams(url.slice(q + 1));
  if (params.get('slim') !== '1') return { slim: false, url };
  params.delete('slim');
  const rest = params.toString();
  return { slim: true, url: `${url.slice(0, q)}${rest ? `?${rest}` : ''}` };
}

/** ws hands a text message as one Buffer unless fragmented. */
function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

export interface SlimPush {
  /** Takes over the upgrade: the browser's socket here, one to the node, captures slimmed on the way. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, nodeId: string, device: DeviceTarget, path: string): void;
  /** GET /console/frames/<id>/<key>: true when it answered. */
  web(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  close(): void;
}

export function createSlimPush(store = new FrameStore()): SlimPush {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  return {
    upgrade(req, socket, head, nodeId, device, path) {
      wss.handleUpgrade(req, socket, head, (client) => {
        const target = `${device.url.replace(/^http/, 'ws')}${path}`;
        // The node's self-signed certificate (§8.4) is accepted for the node only, as the proxy does.
        const upstream = new WebSocket(target, { rejectUnauthorized: false, perMessageDeflate: false });
        const early: Array<[RawData, boolean]> = [];
        client.on('message', (data, binary) => {
          if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary });
          else early.push([data, binary]);
        });
        upstream.on('open', () => {
          for (const [data, binary] of early.splice(0)) upstream.send(data, { binary });
        });
        upstream.on('message', (data, binary) => {
          if (client.readyState !== WebSocket.OPEN) return;
          client.send(binary ? data : slimPush(asBuffer(data), nodeId, store), { binary });
        });
        // Close codes 1005/1006 cannot be sent: the other side gets a plain close.
        const sendable = (code: number) => (code >= 1000 && code <= 4999 && code !== 1005 && code !== 1006 ? code : undefined);
        upstream.on('close', (code, reason) => client.close(sendable(code), reason));
        client.on('close', (code, reason) => {
          if (upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
          else upstream.close(sendable(code), reason);
        });
        upstream.on('error', () => {
          void device.followDevice();
          client.terminate();
        });
        client.on('error', () => upstream.terminate());
      });
    },
    web(req, res) {
      const url = (req.url ?? '').split('?', 1)[0]!;
      if (!url.startsWith(FRAMES_PATH)) return false;
      const [nodeId, key, ...more] = url.slice(FRAMES_PATH.length).split('/');
      const frame = nodeId && key && more.length === 0 ? store.get(nodeId, key) : undefined;
      if (!frame || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(frame ? 405 : 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(frame ? 'Method not allowed.\n' : 'No such frame (kept for the last few minutes only).\n');
        return true;
      }
      const bytes = Buffer.from(frame.base64.toString('latin1'), 'base64');
      // The key never names another picture: the browser may keep it.
      res.writeHead(200, {
        'Content-Type': frame.type,
        'Content-Length': bytes.length,
        'Cache-Control': 'private, max-age=3600, immutable',
      });
      res.end(req.method === 'HEAD' ? undefined : bytes);
      return true;
    },
    close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
