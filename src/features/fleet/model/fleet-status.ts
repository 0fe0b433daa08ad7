// Each node's row of the fleet overview, from what its reads answered, and the
// order the rows are shown in: grouped by site, problems first. No React here.
import { toDevicePower } from '../../../api/queries/device';
import { DeviceError, NetworkError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import type { CameraList } from '../../../api/queries/cameras';
import { parseDeviceTime } from '../../../api/protocol/device-time';
import type { AlarmRecord } from '../../../api/protocol/records';
import type { NodeInfo } from '../../../session/node-store';

const DAY_MS = 86_400_000;

/** The device's midnight (naive wall-clock ms, as device-time reads it), from its clock read at `readAt` and moved on since. */
export function deviceMidnight(sysTime: string, readAt: number, now: number): number | null {
  const at = parseDeviceTime(sysTime);
  if (at === null) return null;
  const deviceNow = at + Math.max(0, now - readAt);
  return Math.floor(deviceNow / DAY_MS) * DAY_MS;
}

/** Worst first: the order problems are listed in. */
export const HEALTH_ORDER = ['unreachable', 'error', 'expired', 'signedOut', 'warning', 'loading', 'ok'] as const;
export type Health = (typeof HEALTH_ORDER)[number];

export type Warning = 'camerasOffline' | 'storageFull' | 'cpuHigh' | 'memoryHigh';
/** At or above this share a resource is a problem worth listing first. */
export const HIGH_PERCENT = 90;

export interface SlowAnswer {
  version: { device_id: string; version: string };
  storage: { cur_storage: number; max_storage: number };
}
export interface LiveAnswer {
  cameras: CameraList;
  cpu: { cpu_usage: number };
  memory: { memory_usage: number };
  alarmsToday: number | null;
  lastAlarm: AlarmRecord | null;
}

export interface NodeRow {
  node: NodeInfo;
  health: Health;
  warnings: Warning[];
  /** The error that made the node unreachable or refuse, for its words. */
  error: unknown;
  model: string | null;
  version: string | null;
  deviceId: string | null;
  camerasOnline: number | null;
  camerasConfigured: number | null;
  powerUsed: number | null;
  powerCapacity: number | null;
  cpuPercent: number | null;
  memoryPercent: number | null;
  storagePercent: number | null;
  alarmsToday: number | null;
  lastAlarm: AlarmRecord | null;
}

export interface RowInput {
  node: NodeInfo;
  session: { sessionId: string | null; expired: boolean } | undefined;
  slow: { data?: SlowAnswer; error: unknown };
  live: { data?: LiveAnswer; error: unknown };
}

function healthOfError(e: unknown): Health {
  if (e instanceof DeviceError) return e.code === ErrorCode.NOT_LOGGED_IN ? 'expired' : 'error';
  if (e instanceof NetworkError) return 'unreachable';
  return 'error';
}

const percent = (used: number, total: number): number | null => (total > 0 ? Math.min(100, (used / total) * 100) : null);

export function toRow({ node, session, slow, live }: RowInput): NodeRow {
  const power = live.data ? toDevicePower(live.data.cameras) : null;
  const cameras = live.data?.cameras.camera;
  const row: NodeRow = {
    node,
    health: 'ok',
    warnings: [],
    error: null,
    model: power ? (power.modelName ?? null) : null,
    version: slow.data?.version.version ?? null,
    deviceId: slow.data?.version.device_id ?? null,
    camerasOnline: cameras ? cameras.filter((c) => c.status === 1).length : null,
    camerasConfigured: cameras ? cameras.length : null,
    powerUsed: power?.used ?? null,
    powerCapacity: power?.capacity ?? null,
    cpuPercent: live.data?.cpu.cpu_usage ?? null,
    memoryPercent: live.data?.memory.memory_usage ?? null,
    storagePercent: slow.data ? percent(slow.data.storage.cur_storage, slow.data.storage.max_storage) : null,
    alarmsToday: live.data?.alarmsToday ?? null,
    lastAlarm: live.data?.lastAlarm ?? null,
  };
  if (!session?.sessionId) return { ...row, health: session?.expired ? 'expired' : 'signedOut' };
  // The newest failure says what the node is now; an older answer's figures stay shown.
  const error = live.error ?? slow.error;
  if (error) return { ...row, health: healthOfError(error), error };
  if (!slow.data || !live.data) return { ...row, health: 'loading' };
  const warnings: Warning[] = [];
  if (row.camerasOnline !== null && row.camerasConfigured !== null && row.camerasOnline < row.camerasConfigured)
    warnings.push('camerasOffline');
  if ((row.storagePercent ?? 0) >= HIGH_PERCENT) warnings.push('storageFull');
  if ((row.cpuPercent ?? 0) >= HIGH_PERCENT) warnings.push('cpuHigh');
  if ((row.memoryPercent ?? 0) >= HIGH_PERCENT) warnings.push('memoryHigh');
  return { ...row, warnings, health: warnings.length ? 'warning' : 'ok' };
}

const rank = (r: NodeRow): number => HEALTH_ORDER.indexOf(r.health);

export interface SiteGroup {
  site: string;
  rows: NodeRow[];
}

/**
 * Sites with a problem first (the worst node decides), then by name; inside a
 * site the worst nodes first, then more warnings, then the list's order.
 */
export function groupBySite(rows: readonly NodeRow[]): SiteGroup[] {
  const sites = new Map<string, NodeRow[]>();
  for (const r of rows) sites.set(r.node.site, [...(sites.get(r.node.site) ?? []), r]);
  const groups = [...sites].map(([site, list]) => ({
    site,
    rows: list
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(a.r) - rank(b.r) || b.r.warnings.length - a.r.warnings.length || a.i - b.i)
      .map(({ r }) => r),
  }));
  return groups.sort((a, b) => rank(a.rows[0]!) - rank(b.rows[0]!) || a.site.localeCompare(b.site));
}
