// A face's box as the device writes it: "x1,y1,x2,y2" in the picture's own
// pixels (§3.25 769, §3.26 782 coordinate). Shared by face search (its face
// picker) and libraries (enrolment from a group photo).

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** "x1,y1,x2,y2" → a box with its corners in order; null when malformed. */
export function parseCoordinate(text: string): Box | null {
  const n = text.split(',').map((p) => Number(p.trim()));
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return null;
  const [x1, y1, x2, y2] = n as [number, number, number, number];
  return { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
}

/** Faces numbered as a person reads the photo: left to right (the device lists them by its own order). */
export function leftToRight<F extends { coordinate: string }>(faces: readonly F[]): F[] {
  const left = (f: F) => parseCoordinate(f.coordinate)?.x1 ?? Number.POSITIVE_INFINITY;
  return [...faces].sort((a, b) => left(a) - left(b));
}

/**
 * Where to cut one face out of a group photo for enrolment. The add-person
 * operations (§3.7 1029, §3.27 1051, §3.28 1052) take a picture and no face
 * box, and the device enrols the picture's main face, so the console sends a
 * crop of the chosen face. The crop keeps `margin` of the face's size on each
 * side (hair, chin, a little background, as an enrolment photo has: the
 * device's detector needs context around the face), within the photo, and
 * stops short of any other face so the chosen one is the only whole face in
 * it. Whole pixels.
 */
export function faceCrop(face: Box, others: readonly Box[], photo: { w: number; h: number }, margin = 0.6): Box {
  const w = face.x2 - face.x1;
  const h = face.y2 - face.y1;
  let x1 = Math.max(0, face.x1 - w * margin);
  let y1 = Math.max(0, face.y1 - h * margin);
  let x2 = Math.min(photo.w, face.x2 + w * margin);
  let y2 = Math.min(photo.h, face.y2 + h * margin);
  for (const o of others) {
    const overlaps = o.x1 < x2 && o.x2 > x1 && o.y1 < y2 && o.y2 > y1;
    if (!overlaps) continue;
    // Cut on the side where the other face lies, up to its near edge (never into the chosen face).
    const gaps = [
      { side: 'left', gap: face.x1 - o.x2 },
      { side: 'right', gap: o.x1 - face.x2 },
      { side: 'top', gap: face.y1 - o.y2 },
      { side: 'bottom', gap: o.y1 - face.y2 },
    ] as const;
    const best = gaps.reduce((a, b) => (b.gap > a.gap ? b : a));
    if (best.side === 'left') x1 = Math.max(x1, Math.min(o.x2, face.x1));
    else if (best.side === 'right') x2 = Math.min(x2, Math.max(o.x1, face.x2));
    else if (best.side === 'top') y1 = Math.max(y1, Math.min(o.y2, face.y1));
    else y2 = Math.min(y2, Math.max(o.y1, face.y2));
  }
  return { x1: Math.floor(x1), y1: Math.floor(y1), x2: Math.ceil(x2), y2: Math.ceil(y2) };
}
