import { describe, expect, it } from 'vitest';
import { compareAll, compareSetting, settingKey, type NodeSettings } from './settings-compare';

const base: NodeSettings = {
  ntp: { enabled: true, url: 'pool.ntp.org', port: '123', cycle: '10' },
  time: { zone: 'GMT+08:00', format: 'yyyy-MM-dd HH:mm:ss' },
  storage: 1,
  push: { url: '', key: '' },
};

describe('settings comparison', () => {
  it('marks the odd node out, per setting', () => {
    const read = { a: base, b: base, c: { ...base, time: { ...base.time!, zone: 'GMT+00:00' } } };
    const rows = compareAll(['a', 'b', 'c'], read);
    const zone = rows.find((r) => r.setting === 'timeZone')!;
    expect(zone.usual).toBe('GMT+08:00');
    expect(zone.cells.map((c) => c.differs)).toEqual([false, false, true]);
    expect(zone.differing).toBe(1);
    for (const r of rows.filter((x) => x.setting !== 'timeZone')) expect(r.differing, r.setting).toBe(0);
  });

  it('a tie keeps the earliest node as the usual value', () => {
    const row = compareSetting('storage', ['a', 'b'], { a: { storage: 2 }, b: { storage: 1 } });
    expect(row.usual).toBe('2');
    expect(row.cells.map((c) => c.differs)).toEqual([false, true]);
  });

  it('a node not read is neither usual nor different', () => {
    const row = compareSetting('storage', ['a', 'b', 'c'], { a: undefined, b: { storage: 1 }, c: { storage: 1 } });
    expect(row.cells[0]).toEqual({ node: 'a', key: null, differs: false });
    expect(row.differing).toBe(0);
    expect(compareSetting('storage', ['a'], {}).usual).toBeNull();
  });

  it('keys equal where the device behaves the same', () => {
    const off = (url: string) => settingKey('ntp', { ntp: { enabled: false, url, port: '123', cycle: '10' } });
    expect(off('a.example')).toBe(off('b.example'));
    const on = (url: string, port: string) => settingKey('ntp', { ntp: { enabled: true, url, port, cycle: '10' } });
    expect(on('Pool.NTP.org ', '123')).toBe(on('pool.ntp.org', '0123'));
    expect(on('pool.ntp.org', '123')).not.toBe(on('pool.ntp.org', '124'));
    expect(settingKey('push', { push: { url: '', key: 'k1' } })).toBe(settingKey('push', { push: { url: ' ', key: 'k2' } }));
    expect(settingKey('push', { push: { url: 'h/x', key: 'k1' } })).not.toBe(settingKey('push', { push: { url: 'h/x', key: 'k2' } }));
    // §6.16-6.17 have no query: the web switch is never compared.
    expect(settingKey('web', base)).toBeNull();
  });
});
