// A device at the network level for jsdom tests: `fetch` is replaced, the real
// client runs, so the envelope, headers and schemas are all exercised.
import { vi } from 'vitest';

export const FAKE_USER = 'admin';
export const FAKE_PASSWORD = 'Admin@12345';
export const FAKE_SESSION = 'sid-0123456789abcdef';
export const FAKE_VERSION = { device_id: 'NEBULA-0042', serial_id: 'SN20240001', version: 'V2.1.0', web_version: 'W2.1.0' };

export interface DeviceRequest {
  msgId: string;
  body: Record<string, unknown>;
  session: string | null;
}

/** An answer: the envelope's data (code 0), a device code, or a thrown network failure. */
export type Reply = { data: unknown } | { code: number } | { network: true };
export type Route = (req: DeviceRequest) => Reply | Promise<Reply>;

export function envelope(code: number, data: unknown = '') {
  return new Response(JSON.stringify({ code, data, msg: code === 0 ? 'success' : 'error' }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The handful of operations the shell uses, answered like the emulator would. */
export function defaultRoutes(): Record<string, Route> {
  return {
    '257': ({ body }) => (body.user_name === FAKE_USER && body.user_pwd === FAKE_PASSWORD ? { data: FAKE_SESSION } : { code: -113 }),
    '258': () => ({ data: '' }),
    '1281': ({ session }) => (session === FAKE_SESSION ? { data: FAKE_VERSION } : { code: -141 }),
    '516': ({ session }) =>
      session === FAKE_SESSION ? { data: { camera: [], computing_power_capacity: 16, used_computing_power: 0 } } : { code: -141 },
  };
}

export function fakeDevice(overrides: Record<string, Route> = {}) {
  const routes = { ...defaultRoutes(), ...overrides };
  const requests: DeviceRequest[] = [];
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    const headers = new Headers(init?.headers);
    const req: DeviceRequest = { msgId: String(body.msg_id), body, session: headers.get('sessionid') };
    requests.push(req);
    const route = routes[req.msgId];
    const reply: Reply = route ? await route(req) : { code: -3599 };
    if ('network' in reply) throw new TypeError('Failed to fetch');
    if ('code' in reply) return envelope(reply.code);
    return envelope(0, reply.data);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetch: fetchMock, requests, sent: (msgId: string) => requests.filter((r) => r.msgId === msgId) };
}
