// Fault injection for tests: the emulator's own routes, not the device's, under
// /__emulator/ and answered on loopback only. POST bodies are JSON.
//   POST /__emulator/latency      {"ms": 800}            added to every API answer
//   POST /__emulator/ws/drop                              close every WebSocket
//   POST /__emulator/camera       {"channel": 2, "online": false}
//   POST /__emulator/sessions/expire                      every session ends (-141 next)
//   POST /__emulator/capture      {"channel": 1, "photo": "<pool id>" | "data:image/jpeg;base64,…"}
//   POST /__emulator/restart      {"seconds": 3}          go away, come back
//   POST /__emulator/rate         {"rate": 50}            captures per second (0 stops)
//   POST /__emulator/clock        {"stepSeconds": -3600}  step the device's clock (a zone fixed, NTP); answers its new time
//   GET  /__emulator/stats                                push and capture counters
import type http from 'node:http';
import type { ExtraRoute } from './server';

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
  stats(): unknown;
}

/** A year either way: enough for any zone or NTP step, and the clock stays in the years the device keeps. */
export const CLOCK_STEP_MAX_S = 366 * 86_400;

function isLoopback(req: http.IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? '';
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
}

async function body(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
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

export function faultRoutes(actions: FaultActions): ExtraRoute {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://device');
    if (!url.pathname.startsWith('/__emulator/')) return false;
    if (!isLoopback(req)) {
      reply(res, 403, { error: 'fault injection answers on loopback only' });
      return true;
    }
    const route = `${req.method} ${url.pathname}`;
    const b = req.method === 'POST' ? await body(req) : {};
    switch (route) {
      case 'POST /__emulator/latency':
        actions.setLatency(Math.max(0, Number(b.ms) || 0));
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
        setImmediate(() => actions.restart(b.seconds === undefined ? undefined : Number(b.seconds)));
        return true;
      case 'POST /__emulator/rate':
        await actions.setRate(Math.max(0, Number(b.rate) || 0));
        reply(res, 200, { ok: true });
        return true;
      case 'POST /__emulator/clock': {
        const step = Math.trunc(Number(b.stepSeconds) || 0);
        const time = actions.stepClock(Math.max(-CLOCK_STEP_MAX_S, Math.min(CLOCK_STEP_MAX_S, step)));
        reply(res, 200, { ok: true, time });
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
