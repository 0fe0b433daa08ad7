// How big a request may be, per operation: the numbers of limits.ts put
// together. The emulator refuses past them before reading on; the console can
// check a file against the same numbers before it uploads.
import { enrolBatch, enrolBatchB64, enrolFaceB64 } from './faces';
import { uploadHttpsFile } from './https';
import { b64Size, BATCH_BYTES_MAX, BATCH_FILES_MAX, FIRMWARE_MAX_BYTES, JSON_BODY_MAX, PEM_MAX_BYTES, PICTURE_MAX_BYTES } from './limits';
import type { Operation } from './operation';
import { compareFacesB64, detectFaceB64, searchFaceB64 } from './recognition';
import { upgrade } from './system';

export interface BodyLimits {
  /** The whole body: JSON text, or every part of a form. */
  bytes: number;
  /** File parts of a form. */
  files: number;
  /** One file part. */
  fileBytes: number;
}

/** Room for a form's text fields beside its files. */
const FIELDS_ROOM = 64 * 1024;

const SPECIAL = new Map<Operation, BodyLimits>([
  [upgrade, { bytes: FIRMWARE_MAX_BYTES + FIELDS_ROOM, files: 1, fileBytes: FIRMWARE_MAX_BYTES }],
  [uploadHttpsFile, { bytes: PEM_MAX_BYTES + FIELDS_ROOM, files: 1, fileBytes: PEM_MAX_BYTES }],
  [enrolBatch, { bytes: BATCH_BYTES_MAX, files: BATCH_FILES_MAX, fileBytes: PICTURE_MAX_BYTES }],
  [enrolBatchB64, { bytes: b64Size(BATCH_BYTES_MAX), files: 0, fileBytes: 0 }],
  [enrolFaceB64, { bytes: b64Size(PICTURE_MAX_BYTES), files: 0, fileBytes: 0 }],
  [detectFaceB64, { bytes: b64Size(PICTURE_MAX_BYTES), files: 0, fileBytes: 0 }],
  [searchFaceB64, { bytes: b64Size(PICTURE_MAX_BYTES), files: 0, fileBytes: 0 }],
  [compareFacesB64, { bytes: b64Size(2 * PICTURE_MAX_BYTES), files: 0, fileBytes: 0 }],
]);

export function bodyLimits(op: Operation): BodyLimits {
  const special = SPECIAL.get(op);
  if (special) return special;
  if (op.via === 'json') return { bytes: JSON_BODY_MAX, files: 0, fileBytes: 0 };
  // Every other form operation takes one picture per named part (769, 782, 772, 771, 1029).
  const files = Object.keys(op.files ?? {}).length;
  return { bytes: files * PICTURE_MAX_BYTES + FIELDS_ROOM, files, fileBytes: PICTURE_MAX_BYTES };
}

/** The largest JSON body any operation takes: what a JSON body may grow to before its msg_id is known. */
export const JSON_BODY_CEILING = b64Size(BATCH_BYTES_MAX);
/** A body sent without a session can only be a login (§2.1): a few hundred bytes. */
export const SESSIONLESS_BODY_MAX = 4 * 1024;
