import { describe, expect, it } from 'vitest';
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { filterRequest, pageRequest, readView, timeRange, withFilter, writeView } from './record-view';

const view = (q: string) => readView(new URLSearchParams(q));

describe('the records view in the URL', () => {
  it('round-trips every field and leaves defaults out', () => {
    const q =
      'tab=alarms&ch=2&libs=1,3&type=1&range=custom&from=2024-01-01+00%3A00%3A00&to=2024-01-02+00%3A00%3A00&page=3&size=50&open=abc';
    const v = view(q);
    expect(v).toMatchObject({ tab: 'alarms', channel: 2, libIds: [1, 3], libType: 1, range: 'custom', page: 3, size: 50, open: 'abc' });
    expect(readView(writeView(v))).toEqual(v);
    expect(writeView(view('')).toString()).toBe('');
  });

  it('drops what a hand-edited URL gets wrong instead of sending it', () => {
    const v = view('tab=nope&ch=-1&size=500&page=0&type=3&libs=a,2,2&range=custom&from=2024-02-01+00:00:00&to=2024-01-01+00:00:00');
    expect(v).toMatchObject({ tab: 'snapshots', channel: undefined, size: 10, page: 1, libType: undefined, libIds: [2], range: 'custom' });
    expect(v.from).toBeUndefined();
    expect(v.to).toBeUndefined();
    expect(view('range=sometime').range).toBeUndefined();
  });

  it('goes back to the first page and closes the drawer when a filter changes', () => {
    expect(withFilter(view('page=4&open=x'), { channel: 1 })).toMatchObject({ page: 1, open: undefined, channel: 1 });
  });

  it('asks each set only for the filters it takes', () => {
    const v = view('ch=1&lib_name=Staff&libs=2&type=2&range=yesterday');
    const range = timeRange(v, parseDeviceTime('2024-05-02 10:00:00'))!;
    expect(filterRequest({ ...v, tab: 'snapshots' }, range)).toEqual({
      tab: 'snapshots',
      filter: { channel: 1, lib_name: 'Staff', lib_type: 2, start_time: '2024-05-01 00:00:00', stop_time: '2024-05-01 23:59:59' },
    });
    expect(filterRequest({ ...v, tab: 'alarms' }, range).filter).toEqual({
      channel: 1,
      lib_ids: '2',
      lib_type: 2,
      start_time: '2024-05-01 00:00:00',
      stop_time: '2024-05-01 23:59:59',
    });
    expect(filterRequest({ ...v, tab: 'bodies' }, range).filter).toEqual({
      channel: 1,
      start_time: '2024-05-01 00:00:00',
      stop_time: '2024-05-01 23:59:59',
    });
    // A preset waits for the device's clock.
    expect(timeRange(v, null)).toBeNull();
    expect(timeRange(view(''), null)).toEqual({});
  });

  it('pages 1-based within the device limit', () => {
    expect(pageRequest({ page: 3, size: 20 })).toEqual({ start_no: 41, qry_len: 20 });
  });
});

describe('the fleet search in the URL', () => {
  it('reads the nodes and one cursor; a filter change goes back to the first page', () => {
    const v = readView(new URLSearchParams('tab=alarms&nodes=node-1,node-3,Bad,node-1&after=node-1:20,node-3:4'));
    expect(v.nodes).toEqual(['node-1', 'node-3']);
    expect(v.after).toEqual({ 'node-1': 20, 'node-3': 4 });
    expect(v.before).toBeUndefined();
    expect(writeView(v).toString()).toBe('tab=alarms&nodes=node-1%2Cnode-3&after=node-1%3A20%2Cnode-3%3A4');
    expect(withFilter(v, { channel: 2 })).toMatchObject({ after: undefined, before: undefined, nodes: ['node-1', 'node-3'] });
    expect(readView(new URLSearchParams('')).nodes).toBeUndefined();
    expect(readView(new URLSearchParams('nodes=')).nodes).toEqual([]);
  });

  it('filters alarms by library name across nodes (ids are per node)', () => {
    const v = { ...readView(new URLSearchParams('tab=alarms&libs=3&lib_name=Staff')) };
    expect(filterRequest(v, {}).filter).toEqual({ lib_ids: '3' });
    expect(filterRequest(v, {}, { fleet: true }).filter).toEqual({ lib_name: 'Staff' });
  });
});
