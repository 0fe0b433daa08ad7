// Fault injection for tests: the emulator's own routes, not the device's, under
// /__emulator/, answered only to a direct local client (guard() below says how).
// Every request carries the header X-Emulator-Token (startEmulator()'s
// faultToken; the CLI prints it as EMULATOR_TOKEN=…). POST bodies are JSON.
//   POST /__emulator/latency      {"ms": 800}            added to every API answer
//   POST /__emulator/ws/drop                              close every WebSocket
//   POST /__emulator/camera       {"channel": 2, "online": false}
//   POST /__emulator/sessions/expire                      every session ends (-141 next)
//   POST /__emulator/capture      {"channel": 1, "photo": "<pool id>" | "data:image/jpeg;base64,…"}
//   POST /__emulator/restart      {"seconds": 3}          go away, come back
//   POST /__emulator/rate         {"rate": 50}            captures per second (0 stops)
//   POST /__emulator/clock        {"stepSeconds": -3600}  step the device's clock (a zone fixed, NTP); answers its new time
//   POST /__emulator/faces/fill   {"libId": 3, "count": 1200, "prefix": "fill"}  that many faces at once (faces/fill.ts)
//   POST /__emulator/upgrade     {"outcome": "refuse"}    how the next upgrades end: ok | refuse | revert (context.ts)
//   POST /__emulator/library-capacity {"capacity": 40}   faces per library from now on (a node with room again)
//   POST /__emulator/faces/picture {"libId": 3, "imgId": "p-1", "photo": "data:image/jpeg;base64,…"}
//        replace an enrolled face's stored picture, unchecked (one enrolled by an older engine: a no-face photo)
//   GET  /__emulator/stats                                push and capture counters
import crypto from 'node:crypto';
import type http from 'node:http';
import { UPGRADE_OUTCOMES, type UpgradeOutcome } from './context';
import type { ExtraRoute } from './server';
import { LIBRARY_CAPACITY } from '../src/api/protocol/limits';

export const FAULT_TOKEN_HEADER = 'x-emulator-token';
/** What a fault takes, at most: a picture as a data URL (10 MiB as base64) is the largest body. */
const FAULT_BODY_MAX = 16 * 1024 * 1024;
export const FAULT_LIMITS = { latencyMs: 60_000, restartSeconds: 300, rate: 1000 } as const;
/** Headers a proxy adds: a request that went through one is not a direct client. */
const PROXY_HEADERS = ['via', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip'];

const clamp = (v: unknown, max: number): number => {
  const n = Number(v);
  return Number.isFinite(n) ? Math.min(max, Math.max(0, n)) : 0;
};

export interface FaultActions {
  dropSockets(): void;
  setCameraOnline(channel: number, online: boolean): boolean;
  expireSessions(): void;
  capture(channel: number, photo?: string): Promise<unknown>;
  restart(seconds?: number): void;
  setRate(rate: number): Promise<void>;
  setLatency(ms: number): void;
  /** Moves the device's clock by `seconds` (already clamped); returns its new "yyyy-MM-dd HH:mm:ss". */
  stepClock(seconds: number): string;
  /** Adds `count` faces sharing one picture to a library; answers how many. */
  fillFaces(libId: number, count: number, prefix: string): number;
  setUpgradeOutcome(outcome: UpgradeOutcome): void;
  setLibraryCapacity(capacity: number): void;
  /** False when the library holds no such face. */
  setFacePicture(libId: number, imgId: string, jpeg: Buffer): boolean;
  stats(): unknown;
}

/** A year either way: enough for any zone or NTP step, and the clock stays in the years the device keeps. */
export const CLOCK_STEP_MAX_S = 366 * 86_400;

function isLoopback(req: http.IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? '';
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
}

/**
 * Why a request may not use the faults, or null. Only a direct local client
 * may: on loopback; the raw path exactly /__emulator/… (no encoding, which a
 * proxy might resolve differently); no proxy's forwarding headers (our dev
 * proxy and servers forward from loopback too); no Origin (a browser page, so
 * a site cannot call them cross-site); and the token in a custom header, which
 * a page could only send after a CORS preflight, and OPTIONS is refused.
 */
function guard(req: http.IncomingMessage, token: string): { status: number; error: string } | null {
  const raw = (req.url ?? '').split('?')[0] ?? '';
  if (raw.includes('%')) return { status: 400, error: 'no encoded paths' };
  if (!isLoopback(req)) return { status: 403, error: 'fault injection answers on loopback only' };
  if (PROXY_HEADERS.some((h) => req.headers[h] !== undefined)) return { status: 403, error: 'not through a proxy' };
  if (req.method === 'OPTIONS') return { status: 405, error: 'no cross-origin calls' };
  if (req.headers.origin !== undefined) return { status: 403, error: 'not from a web page' };
  const given = req.headers[FAULT_TOKEN_HEADER];
  const ok = typeof given === 'string' && given.length === token.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token));
  if (!ok) return { status: 401, error: `the ${FAULT_TOKEN_HEADER} header is missing or wrong` };
  if (req.method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return { status: 415, error: 'POST bodies are application/json' };
  }
  return null;
}

