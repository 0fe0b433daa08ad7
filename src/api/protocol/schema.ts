import { z } from 'zod';
import { isDeviceTime } from './device-time';
import { hasVisibleText, isCleanText } from './text';
import {
  AGE_MAX,
  AGE_MIN,
  EXPORT_MAX,
  FUZZY_KEY_MAX,
  ID_LIST_MAX,
  PERSON_ADDR_MAX,
  PERSON_IDCARD_MAX,
  PERSON_NAME_MAX,
  PICTURE_MAX_BYTES,
  b64Size,
  QUERY_MAX,
  THRESHOLD_MAX,
  THRESHOLD_MIN,
  TIME_PATTERN,
} from './limits';

// The console runs under a CSP without 'unsafe-eval' (server/headers.ts): zod's
// probe for its eval-compiled fast path would be reported as a violation every
// load. Set here, in the module every schema (page and push worker) imports.
z.config({ jitless: true });

/**
 * An int on the wire. The device takes numeric strings too: the reference's own
 * GB28181 example sends "snap_mode": "1", and form fields are always strings.
 */
export const int = () =>
  z
    .union([
      z.number().int(),
      z
        .string()
        .regex(/^-?\d+$/)
        .transform(Number),
    ])
    .pipe(z.number().int());

/** A number the device may send as a string (cpu_usage is a double). */
export const num = () =>
  z.union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ]);

/**
 * A string the device may answer as a number: §5.1's example answers "id": 4259541481123111
 * and "gender": 0 where the table says string. We read both and keep a string.
 */
export const looseStr = () => z.union([z.string(), z.number()]).transform(String);

export const threshold = () => int().pipe(z.number().min(THRESHOLD_MIN).max(THRESHOLD_MAX));
/** §1's device time; a malformed or impossible date ("2026-13-45 99:99:99") is refused wherever a time is taken. */
export const time = () => z.string().regex(TIME_PATTERN, 'yyyy-MM-dd HH:mm:ss').refine(isDeviceTime, 'a real date, yyyy-MM-dd HH:mm:ss');
export const libType = () => int().pipe(z.union([z.literal(1), z.literal(2)]));
export const startNo = () => int().pipe(z.number().min(1)).optional();
export const qryLen = () => int().pipe(z.number().min(1).max(QUERY_MAX)).optional();
export const exportLen = () => int().pipe(z.number().min(1).max(EXPORT_MAX)).optional();

/** "1,2,3": a comma list of at most `max` non-empty items. */
export const idList = (max = ID_LIST_MAX) =>
  z
    .string()
    .min(1)
    .refine((s) => {
      const parts = s.split(',');
      return parts.length <= max && parts.every((p) => p.trim().length > 0);
    }, `a comma list of 1 to ${max} ids`);

/** A comma list of ints ("1,2"); the empty string means none (a camera with no library). */
export const intList = (max = ID_LIST_MAX) =>
  z.string().refine((s) => {
    if (s === '') return true;
    const parts = s.split(',');
    return parts.length <= max && parts.every((p) => /^\d+$/.test(p.trim()));
  }, `a comma list of at most ${max} numeric ids`);

export const gender = () => z.union([z.literal('0'), z.literal('1')]);
/** §3.9: age 1-120, a string on the wire. */
export const age = () => z.string().refine((s) => /^\d+$/.test(s) && Number(s) >= AGE_MIN && Number(s) <= AGE_MAX, `${AGE_MIN}-${AGE_MAX}`);
export const fuzzyKey = () => z.string().max(FUZZY_KEY_MAX);

/** Free text of at most `max` characters, clean (text.ts): what a form may send. */
export const text = (max: number) => z.string().max(max).refine(isCleanText, 'no control characters');
/** A name shown in lists: clean text, not only spaces. */
export const label = (max: number) => text(max).refine(hasVisibleText, 'not only spaces');

/** §3.27: a picture sent inside JSON as base64, at most PICTURE_MAX_BYTES once decoded. */
export const b64Image = () => z.object({ filename: z.string().min(1).max(255), data: z.string().min(1).max(b64Size(PICTURE_MAX_BYTES)) });

/** An empty `data` (""), as every answer without data has it. */
export const empty = () => z.unknown().transform((): null => null);

/** A paged answer: record, result_num, total_num (§3.5 and every query). */
export const page = <T extends z.ZodType>(row: T) =>
  z.object({ record: z.array(row), result_num: z.number().int(), total_num: z.number().int() });

/** An export's answer (§3.11). */
export const exportAnswer = () => z.object({ export_url: z.string(), result_num: z.number().int(), total_num: z.number().int() });
/** A chosen export's answer (§3.12): adds the ids that could not be exported. */
export const choiceExportAnswer = () => exportAnswer().extend({ failed_img_ids: z.string() });

/** The person_* fields of a face image (§3.7, §3.9). */
export const personFields = () => ({
  person_idcard: text(PERSON_IDCARD_MAX).optional(),
  person_name: text(PERSON_NAME_MAX).optional(),
  person_gender: z.union([gender(), z.literal('')]).optional(),
  person_age: z.union([age(), z.literal('')]).optional(),
  person_addr: text(PERSON_ADDR_MAX).optional(),
});
