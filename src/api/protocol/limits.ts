// Limits the reference states, in one place. Where the reference gives no number
// we chose one; the choice is said beside it and the emulator enforces the same.

export type DeviceModel = 'm4s' | 'm8s';

/** §1: paged queries answer at most 50 rows; paged exports at most 500. */
export const QUERY_MAX = 50;
export const EXPORT_MAX = 500;
export const QUERY_DEFAULT = 10;
/** Comma lists of ids (img_ids, snap_ids, lib_ids): at most 50 (§3.12, §3.20, §5.1). */
export const ID_LIST_MAX = 50;

/** §3.7: img_id is at most 48 letters, digits and '-'. */
export const IMG_ID_MAX = 48;
export const IMG_ID_PATTERN = /^[A-Za-z0-9-]+$/;
/** §3.10: fuzzy_key is at most 40 characters. */
export const FUZZY_KEY_MAX = 40;
export const AGE_MIN = 1;
export const AGE_MAX = 120;
export const THRESHOLD_MIN = 0;
export const THRESHOLD_MAX = 100;
/** §4.1: facesize_min in [60, facesize_max], facesize_max in [facesize_min, 1000]. */
export const FACESIZE_MIN = 60;
export const FACESIZE_MAX = 1000;
/** §4.1 example: roi_max 2 073 600 = 1920 × 1080. */
export const ROI_MAX_DEFAULT = 1920 * 1080;
export const FRAME_WIDTH_DEFAULT = 1920;
export const FRAME_HEIGHT_DEFAULT = 1080;
/** §5.1: topk in [1, 50], n_topk in [1, topk]. */
export const TOPK_MAX = 50;
/** §10.2: relay port 0-65535. */
export const PORT_MAX = 65535;
/** §4.2 c: SIP ids are at most 20 characters (digits by GB28181's own rule). */
export const SIP_ID_MAX = 20;

/** §2.1: user name of letters, digits and @ . - _, shorter than 50. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9@._-]{1,49}$/;
/**
 * §2.1: a password has three of upper, lower, digit, special, 8 <= length < 32.
 * This is the rule for setting a password; logging in only needs one present
 * (§1's own example logs in with "123456").
 */
export function isStrongPassword(pwd: string): boolean {
  if (pwd.length < 8 || pwd.length >= 32) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pwd));
  return classes.length >= 3;
}

/**
 * Not given by the reference: our choice of a library name's length. The device
 * refuses duplicates (-119); we cap the length so names stay displayable.
 */
export const LIB_NAME_MAX = 64;
/**
 * Not given by the reference: how many libraries (-118) and faces per library
 * (-122) a node holds. We chose 32 libraries and 200 000 faces per library (the
 * 100 000-face benchmark fits); the emulator's flags can lower both for tests.
 */
export const LIBRARY_COUNT_MAX = 32;
export const LIBRARY_CAPACITY = 200_000;

/** §1 / §4.1: channels and computing power per model. */
export const MODEL_SPEC: Record<DeviceModel, { channels: number; capacity: number; name: string }> = {
  m4s: { channels: 8, capacity: 8, name: 'SenseNebula-M4s' },
  m8s: { channels: 16, capacity: 16, name: 'SenseNebula-M8s' },
};
/** §4.1: an IMAGE (capture) camera costs 1, a VIDEO camera 2. */
export const POWER_COST = { IMAGE: 1, VIDEO: 2 } as const;

/** §3.7 note 1: the picture types the device takes. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'bmp', 'tif'] as const;

/** §1: every time on the wire is "yyyy-MM-dd HH:mm:ss". */
export const TIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** §6.7: the three documented time formats. */
export const TIME_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'dd-MM-yyyy HH:mm:ss', 'MM-dd-yyyy HH:mm:ss'] as const;

// ---- Uploads ------------------------------------------------------------------------
// The reference states no byte or pixel limit for any upload. These are our
// choices, sized to what real input is; the emulator refuses past them (too
// many bytes or files with -3596, a picture declaring too many pixels with
// -1104, as a picture it cannot read) and the console's forms can
// check the same numbers before sending. A real node may take more or less:
// the console must read either refusal as "too big" and say so.

/** One face or scene picture: a 24-megapixel camera JPEG is ~8 MB; 10 MiB leaves room. */
export const PICTURE_MAX_BYTES = 10 * 1024 * 1024;
/** Pixels a picture may declare: 8192 on a side, 40 megapixels in all (a 4K frame is 8.3). Read from the header before any decode. */
export const PICTURE_MAX_SIDE = 8192;
export const PICTURE_MAX_PIXELS = 40_000_000;
/** §3.19 / §3.28: pictures in one batch request ("a few hundred photos"; the console sends 20 a chunk). */
export const BATCH_FILES_MAX = 200;
/** §3.19 / §3.28: bytes in one batch request (the console's chunks close at 8 MiB). */
export const BATCH_BYTES_MAX = 64 * 1024 * 1024;
/** §6.11: an upgrade package (§6.11's example is nebula.tar.bz2); kept on disk, never in memory. */
export const FIRMWARE_MAX_BYTES = 512 * 1024 * 1024;
/** §8.1: a PEM certificate or key: a chain of a few certificates is under 16 KiB. */
export const PEM_MAX_BYTES = 64 * 1024;
/** A JSON request without pictures: the longest (a camera with every field at its limit) is a few KiB. */
export const JSON_BODY_MAX = 256 * 1024;
/** Base64 makes 3 bytes 4, plus the envelope's other fields. */
export const b64Size = (bytes: number) => Math.ceil(bytes / 3) * 4 + 64 * 1024;

// ---- Text fields without a limit in the reference ----------------------------------
// The reference gives no length for names, id-card numbers or addresses. We take
// what no real input exceeds and refuse (-3596) the rest, plus text a person
// never types: a NUL or another control character, a lone surrogate (which
// reads back as U+FFFD, so what was stored would change), and names of only
// spaces. The real device may store longer text; the console's forms check these.

/** person_name: 64 characters (the longest Chinese or transliterated names fit in 40). */
export const PERSON_NAME_MAX = 64;
/** person_idcard: 32 (a Chinese id card is 18, passports and foreign ids are shorter). */
export const PERSON_IDCARD_MAX = 32;
/** person_addr: 128 characters (a full Chinese postal address is under 60). */
export const PERSON_ADDR_MAX = 128;
/** A camera's or relay's name, position, description: 64 characters, like a library's name. */
export const LABEL_MAX = 64;
/** Free text the device stores for display (a camera's description): 256 characters. */
export const NOTE_MAX = 256;
/**
 * Any other string of any request (URLs, keys, id lists): 4096. The longest
 * real one is a list of 50 img_ids of 48 characters (2 449).
 */
export const TEXT_MAX = 4096;
