// A fleet export (records across nodes): each node makes its own zips (§3.14 /
// §3.17 / §3.23, the device's CSV inside knows nothing of nodes), saved under a
// name that says fleet and the node; then the console writes one index of
// every row with its node and site, in the merged order, naming the zip that
// holds the row's pictures. The index is formula-safe (src/api/protocol/csv.ts).
import { toCsv } from '../../../api/protocol/csv';
import type { AlarmRecord, BodyRecord, SnapshotRecord } from '../../../api/protocol/records';
import type { NodeInfo } from '../../../session/node-store';
import type { RecordTab } from './record-view';

export interface IndexRow {
  node: NodeInfo;
  row: SnapshotRecord | AlarmRecord | BodyRecord;
  /** The saved name of the zip holding the row (empty: that node's export failed). */
  file: string;
}

const COMMON = ['node', 'node_name', 'site', 'trigger', 'snap_id', 'channel', 'camera_name'] as const;
const BY_TAB = {
  snapshots: ['lib_name', 'similarity', 'threshold'],
  alarms: ['person_name', 'img_id', 'lib_id', 'lib_name', 'similarity', 'threshold'],
  bodies: ['quality'],
} as const satisfies Record<RecordTab, readonly string[]>;

/** The saved name of a node's zip: "fleet_<node>_<the device's name>". */
export function fleetFileName(node: string, devicePath: string): string {
  return `fleet_${node}_${devicePath.split('/').pop() || 'export.zip'}`;
}

/** The index's own name: "fleet_<tab>_<yyyy-MM-dd-HH-mm-ss>.csv" (the browser's time: the nodes' clocks differ). */
export function fleetIndexName(tab: RecordTab, at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}-${p(at.getMinutes())}-${p(at.getSeconds())}`;
  return `fleet_${tab === 'snapshots' ? 'snapshots' : tab}_${stamp}.csv`;
}

export function fleetIndexCsv(tab: RecordTab, rows: readonly IndexRow[]): string {
  const extra = BY_TAB[tab];
  const header = [...COMMON, ...extra, 'file'];
  const body = rows.map(({ node, row, file }) => {
    const fields = row as unknown as Record<string, unknown>;
    return [node.id, node.name, node.site, row.trigger, row.snap_id, row.channel, row.camera_name, ...extra.map((k) => fields[k]), file];
  });
  return toCsv(header, body);
}
