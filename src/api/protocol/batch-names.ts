// §3.19 / §3.28: a batch-enrolled picture carries its person in its file name,
// `name_imgid_idcard_gender_age_addr.ext`, fields split by '_' in that order,
// '#' standing for an empty field. Pure, so the console can check a folder of
// pictures before uploading it, and the emulator parses with the same rule.
import { AGE_MAX, AGE_MIN, IMAGE_EXTENSIONS, IMG_ID_MAX, IMG_ID_PATTERN } from './limits';
import { ErrorCode } from './error-codes';

export interface BatchNameFields {
  person_name: string;
  /** '' means "let the device assign one" (§3.7 note 2). */
  img_id: string;
  person_idcard: string;
  /** '', '0' (female) or '1' (male). */
  person_gender: '' | '0' | '1';
  /** '' or "1".."120". */
  person_age: string;
  person_addr: string;
  /** Lower case, without the dot. */
  ext: (typeof IMAGE_EXTENSIONS)[number];
}

export type BatchNameProblem = 'fields' | 'gender' | 'age' | 'img_id_chars' | 'img_id_long' | 'extension';

export type BatchNameResult = { ok: true; fields: BatchNameFields } | { ok: false; problem: BatchNameProblem };

/** The device code each problem is answered with in the batch report. */
export const BATCH_NAME_CODES: Readonly<Record<BatchNameProblem, number>> = {
  fields: ErrorCode.PARAM_ERROR,
  gender: ErrorCode.PARAM_ERROR,
  age: ErrorCode.PARAM_ERROR,
  img_id_chars: ErrorCode.PARAM_ERROR,
  img_id_long: ErrorCode.IMG_ID_TOO_LONG,
  extension: ErrorCode.BAD_IMAGE,
};

const EMPTY = '#';

function isExtension(ext: string): ext is BatchNameFields['ext'] {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * Parses one file name. A folder part ("photos/a_b_c_d_e_f.jpg", as a browser
 * reports a folder upload) is dropped. An empty field must be written '#':
 * "a__c…" has a field that is neither a value nor '#', and is refused as
 * 'fields' (note 5: "please follow the rule strictly"). An address holding '_'
 * therefore cannot be expressed; the device has the same limit.
 */
export function parseBatchName(fileName: string): BatchNameResult {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (!isExtension(ext)) return { ok: false, problem: 'extension' };

  const parts = base.slice(0, dot).split('_');
  if (parts.length !== 6 || parts.some((p) => p === '')) return { ok: false, problem: 'fields' };
  const [name, imgId, idcard, gender, age, addr] = parts.map((p) => (p === EMPTY ? '' : p)) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  // Length first: the device answers a too-long id with its own code (-2754).
  if (imgId.length > IMG_ID_MAX) return { ok: false, problem: 'img_id_long' };
  if (imgId !== '' && !IMG_ID_PATTERN.test(imgId)) return { ok: false, problem: 'img_id_chars' };
  if (gender !== '' && gender !== '0' && gender !== '1') return { ok: false, problem: 'gender' };
  if (age !== '' && !(/^\d+$/.test(age) && Number(age) >= AGE_MIN && Number(age) <= AGE_MAX)) {
    return { ok: false, problem: 'age' };
  }
  return {
    ok: true,
    fields: {
      person_name: name,
      img_id: imgId,
      person_idcard: idcard,
      person_gender: gender,
      person_age: age,
      person_addr: addr,
      ext,
    },
  };
}
