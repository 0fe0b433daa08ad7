// blob: URLs for decoded pictures (the scene frames), made only for pictures
// on screen and revoked when the last view of them goes. A URL is made during
// render (so the first paint has the picture), held by each mounted view, and
// revoked a moment after nothing holds it (StrictMode's unmount-remount and a
// view moving do not lose it). Making a Blob and its URL for every frame on
// arrival cost more than showing the wall (bench/wall.ts).
import { useEffect } from 'react';
import { pictureSrc, type LivePicture } from './live-event';

/** How long an unheld URL lives: long enough for a re-render to take it back. */
export const RELEASE_AFTER_MS = 2000;

type Bytes = Extract<LivePicture, { kind: 'bytes' }>;

interface Entry {
  readonly url: string;
  holds: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Keyed by the bytes themselves: one alarm's frame is one array whoever shows it. */
const entries = new Map<Uint8Array, Entry>();

function sweepLater(key: Uint8Array, e: Entry): void {
  if (e.timer) clearTimeout(e.timer);
  e.timer = setTimeout(() => {
    e.timer = null;
    if (e.holds > 0 || entries.get(key) !== e) return;
    entries.delete(key);
    URL.revokeObjectURL(e.url);
  }, RELEASE_AFTER_MS);
}

/** The picture's URL, made if needed; revoked soon unless something holds it. */
export function bytesUrl(p: Bytes): string {
  let e = entries.get(p.bytes);
  if (!e) {
    e = { url: URL.createObjectURL(new Blob([p.bytes], { type: p.type })), holds: 0, timer: null };
    entries.set(p.bytes, e);
    sweepLater(p.bytes, e);
  }
  return e.url;
}

/** Keeps the picture's URL alive until the returned release is called. */
export function holdBytesUrl(p: Bytes): () => void {
  bytesUrl(p);
  const e = entries.get(p.bytes)!;
  e.holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    e.holds--;
    if (e.holds === 0) sweepLater(p.bytes, e);
  };
}

/** Object URLs alive now (tests). */
export function liveObjectUrls(): number {
  return entries.size;
}

/** What to put in <img src> for a live picture, whatever its kind. */
export function usePictureSrc(picture: LivePicture | null | undefined): string | undefined {
  const bytes = picture?.kind === 'bytes' ? picture : null;
  useEffect(() => (bytes ? holdBytesUrl(bytes) : undefined), [bytes]);
  return bytes ? bytesUrl(bytes) : pictureSrc(picture);
}

const NOTHING = () => {};

/** A picture's src for a view outside React (the wall's tiles), kept alive until `release`. */
export function holdPictureSrc(picture: LivePicture | null | undefined): { src: string | undefined; release(): void } {
  if (picture?.kind !== 'bytes') return { src: pictureSrc(picture), release: NOTHING };
  return { src: bytesUrl(picture), release: holdBytesUrl(picture) };
}
