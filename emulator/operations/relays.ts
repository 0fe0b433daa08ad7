// Camera-to-relay bindings (§10.1-10.3). The relays table holds the bindings;
// a binding's camera_name is read from the camera at answer time, so a
// renamed camera shows its new name.
import { addRelay, deleteRelay, listRelays } from '../../src/api/protocol/cameras';
import type { EmulatorContext } from '../context';
import { readCamera } from './camera-store';
import { handle, Refusal, type Handler, type HandlerRequest } from './handler';
import { isIpv4, isReachableHost } from './reachability';
import { ErrorCode } from '../../src/api/protocol/error-codes';

const { CAMERA_MISSING, NO_DATA, PARAM_ERROR } = ErrorCode;

interface RelayRow {
  id: number;
  camera_channel: number;
  camera_name: string | null;
  dev_ip: string;
  dev_port: number;
  dev_name: string;
  dev_tag: string;
}

const RELAY_SELECT = `
  SELECT r.id, r.camera_channel, json_extract(c.data, '$.camera_name') AS camera_name,
         r.dev_ip, r.dev_port, r.dev_name, r.dev_tag
  FROM relays r LEFT JOIN cameras c ON c.channel = r.camera_channel`;

function relayAnswer(row: RelayRow) {
  return {
    id: row.id,
    camera_channel: row.camera_channel,
    camera_name: row.camera_name ?? '',
    dev_ip: row.dev_ip,
    dev_port: row.dev_port,
    dev_name: row.dev_name,
    dev_tag: row.dev_tag,
    dev_type: 'relay',
  };
}

/**
 * §10.1 work_status: we have no relay to ping, so the rule is the cameras' one:
 * online unless dev_ip is in a documentation range (192.0.2.0/24 …).
 */
export const relayOnline = (devIp: string): boolean => isReachableHost(devIp);

export function insertRelay(ctx: EmulatorContext, req: HandlerRequest<typeof addRelay>): ReturnType<typeof relayAnswer> {
  if (!readCamera(ctx, req.camera_channel)) throw new Refusal(CAMERA_MISSING, `channel ${req.camera_channel}`);
  // §10.2 shows dotted IPv4 only; a host name or a typo is a parameter error.
  const devIp = req.dev_ip.trim();
  if (!isIpv4(devIp)) throw new Refusal(PARAM_ERROR, `dev_ip ${req.dev_ip}`);
  const { lastInsertRowid } = ctx.db
    .prepare('INSERT INTO relays(camera_channel, dev_ip, dev_port, dev_name, dev_tag) VALUES (?, ?, ?, ?, ?)')
    .run(req.camera_channel, devIp, req.dev_port, req.dev_name ?? '', req.dev_tag ?? '');
  const row = ctx.db.prepare<[number], RelayRow>(`${RELAY_SELECT} WHERE r.id = ?`).get(Number(lastInsertRowid));
  if (!row) throw new Error('relay vanished after insert');
  return relayAnswer(row);
}

export const relaysHandlers: Handler[] = [
  handle(listRelays, (_req, ctx) =>
    ctx.db
      .prepare<[], RelayRow>(`${RELAY_SELECT} ORDER BY r.id`)
      .all()
      .map((row) => ({ ...relayAnswer(row), work_status: relayOnline(row.dev_ip) ? 1 : 0 })),
  ),

  handle(addRelay, (req, ctx) => insertRelay(ctx, req)),

  handle(deleteRelay, (req, ctx) => {
    const { changes } = ctx.db.prepare('DELETE FROM relays WHERE id = ?').run(req.id);
    if (changes === 0) throw new Refusal(NO_DATA, `relay ${req.id}`);
    return '';
  }),
];
