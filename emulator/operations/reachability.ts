// Whether the node can reach a camera's or relay's address: a deterministic
// stand-in (no packet leaves the emulator), and the wait §4.2 asks for when it
// cannot.
import type { StoredCamera } from './camera-store';

/**
 * §4.2 note 4: "when the camera's ip is wrong or invalid, wait patiently for
 * the answer". We emulate it: an address we know to be unreachable (see
 * isReachableHost) makes 513 / 515 answer after this delay, and the camera is
 * listed offline.
 */
export const UNREACHABLE_DELAY_MS = 3000;

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
export const isIpv4 = (s: string): boolean => IPV4.test(s);

/** RFC 5737's documentation ranges: nothing answers there. */
const UNREACHABLE_V4 = ['192.0.2.', '198.51.100.', '203.0.113.'];
/** RFC 2606's reserved names: they never resolve. */
const UNREACHABLE_TLDS = ['invalid', 'test', 'example'];
const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * Our deterministic stand-in for "can the node reach this address": an IPv4
 * outside the documentation ranges, a well-formed host name outside the
 * reserved TLDs, or a bracketed IPv6 outside 2001:db8::/32. Anything else (a
 * typo such as "10.5.4", "192.0.2.7", "cam.invalid") is unreachable.
 */
export function isReachableHost(host: string): boolean {
  const h = host.trim();
  if (isIpv4(h)) return !UNREACHABLE_V4.some((p) => h.startsWith(p));
  if (/^\[[0-9A-Fa-f:.]+\]$/.test(h)) return !h.toLowerCase().startsWith('[2001:db8:');
  if (/^[\d.]+$/.test(h)) return false; // digits and dots but not an IPv4: a mistyped address
  if (!HOSTNAME.test(h)) return false;
  const tld = h.split('.').pop()?.toLowerCase() ?? '';
  return !UNREACHABLE_TLDS.includes(tld);
}

/** An rtsp URL is reachable when it parses as rtsp:// and its host is. */
export function isReachableUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  return parsed.protocol === 'rtsp:' && parsed.hostname !== '' && isReachableHost(parsed.hostname);
}

export const addressReachable = (cam: StoredCamera): boolean =>
  cam.camera_mode === 'VIDEO' && cam.protocol === 'rtsp' ? isReachableUrl(cam.url) : isReachableHost(cam.ip);

/** §4.1 status: 1 online, 0 offline. */
export const isCameraOnline = (cam: StoredCamera): boolean => cam.reachable && addressReachable(cam);

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
