// Cutting the chosen face out of a group photo, in the browser. The device's
// add-person operations take a picture and no face box (§3.7, §3.27, §3.28:
// img/img_id/person_* only) and enrol the picture's main face, so the console
// sends a crop of the face the user chose: faceCrop's rectangle (the face and
// a margin, short of the other faces), drawn on a canvas, as a JPEG at 0.95
// (a second compression the device's detector does not notice at that level).
import { faceCrop, parseCoordinate, type Box } from '../../../api/protocol/face-box';

export async function cropToFace(file: File, faces: readonly { coordinate: string }[], chosen: number): Promise<File> {
  const boxes = faces.map((f) => parseCoordinate(f.coordinate));
  const face = boxes[chosen];
  if (!face) throw new RangeError(`no face ${chosen}`);
  const others = boxes.filter((b, i): b is Box => b !== null && i !== chosen);
  // A TIFF (which browsers do not decode) rejects here; the caller falls back to the device's own crop.
  const bitmap = await createImageBitmap(file);
  try {
    const r = faceCrop(face, others, { w: bitmap.width, h: bitmap.height });
    const canvas = document.createElement('canvas');
    canvas.width = r.x2 - r.x1;
    canvas.height = r.y2 - r.y1;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.drawImage(bitmap, r.x1, r.y1, canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.95));
    if (!blob) throw new Error('canvas gave no picture');
    const base = file.name.replace(/\.[^.]*$/, '') || 'photo';
    return new File([blob], `${base}-face${chosen + 1}.jpg`, { type: 'image/jpeg' });
  } finally {
    bitmap.close();
  }
}
