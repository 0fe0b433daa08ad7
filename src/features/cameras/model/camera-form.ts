// The add / edit form without React: its values, every check the device would
// make (so nothing invalid is sent), and the 513 / 515 requests built from it.
// An edit sends only what changed (§4.3 note 5: fields left out keep their value).
import type { addCamera, CameraRecord, updateCamera } from '../../../api/protocol/cameras';
import { VENDORS } from '../../../api/protocol/cameras';
import type { RequestOf } from '../../../api/protocol/operation';
import { FACESIZE_MAX, FACESIZE_MIN, PORT_MAX, SIP_ID_MAX, THRESHOLD_MAX, THRESHOLD_MIN } from '../../../api/protocol/limits';
import { isVideo, kindOf, parseLibIds, type CameraKind } from './camera-kind';

export type SnapMode = 1 | 2 | 3;
export type Vendor = (typeof VENDORS)[number];

/** What the form holds. Numbers may be null while a field is cleared. */
export interface CameraFormValues {
  kind: CameraKind;
  /** Add only: undefined lets the device take the lowest free channel. */
  channel?: number | null;
  camera_name: string;
  position: string;
  description: string;
  lib_ids: number[];
  threshold: number | null;
  snap_mode?: SnapMode;
  facesize_min?: number | null;
  facesize_max?: number | null;
  url?: string;
  ip?: string;
  port?: number | null;
  camera_user?: string;
  /** Empty on edit means "keep the stored one": it is never shown back. */
  camera_pwd?: string;
  server_sip_id?: string;
  camera_sip_id?: string;
  vendor?: Vendor;
  product?: string;
}

/** Problems, named as the feature's message keys. */
export type Problem =
  | 'problem.required'
  | 'problem.threshold'
  | 'problem.faceSize'
  | 'problem.faceOrder'
  | 'problem.port'
  | 'problem.relayPort'
  | 'problem.sipId'
  | 'problem.ip'
  | 'problem.url'
  | 'problem.ipv4';

/** §4.2 c / §4.1: "SIP server port, usually 5060". */
export const SIP_PORT_DEFAULT = 5060;
export const THRESHOLD_DEFAULT = 80;
export const SNAP_MODE_DEFAULT: SnapMode = 1;

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function checkRequired(v: string | undefined | null): Problem | null {
  return (v ?? '').trim() === '' ? 'problem.required' : null;
}

export function checkThreshold(v: number | null | undefined): Problem | null {
  if (v === null || v === undefined) return 'problem.required';
  return isWhole(v) && v >= THRESHOLD_MIN && v <= THRESHOLD_MAX ? null : 'problem.threshold';
}

/** §4.1: 60 <= facesize_min <= facesize_max <= 1000. Empty is allowed (the device then keeps / defaults it). */
export function checkFaceSize(v: number | null | undefined): Problem | null {
  if (v === null || v === undefined) return null;
  return isWhole(v) && v >= FACESIZE_MIN && v <= FACESIZE_MAX ? null : 'problem.faceSize';
}

export function checkFaceOrder(min: number | null | undefined, max: number | null | undefined): Problem | null {
  if (!isWhole(min) || !isWhole(max)) return null;
  return min <= max ? null : 'problem.faceOrder';
}

/**
 * 0-65535 (§10.2 for relays). A camera or SIP server on port 0 cannot be
 * reached, so for those we ask 1-65535 (our choice; the device takes 0).
 */
export function checkPort(v: number | null | undefined, min = 1): Problem | null {
  if (v === null || v === undefined) return 'problem.required';
  return isWhole(v) && v >= min && v <= PORT_MAX ? null : min === 0 ? 'problem.relayPort' : 'problem.port';
}

