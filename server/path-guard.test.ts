import { describe, expect, it } from 'vitest';
import { FAULT_SPELLINGS } from './fault-spellings';
import { checkPath, isDevicePath, needsGuard } from './path-guard';

describe('the path guard', () => {
  it.each(FAULT_SPELLINGS)('refuses %s (%i)', (raw, status) => {
    const verdict = checkPath(raw);
    expect(verdict).toMatchObject({ ok: false, status });
    expect(needsGuard(raw)).toBe(true);
  });

  it('lets the console and the device paths through, decoded', () => {
    expect(checkPath('/api/json')).toEqual({ ok: true, path: '/api/json' });
    expect(checkPath('/ws/snap/2026/a%20b.jpg?x=1')).toEqual({ ok: true, path: '/ws/snap/2026/a b.jpg' });
    expect(checkPath('/records/alarms')).toMatchObject({ ok: true });
    expect(checkPath('/assets/index-D9ICKvaA.js')).toMatchObject({ ok: true });
  });

  it('forwards /api and /ws only, not look-alikes', () => {
    expect(isDevicePath('/api/json')).toBe(true);
    expect(isDevicePath('/ws/')).toBe(true);
    expect(isDevicePath('/ws?token=1')).toBe(true);
    expect(isDevicePath('/wsx')).toBe(false);
    expect(isDevicePath('/apis/x')).toBe(false);
    expect(isDevicePath('/assets/x.js')).toBe(false);
  });

  it('refuses what is not a path', () => {
    expect(checkPath('http://device/__emulator/stats')).toMatchObject({ ok: false, status: 400 });
    expect(checkPath('*')).toMatchObject({ ok: false, status: 400 });
    expect(checkPath('/ws/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
  });
});
