// A demo fleet's nodes (issue 17): what `npm start -- --nodes N`, the e2e
// fleet (e2e/fleet.ts) and bench/fleet.ts give each emulator, so the nodes
// differ as a site's do (device id, model, name, site, cameras, history).
import type { DeviceModel } from '../src/api/protocol/limits';

export interface FleetNodePlan {
  /** The node list's id (server/nodes.ts: /^[a-z0-9][a-z0-9-]{0,31}$/). */
  id: string;
  name: string;
  site: string;
  model: DeviceModel;
  /** 1301's answer on a fresh store. */
  deviceId: string;
  /** EmulatorOptions.demoSeed: 3-5 cameras and a history of its own. */
  seed: number;
}

const NAMES = ['Main gate', 'Lobby', 'Car park', 'Warehouse', 'Canteen', 'Platform 1', 'Platform 2', 'Shop floor'];
const SITES = ['North campus', 'South campus', 'Station'];

export function fleetPlan(count: number): FleetNodePlan[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `node-${i + 1}`,
    name: NAMES[i % NAMES.length]! + (i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''),
    // Two nodes on the first site, then one each: grouping by site has something to group.
    site: SITES[Math.max(0, i - 1) % SITES.length]!,
    model: i % 2 === 0 ? 'm8s' : 'm4s',
    deviceId: `nebula-m-${String(1001 + i)}`,
    seed: i + 1,
  }));
}