async function body(req: http.IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > FAULT_BODY_MAX) return null;
    chunks.push(c as Buffer);
  }
  if (chunks.length === 0) return {};
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function reply(res: http.ServerResponse, status: number, data: unknown) {
  const text = JSON.stringify(data);
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(text);
}

export function faultRoutes(actions: FaultActions, token: string): ExtraRoute {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://device');
    if (!url.pathname.startsWith('/__emulator/')) return false;
    const refused = guard(req, token);
    if (refused) {
      req.resume();
      res.setHeader('Connection', 'close');
      reply(res, refused.status, { error: refused.error });
      return true;
    }
    const route = `${req.method} ${url.pathname}`;
    const b = req.method === 'POST' ? await body(req) : {};
    if (!b) {
      res.setHeader('Connection', 'close');
      reply(res, 413, { error: 'body too large' });
      return true;
    }
    switch (route) {
      case 'POST /__emulator/latency':
        actions.setLatency(clamp(b.ms, FAULT_LIMITS.latencyMs));
        reply(res, 200, { ok: true });
        return true;
      case 'POST /__emulator/ws/drop':
        actions.dropSockets();
        reply(res, 200, { ok: true });
        return true;
      case 'POST /__emulator/camera': {
        const ok = actions.setCameraOnline(Number(b.channel), b.online !== false);
        reply(res, ok ? 200 : 404, { ok });
        return true;
      }
      case 'POST /__emulator/sessions/expire':
        actions.expireSessions();
        reply(res, 200, { ok: true });
        return true;
      case 'POST /__emulator/capture': {
        try {
          const result = await actions.capture(Number(b.channel), typeof b.photo === 'string' ? b.photo : undefined);
          reply(res, 200, { ok: true, result });
        } catch (e) {
          reply(res, 400, { ok: false, error: e instanceof Error ? e.message : String(e) });
        }
        return true;
      }
      case 'POST /__emulator/restart':
        reply(res, 200, { ok: true });
        setImmediate(() => actions.restart(b.seconds === undefined ? undefined : clamp(b.seconds, FAULT_LIMITS.restartSeconds)));
        return true;
      case 'POST /__emulator/rate':
        await actions.setRate(clamp(b.rate, FAULT_LIMITS.rate));
        reply(res, 200, { ok: true });
        return true;
      case 'POST /__emulator/clock': {
        const step = Math.trunc(Number(b.stepSeconds) || 0);
        const time = actions.stepClock(Math.max(-CLOCK_STEP_MAX_S, Math.min(CLOCK_STEP_MAX_S, step)));
        reply(res, 200, { ok: true, time });
        return true;
      }
      case 'POST /__emulator/faces/fill': {
        const prefix = typeof b.prefix === 'string' && /^[A-Za-z0-9_-]{1,32}$/.test(b.prefix) ? b.prefix : 'fill';
        try {
          reply(res, 200, { ok: true, added: actions.fillFaces(Number(b.libId), Number(b.count), prefix) });
        } catch (e) {
          reply(res, 400, { ok: false, error: e instanceof Error ? e.message : String(e) });
        }
        return true;
      }
      case 'POST /__emulator/upgrade': {
        // One of three words, nothing else: a hostile body cannot set anything the handler does not know.
        const outcome = UPGRADE_OUTCOMES.find((o) => o === b.outcome);
        if (outcome) actions.setUpgradeOutcome(outcome);
        reply(res, outcome ? 200 : 400, outcome ? { ok: true } : { ok: false, error: `outcome is one of ${UPGRADE_OUTCOMES.join(', ')}` });
        return true;
      }
      case 'POST /__emulator/library-capacity': {
        const capacity = Math.trunc(Number(b.capacity));
        if (!(capacity >= 1 && capacity <= LIBRARY_CAPACITY)) {
          reply(res, 400, { ok: false, error: `capacity 1-${LIBRARY_CAPACITY}` });
          return true;
        }
        actions.setLibraryCapacity(capacity);
        reply(res, 200, { ok: true });
        return true;
      }
      case 'POST /__emulator/faces/picture': {
        const photo = typeof b.photo === 'string' ? /^data:image\/[a-z]+;base64,(.+)$/.exec(b.photo)?.[1] : undefined;
        if (!photo || typeof b.imgId !== 'string') {
          reply(res, 400, { ok: false, error: 'imgId and photo (a data URL) wanted' });
          return true;
        }
        const ok = actions.setFacePicture(Number(b.libId), b.imgId, Buffer.from(photo, 'base64'));
        reply(res, ok ? 200 : 404, { ok });
        return true;
      }
      case 'GET /__emulator/stats':
        reply(res, 200, actions.stats());
        return true;
      default:
        reply(res, 404, { error: `no such fault: ${route}` });
        return true;
    }
  };
}
