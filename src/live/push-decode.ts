// One text frame from /ws/ to a PushMessage with its scene frame as bytes.
// The push worker runs this off the main thread: a capture is ~250 KB of
// JSON, nearly all of it the base64 scene frame, and parsing and decoding 200
// of them a second is what held the wall back (bench/wall.ts --profile).
import { parsePushMessage, type PushMessage } from './live-event';

/** Native base64 decoding (Chrome 140+, Firefox 133+, Safari 18.2+), where there is one. */
const fromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> }).fromBase64;

export interface DecodedPicture {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly type: string;
}

/** A base64 data URL (or the bare base64 §9.2 allows, read as JPEG) as bytes; null when it is not one. */
export function decodeDataUrl(dataUrl: string): DecodedPicture | null {
  const url = dataUrl.startsWith('data:') ? dataUrl : `data:image/jpeg;base64,${dataUrl}`;
  const comma = url.indexOf(',');
  const meta = url.slice(5, comma);
  if (comma < 0 || !meta.endsWith(';base64')) return null;
  const body = url.slice(comma + 1);
  const type = meta.split(';')[0] || 'application/octet-stream';
  try {
    // Several times faster than atob and a loop.
    if (fromBase64) return { bytes: fromBase64.call(Uint8Array, body), type };
    const bin = atob(body);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return { bytes, type };
  } catch {
    return null;
  }
}

/**
 * parsePushMessage, then the scene frame decoded and its string emptied, so
 * what crosses to the main thread is the crop and the library photo (small)
 * and the frame's bytes, moved without a copy (framesToMove). A frame that
 * does not decode stays inline, as the device sent it.
 */
export function decodePush(text: string): PushMessage {
  const m = parsePushMessage(text);
  if (m.type !== 'alarm' || m.data.snap_frame === '') return m;
  const frame = decodeDataUrl(m.data.snap_frame);
  if (!frame) return m;
  return { type: 'alarm', data: { ...m.data, snap_frame: '' }, pictures: { frame } };
}

/** The buffers a decoded message can hand over instead of copying. */
export function framesToMove(m: PushMessage): ArrayBuffer[] {
  return m.type === 'alarm' && m.pictures?.frame ? [m.pictures.frame.bytes.buffer] : [];
}
