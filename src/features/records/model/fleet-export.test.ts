import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../api/protocol/csv';
import type { BodyRecord } from '../../../api/protocol/records';
import { fleetFileName, fleetIndexCsv, fleetIndexName } from './fleet-export';

const body = (snap: string, trigger: string, camera = 'Gate'): BodyRecord =>
  ({ snap_id: snap, trigger, channel: 2, camera_name: camera, position: '', quality: 0.9, snap_path: `record/${snap}.jpg` }) as BodyRecord;

describe('fleet export names and index', () => {
  it("names every file as the fleet's, with the node", () => {
    expect(fleetFileName('node-2', 'tmp/alarm_2026-12-06-10-00-00.zip')).toBe('fleet_node-2_alarm_2026-12-06-10-00-00.zip');
    expect(fleetIndexName('alarms', new Date(2026, 11, 6, 9, 5, 7))).toBe('fleet_alarms_2026-12-06-09-05-07.csv');
  });

  it("lists every row with its node and site, formula-safe, naming the row's zip", () => {
    const lobby = { id: 'node-2', name: 'Lobby', site: 'North campus' };
    const gate = { id: 'node-1', name: '=Gate', site: '' };
    const csv = fleetIndexCsv('bodies', [
      { node: lobby, row: body('a', '2026-12-06 10:00:00'), file: 'fleet_node-2_body_1.zip' },
      { node: gate, row: body('b', '2026-12-06 09:00:00', '-cam'), file: '' },
    ]);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(['node', 'node_name', 'site', 'trigger', 'snap_id', 'channel', 'camera_name', 'quality', 'file']);
    expect(rows).toEqual([
      ['node-2', 'Lobby', 'North campus', '2026-12-06 10:00:00', 'a', '2', 'Gate', '0.9', 'fleet_node-2_body_1.zip'],
      ['node-1', "'=Gate", '', '2026-12-06 09:00:00', 'b', '2', "'-cam", '0.9', ''],
    ]);
  });
});