/** §4.2 c: at most 20; GB/T 28181 ids are digits. */
export function checkSipId(v: string | undefined): Problem | null {
  const s = (v ?? '').trim();
  if (s === '') return 'problem.required';
  return /^\d+$/.test(s) && s.length <= SIP_ID_MAX ? null : 'problem.sipId';
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
export const isIpv4 = (s: string): boolean => IPV4.test(s.trim());

/** A camera's address: a dotted IPv4, or a host name (not digits and dots that are no IPv4: a typo). */
export function checkHost(v: string | undefined): Problem | null {
  const s = (v ?? '').trim();
  if (s === '') return 'problem.required';
  if (isIpv4(s)) return null;
  if (/^[\d.]+$/.test(s)) return 'problem.ip';
  return HOSTNAME.test(s) ? null : 'problem.ip';
}

/** §10.2 shows a dotted IPv4 for the relay, and the device refuses anything else. */
export function checkIpv4(v: string | undefined): Problem | null {
  const s = (v ?? '').trim();
  if (s === '') return 'problem.required';
  return isIpv4(s) ? null : 'problem.ipv4';
}

export function checkRtspUrl(v: string | undefined): Problem | null {
  const s = (v ?? '').trim();
  if (s === '') return 'problem.required';
  try {
    const u = new URL(s);
    return u.protocol === 'rtsp:' && u.hostname !== '' ? null : 'problem.url';
  } catch {
    return 'problem.url';
  }
}

/** Every problem of the form, by field: what the form's rules show, in one place to test. */
export function checkCamera(v: CameraFormValues, mode: 'add' | 'edit'): Partial<Record<keyof CameraFormValues, Problem>> {
  const out: Partial<Record<keyof CameraFormValues, Problem>> = {};
  const put = (k: keyof CameraFormValues, p: Problem | null) => {
    if (p) out[k] = p;
  };
  put('camera_name', checkRequired(v.camera_name));
  put('threshold', checkThreshold(v.threshold));
  if (isVideo(v.kind)) {
    put('facesize_min', checkFaceSize(v.facesize_min));
    put('facesize_max', checkFaceSize(v.facesize_max) ?? checkFaceOrder(v.facesize_min, v.facesize_max));
  }
  const passwordRequired = mode === 'add';
  switch (v.kind) {
    case 'rtsp':
      put('url', checkRtspUrl(v.url));
      break;
    case 'onvif':
    case 'IMAGE':
      put('ip', checkHost(v.ip));
      put('port', checkPort(v.port));
      put('camera_user', checkRequired(v.camera_user));
      if (passwordRequired) put('camera_pwd', checkRequired(v.camera_pwd));
      break;
    case 'GB28181':
      put('ip', checkHost(v.ip));
      put('port', checkPort(v.port));
      put('server_sip_id', checkSipId(v.server_sip_id));
      put('camera_sip_id', checkSipId(v.camera_sip_id));
      break;
  }
  return out;
}

// ---------------------------------------------------------------- URL passwords

/** What stands for the password of an rtsp URL in the form: it is never shown back. */
export const URL_PASSWORD_MASK = '••••••';
const URL_USERINFO = /^(rtsp:\/\/[^:@/]*:)([^@/]*)(@)/i;

/** "rtsp://admin:secret@host/…" → "rtsp://admin:••••••@host/…". */
export function maskUrlPassword(url: string): string {
  return url.replace(URL_USERINFO, (_, head: string, pwd: string, at: string) =>
    pwd ? `${head}${URL_PASSWORD_MASK}${at}` : `${head}${at}`,
  );
}

/** The mask put back to the stored password, when the user left it in place. */
export function unmaskUrlPassword(edited: string, stored: string): string {
  const m = URL_USERINFO.exec(stored);
  const password = m?.[2] ?? '';
  return edited.replace(URL_USERINFO, (whole, head: string, pwd: string, at: string) =>
    pwd === URL_PASSWORD_MASK ? `${head}${password}${at}` : whole,
  );
}

// ---------------------------------------------------------------- values

export interface AddDefaults {
  /** 1310's answer, for GB28181. */
  serverSipId?: string;
  /** Where the console reaches the node: its own address, the usual SIP server. */
  nodeHost?: string;
}

export function emptyValues(kind: CameraKind, defaults: AddDefaults = {}, channel?: number): CameraFormValues {
  return {
    kind,
    channel: channel ?? null,
    camera_name: '',
    position: '',
    description: '',
    lib_ids: [],
    threshold: THRESHOLD_DEFAULT,
    snap_mode: SNAP_MODE_DEFAULT,
    facesize_min: FACESIZE_MIN,
    facesize_max: FACESIZE_MAX,
    url: '',
    ip: kind === 'GB28181' && defaults.nodeHost && isIpv4(defaults.nodeHost) ? defaults.nodeHost : '',
    port: kind === 'GB28181' ? SIP_PORT_DEFAULT : null,
    camera_user: '',
    camera_pwd: '',
    server_sip_id: kind === 'GB28181' ? (defaults.serverSipId ?? '') : '',
    camera_sip_id: '',
    vendor: 'dahua',
    product: '',
  };
}

const vendorOf = (v: string | undefined): Vendor => ((VENDORS as readonly string[]).includes(v ?? '') ? (v as Vendor) : 'dahua');
const snapOf = (v: number | undefined): SnapMode => (v === 1 || v === 2 || v === 3 ? v : SNAP_MODE_DEFAULT);

/** A listed camera as form values. The password is left empty: it is never shown back. */
export function valuesFromCamera(cam: CameraRecord): CameraFormValues {
  const kind = kindOf(cam) ?? 'rtsp';
  return {
    kind,
    channel: cam.channel,
    camera_name: cam.camera_name,
    position: cam.position,
    description: cam.description,
    lib_ids: parseLibIds(cam.lib_ids),
    threshold: cam.threshold,
    snap_mode: snapOf(cam.snap_mode),
    facesize_min: cam.facesize_min ?? FACESIZE_MIN,
    facesize_max: cam.facesize_max ?? FACESIZE_MAX,
    url: maskUrlPassword(cam.url ?? ''),
    ip: cam.ip ?? '',
    port: cam.port ?? null,
    camera_user: cam.camera_user ?? '',
    camera_pwd: '',
    server_sip_id: cam.server_sip_id ?? '',
    camera_sip_id: cam.camera_sip_id ?? '',
    vendor: vendorOf(cam.vendor),
    product: cam.product ?? '',
  };
}

// ---------------------------------------------------------------- requests

type AddRequest = RequestOf<typeof addCamera>;
type UpdateRequest = RequestOf<typeof updateCamera>;

const text = (v: string | undefined): string => (v ?? '').trim();
const num = (v: number | null | undefined): number | undefined => (v === null || v === undefined ? undefined : v);

/** 513's request for checked values (call checkCamera first). */
export function toAddRequest(v: CameraFormValues): AddRequest {
  const shared = {
    camera_name: text(v.camera_name),
    position: text(v.position),
    description: text(v.description),
    lib_ids: v.lib_ids.join(','),
    threshold: num(v.threshold) ?? THRESHOLD_DEFAULT,
    ...(v.channel ? { channel: v.channel } : {}),
  };
  if (v.kind === 'IMAGE') {
    return {
      ...shared,
      camera_mode: 'IMAGE',
      ip: text(v.ip),
      port: num(v.port) ?? 0,
      camera_user: text(v.camera_user),
      camera_pwd: v.camera_pwd ?? '',
      vendor: v.vendor ?? 'dahua',
      product: text(v.product),
    };
  }
  const video = {
    ...shared,
    camera_mode: 'VIDEO' as const,
    snap_mode: v.snap_mode ?? SNAP_MODE_DEFAULT,
    ...(num(v.facesize_min) !== undefined ? { facesize_min: num(v.facesize_min) } : {}),
    ...(num(v.facesize_max) !== undefined ? { facesize_max: num(v.facesize_max) } : {}),
  };
  switch (v.kind) {
    case 'rtsp':
      return { ...video, protocol: 'rtsp', url: text(v.url) };
    case 'onvif':
      return {
        ...video,
        protocol: 'onvif',
        ip: text(v.ip),
        port: num(v.port) ?? 0,
        camera_user: text(v.camera_user),
        camera_pwd: v.camera_pwd ?? '',
      };
    case 'GB28181':
      return {
        ...video,
        protocol: 'GB28181',
        ip: text(v.ip),
        port: num(v.port) ?? 0,
        server_sip_id: text(v.server_sip_id),
        camera_sip_id: text(v.camera_sip_id),
        // Left out while empty: the device then uses its own (§4.2 c: "sensetime" when it is the SIP server).
        ...(v.camera_pwd ? { camera_pwd: v.camera_pwd } : {}),
      };
  }
}

/** The fields each kind may change (§4.3's tables). */
const EDITABLE: Record<CameraKind, readonly (keyof UpdateRequest)[]> = {
  rtsp: ['url'],
  onvif: ['ip', 'port', 'camera_user', 'camera_pwd'],
  GB28181: ['ip', 'port', 'server_sip_id', 'camera_sip_id', 'camera_pwd'],
  IMAGE: ['ip', 'port', 'camera_user', 'camera_pwd', 'vendor', 'product'],
};
const SHARED_EDIT = ['camera_name', 'position', 'description', 'lib_ids', 'threshold'] as const;
const VIDEO_EDIT = ['snap_mode', 'facesize_min', 'facesize_max'] as const;

function wireValue(v: CameraFormValues, key: keyof UpdateRequest): string | number | undefined {
  switch (key) {
    case 'lib_ids':
      return [...v.lib_ids].sort((a, b) => a - b).join(',');
    case 'threshold':
    case 'port':
    case 'facesize_min':
    case 'facesize_max':
      return num(v[key]);
    case 'snap_mode':
      return v.snap_mode;
    case 'camera_pwd':
      return v.camera_pwd ? v.camera_pwd : undefined;
    case 'camera_name':
    case 'position':
    case 'description':
    case 'url':
    case 'ip':
    case 'camera_user':
    case 'server_sip_id':
    case 'camera_sip_id':
    case 'vendor':
    case 'product':
      return text(v[key]);
    default:
      return undefined;
  }
}

/**
 * 515's request: the channel and only the fields that differ from `before`.
 * A typed password always counts as a change (the stored one is never read
 * back into the form); an rtsp URL whose masked password was left in place
 * gets the stored one back. null when nothing changed.
 */
export function toUpdateRequest(
  channel: number,
  before: CameraFormValues,
  after: CameraFormValues,
  stored?: Pick<CameraRecord, 'url'>,
): UpdateRequest | null {
  const keys: (keyof UpdateRequest)[] = [...SHARED_EDIT, ...(isVideo(before.kind) ? VIDEO_EDIT : []), ...EDITABLE[before.kind]];
  const req: Record<string, string | number> = {};
  for (const key of keys) {
    const next = wireValue(after, key);
    if (next === undefined) continue;
    if (key !== 'camera_pwd' && next === wireValue(before, key)) continue;
    req[key] = key === 'url' && typeof next === 'string' && stored?.url ? unmaskUrlPassword(next, stored.url) : next;
  }
  if (Object.keys(req).length === 0) return null;
  return { channel, ...req } as UpdateRequest;
}
