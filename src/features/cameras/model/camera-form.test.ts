import { describe, expect, it } from 'vitest';
import { addCamera, updateCamera, type CameraRecord } from '../../../api/protocol/cameras';
import { channelRows, kindOf, powerState } from './camera-kind';
import {
  checkCamera,
  checkHost,
  checkIpv4,
  checkPort,
  checkRtspUrl,
  checkSipId,
  emptyValues,
  maskUrlPassword,
  unmaskUrlPassword,
  toAddRequest,
  toUpdateRequest,
  valuesFromCamera,
  type CameraFormValues,
} from './camera-form';

const onvif: CameraRecord = {
  camera_name: 'Lobby',
  channel: 2,
  camera_mode: 'VIDEO',
  description: '',
  lib_ids: '3,1',
  position: 'Ground floor',
  status: 1,
  threshold: 78,
  protocol: 'onvif',
  decoder: 'onvif',
  ip: '192.168.1.102',
  port: 80,
  camera_user: 'admin',
  camera_pwd: 'admin123',
  camera_roi: '',
  roi_max: 2073600,
  snap_mode: 3,
  facesize_min: 60,
  facesize_max: 1000,
};

describe('field checks', () => {
  it("catches the issue's invalid values", () => {
    const v: CameraFormValues = { ...emptyValues('GB28181'), camera_name: 'x', threshold: 101, facesize_min: 50, port: 70000 };
    v.server_sip_id = '1'.repeat(21);
    v.camera_sip_id = '34020000001320000001';
    v.ip = '10.0.0.1';
    expect(checkCamera(v, 'add')).toEqual({
      threshold: 'problem.threshold',
      facesize_min: 'problem.faceSize',
      port: 'problem.port',
      server_sip_id: 'problem.sipId',
    });
  });
  it('wants min <= max face size', () => {
    const v = { ...emptyValues('rtsp'), camera_name: 'x', url: 'rtsp://10.0.0.1/', facesize_min: 500, facesize_max: 400 };
    expect(checkCamera(v, 'add')).toEqual({ facesize_max: 'problem.faceOrder' });
  });
  it('asks the password on add only', () => {
    const v = { ...emptyValues('onvif'), camera_name: 'x', ip: '10.0.0.1', port: 80, camera_user: 'admin' };
    expect(checkCamera(v, 'add')).toEqual({ camera_pwd: 'problem.required' });
    expect(checkCamera(v, 'edit')).toEqual({});
  });
  it('reads addresses, ports, SIP ids and URLs', () => {
    expect(checkHost('192.168.1.2')).toBeNull();
    expect(checkHost('cam-1.site.local')).toBeNull();
    expect(checkHost('10.5.4')).toBe('problem.ip');
    expect(checkHost('bad host')).toBe('problem.ip');
    expect(checkIpv4('cam.local')).toBe('problem.ipv4');
    expect(checkPort(0)).toBe('problem.port');
    expect(checkPort(0, 0)).toBeNull();
    expect(checkPort(65535)).toBeNull();
    expect(checkPort(65536)).toBe('problem.port');
    expect(checkPort(null)).toBe('problem.required');
    expect(checkSipId('3402000000200000000a')).toBe('problem.sipId');
    expect(checkSipId('1'.repeat(20))).toBeNull();
    expect(checkRtspUrl('http://cam/')).toBe('problem.url');
    expect(checkRtspUrl('rtsp://admin:x@10.0.0.1:554/s')).toBeNull();
  });
});

