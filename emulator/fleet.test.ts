import { describe, expect, it } from 'vitest';
import { getDeviceId, listCameras } from '../src/api/protocol';
import { fleetPlan } from './fleet';
import { seedCameras } from './demo/cameras';
import { noEngine, startTestDevice } from './testing';

describe('a demo fleet', () => {
  it('gives every node its own id, device id, seed and a mix of models and sites', () => {
    const plan = fleetPlan(8);
    expect(new Set(plan.map((n) => n.id)).size).toBe(8);
    expect(new Set(plan.map((n) => n.deviceId)).size).toBe(8);
    expect(new Set(plan.map((n) => n.seed)).size).toBe(8);
    expect(new Set(plan.map((n) => n.name)).size).toBe(8);
    expect(plan.map((n) => n.model).slice(0, 2)).toEqual(['m8s', 'm4s']);
    expect(new Set(plan.map((n) => n.site)).size).toBeGreaterThan(1);
    for (const n of plan) expect(n.id).toMatch(/^[a-z0-9][a-z0-9-]{0,31}$/);
  });

  it('starts a fresh store with the device id asked', async () => {
    const device = await startTestDevice({ deviceId: 'nebula-m-1002' }, { engine: noEngine });
    try {
      expect((await device.call(getDeviceId, {})).device_id).toBe('nebula-m-1002');
    } finally {
      await device.close();
    }
  });

  it('seeds only the first cameras when told how many', async () => {
    const device = await startTestDevice({}, { engine: noEngine });
    try {
      seedCameras(device.emulator.ctx, 3);
      expect((await device.call(listCameras, {})).camera.map((c) => c.channel)).toEqual([1, 2, 3]);
    } finally {
      await device.close();
    }
  });
});
