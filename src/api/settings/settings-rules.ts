// Checks of the small settings: device id (§6.14), NTP (§6.2), push target (§7.2).
import { DEVICE_ID_MAX } from '../protocol/system';
import { isAddress, isHostName } from './address';

export { DEVICE_ID_MAX };

export type DeviceIdProblem = 'required' | 'tooLong' | 'control';
export function checkDeviceId(text: string): DeviceIdProblem | null {
  if (text.trim() === '') return 'required';
  if (text.length > DEVICE_ID_MAX) return 'tooLong';
  // The id travels in every push (§7.3, §7.4): no line breaks or other control characters.
  if (/[\u0000-\u001f\u007f]/.test(text)) return 'control';
  return null;
}

/** An NTP server: a host name or an address, without scheme or port (the port is its own field). */
export function checkNtpServer(text: string): 'required' | 'invalid' | null {
  const t = text.trim();
  if (t === '') return 'required';
  return isHostName(t) || isAddress(t) ? null : 'invalid';
}

export const PORT_MIN = 1;
export const PORT_MAX = 65535;
/** §6.2's cycle is in minutes; a day is our upper bound (the reference gives none). */
export const NTP_CYCLE_MIN = 1;
export const NTP_CYCLE_MAX = 24 * 60;

/**
 * Where the device POSTs (§7.2): http(s)://host[:port][/path], or host[:port][/path]
 * which means http (the reference's own example is "google.com"). '' turns push off.
 */
export function checkPushUrl(text: string): 'invalid' | 'scheme' | 'credentials' | null {
  const t = text.trim();
  if (t === '') return null;
  if (/\s/.test(t)) return 'invalid';
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(t);
  let u: URL;
  try {
    u = new URL(hasScheme ? t : `http://${t}`);
  } catch {
    return 'invalid';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'scheme';
  if (u.username || u.password) return 'credentials';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return isHostName(host) || isAddress(host) ? null : 'invalid';
}

/** Not bounded by the reference; long enough for any token, short enough to travel in every push. */
export const PUSH_KEY_MAX = 256;