describe('requests', () => {
  it('builds a 513 request the schema takes, for each kind', () => {
    const kinds = [
      { ...emptyValues('rtsp'), camera_name: 'a', url: 'rtsp://10.0.0.1/' },
      { ...emptyValues('onvif'), camera_name: 'b', ip: '10.0.0.2', port: 80, camera_user: 'u', camera_pwd: 'p' },
      { ...emptyValues('GB28181', { serverSipId: '34020000002000000001', nodeHost: '10.0.0.9' }), camera_name: 'c', camera_sip_id: '1' },
      {
        ...emptyValues('IMAGE'),
        camera_name: 'd',
        ip: '10.0.0.4',
        port: 37777,
        camera_user: 'u',
        camera_pwd: 'p',
        vendor: 'hikvision' as const,
      },
    ];
    for (const v of kinds) {
      expect(checkCamera(v, 'add')).toEqual({});
      expect(() => addCamera.request.parse(toAddRequest(v))).not.toThrow();
    }
    const gb = toAddRequest(kinds[2]!);
    expect(gb).toMatchObject({ protocol: 'GB28181', ip: '10.0.0.9', port: 5060, server_sip_id: '34020000002000000001' });
    expect(gb).not.toHaveProperty('camera_pwd');
    expect(toAddRequest(kinds[3]!)).not.toHaveProperty('snap_mode');
  });
  it('sends only what changed on edit, and a typed password', () => {
    const before = valuesFromCamera(onvif);
    expect(before.camera_pwd).toBe('');
    expect(toUpdateRequest(2, before, before)).toBeNull();
    // The same libraries in another order are no change.
    expect(toUpdateRequest(2, before, { ...before, lib_ids: [1, 3] })).toBeNull();
    const req = toUpdateRequest(2, before, { ...before, threshold: 90, camera_pwd: 'new-secret' });
    expect(req).toEqual({ channel: 2, threshold: 90, camera_pwd: 'new-secret' });
    expect(() => updateCamera.request.parse(req)).not.toThrow();
  });
  it('never sends a field the kind cannot change', () => {
    const before = valuesFromCamera({ ...onvif, camera_mode: 'IMAGE', protocol: undefined, vendor: 'dahua' });
    const req = toUpdateRequest(2, before, { ...before, snap_mode: 2, facesize_min: 100, url: 'rtsp://x/', vendor: 'hikvision' });
    expect(req).toEqual({ channel: 2, vendor: 'hikvision' });
  });
});

describe('channels and power', () => {
  it('lists every channel of the model, with its camera or free', () => {
    const rows = channelRows(16, [onvif]);
    expect(rows).toHaveLength(16);
    expect(rows[1]!.camera?.camera_name).toBe('Lobby');
    expect(rows[0]!.camera).toBeNull();
    expect(channelRows(8, [])).toHaveLength(8);
  });
  it('says what one more camera of each kind costs and whether it fits', () => {
    const p = powerState(16, 15);
    expect(p.free).toBe(1);
    expect(p.next.IMAGE).toEqual({ cost: 1, fits: true });
    expect(p.next.rtsp).toEqual({ cost: 2, fits: false });
  });
  it("reads the kind whatever the protocol's case", () => {
    expect(kindOf({ camera_mode: 'VIDEO', protocol: 'gb28181' })).toBe('GB28181');
    expect(kindOf({ camera_mode: 'IMAGE' })).toBe('IMAGE');
  });
});

describe('the password inside an rtsp URL', () => {
  const stored = 'rtsp://admin:admin123@192.168.1.101:554/Streaming/Channels/101';
  it('is masked in the form and restored when left in place', () => {
    const cam: CameraRecord = { ...onvif, protocol: 'rtsp', url: stored, ip: undefined, port: undefined };
    const before = valuesFromCamera(cam);
    expect(before.url).toBe('rtsp://admin:••••••@192.168.1.101:554/Streaming/Channels/101');
    expect(before.url).not.toContain('admin123');
    const moved = { ...before, url: before.url!.replace('192.168.1.101', '192.168.1.111') };
    expect(toUpdateRequest(1, before, moved, cam)).toEqual({
      channel: 1,
      url: 'rtsp://admin:admin123@192.168.1.111:554/Streaming/Channels/101',
    });
    const retyped = { ...before, url: 'rtsp://admin:other@192.168.1.101:554/s' };
    expect(toUpdateRequest(1, before, retyped, cam)).toEqual({ channel: 1, url: 'rtsp://admin:other@192.168.1.101:554/s' });
  });
  it('leaves a URL without a password as it is', () => {
    expect(maskUrlPassword('rtsp://10.0.0.1/live')).toBe('rtsp://10.0.0.1/live');
    expect(unmaskUrlPassword('rtsp://10.0.0.1/live', stored)).toBe('rtsp://10.0.0.1/live');
  });
});
