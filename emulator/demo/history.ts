// Over 400 lines on purpose: one generator whose parts (rhythm, faces, alarms, bodies, pictures) share one seeded random stream.
// A believable capture history: face snapshots, alarms against the real
// library faces, and body snapshots, over the last days on the configured
// cameras with a working-day rhythm. Everything goes in through insertRecord,
// so each snapshot has its own files as on the device.
//
// seedBulkHistory is the benchmark's variant: a million rows pointing at a
// handful of shared pictures under record/bench/. Fine for measuring queries;
// never what the device itself does.
import crypto from 'node:crypto';
import sharp from 'sharp';
import { BODY_ATTR_VALUES, type BodyAttr, type FaceAttr } from '../../src/api/protocol/attributes';
import { formatInZone, zoneMinutes } from '../clock';
import type { EmulatorContext } from '../context';
import type { PoolFace as FacePoolEntry } from '../faces/pool';
import {
  insertRecord,
  insertSharedRecords,
  isAlarm,
  KIND,
  RECORD_DIR,
  type Candidate,
  type MatchedFace,
  type RecordInsert,
} from '../store/records';

/** A face crop of the demo pool (emulator/faces/pool.ts makes them); only its id and bytes are used. */
export type PoolFace = Pick<FacePoolEntry, 'id' | 'jpeg'>;

export interface HistoryOptions {
  /** How many records (faces, alarms and bodies together); default the --records option. */
  count?: number;
  /** Spread over the last `days` days, today included; default 7. */
  days?: number;
  pool: readonly PoolFace[];
  /** Random seed: the same seed and store give the same history. */
  seed?: number;
}

export interface HistoryResult {
  faces: number;
  alarms: number;
  bodies: number;
}

// ---- randomness -------------------------------------------------------------------

export type Rng = () => number;

/** mulberry32: small, fast, seedable. */
export function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hashSeed = (s: string): number => crypto.createHash('sha1').update(s).digest().readUInt32LE(0);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;
const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

function weighted<T extends string>(rng: Rng, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = rng() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) {
    r -= w;
    if (r <= 0) return k;
  }
  return entries[entries.length - 1]![0];
}

// ---- when ---------------------------------------------------------------------------

/**
 * Captures per hour of the day, relative: quiet nights, the morning arrival,
 * lunch, the evening leaving (an office building).
 */
const HOURLY = [2, 1, 1, 1, 1, 2, 5, 14, 30, 22, 14, 13, 18, 16, 12, 12, 14, 24, 27, 14, 9, 6, 4, 3];
const WEEKEND_FACTOR = 0.45;

/**
 * `count` capture instants (UTC ms, ascending) over the last `days` device
 * days, none in the future. Weekends are quieter.
 */
function captureTimes(ctx: EmulatorContext, rng: Rng, count: number, days: number): Float64Array {
  const offset = zoneMinutes(ctx.clock.settings.time_zone) * 60_000;
  const nowWall = ctx.clock.now() + offset;
  const today = Math.floor(nowWall / 86_400_000) * 86_400_000;
  // The weight of each (day, hour) slot; today's future hours weigh nothing.
  const slots: { start: number; len: number; w: number }[] = [];
  for (let d = days - 1; d >= 0; d--) {
    const dayStart = today - d * 86_400_000;
    const weekday = new Date(dayStart).getUTCDay();
    const dayFactor = weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1;
    for (let h = 0; h < 24; h++) {
      const start = dayStart + h * 3_600_000;
      const len = Math.min(3_600_000, nowWall - start);
      if (len <= 0) continue;
      slots.push({ start, len, w: HOURLY[h]! * dayFactor * (len / 3_600_000) });
    }
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (const s of slots) cumulative.push((sum += s.w));
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = rng() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    const slot = slots[lo]!;
    out[i] = slot.start + Math.floor(rng() * slot.len) - offset;
  }
  return out.sort();
}

// ---- where: the cameras ---------------------------------------------------------------

interface Library {
  lib_id: number;
  lib_name: string;
  lib_type: number;
  faces: MatchedFace[];
}

interface CameraSeat {
  channel: number;
  camera_name: string;
  position: string;
  threshold: number;
  /** How busy the spot is, relative. */
  weight: number;
  /** The libraries it compares against (with faces). */
  libraries: Library[];
}

const DEFAULT_THRESHOLD = 80;
const DEFAULT_DAYS = 7;
/** Regulars per library: the people the history keeps meeting. */
const REGULARS = 60;

function loadLibraries(ctx: EmulatorContext): Library[] {
  const libs = ctx.db
    .prepare<[], { lib_id: number; lib_name: string; lib_type: number }>('SELECT lib_id, lib_name, lib_type FROM libraries ORDER BY lib_id')
    .all();
  const faces = ctx.db.prepare<[number, number], MatchedFace>(
    `SELECT img_id, img_path, person_idcard, person_name, person_gender, person_age, person_addr, create_time
     FROM faces WHERE lib_id = ? ORDER BY seq LIMIT ?`,
  );
  return libs.map((l) => ({ ...l, faces: faces.all(l.lib_id, REGULARS) })).filter((l) => l.faces.length > 0);
}

/**
 * The configured cameras (table cameras), comparing against their own
 * lib_ids. Without cameras: channels 1-4 named "Channel N", comparing against
 * every library (our choice: a fresh device still shows a lively history).
 */
function loadCameras(ctx: EmulatorContext, rng: Rng, libraries: Library[], channels?: number): CameraSeat[] {
  const rows = ctx.db.prepare<[], { channel: number; data: string }>('SELECT channel, data FROM cameras ORDER BY channel').all();
  if (rows.length > 0 && channels === undefined) {
    return rows.map((r) => {
      const d = JSON.parse(r.data) as { camera_name?: string; position?: string; threshold?: number; lib_ids?: string };
      const ids = new Set((d.lib_ids ?? '').split(',').filter(Boolean).map(Number));
      return {
        channel: r.channel,
        camera_name: d.camera_name ?? `Channel ${r.channel}`,
        position: d.position ?? '',
        threshold: d.threshold ?? DEFAULT_THRESHOLD,
        weight: 0.6 + rng(),
        libraries: libraries.filter((l) => ids.has(l.lib_id)),
      };
    });
  }
  const n = Math.min(channels ?? 4, ctx.spec.channels);
  return Array.from({ length: n }, (_, i) => ({
    channel: i + 1,
    camera_name: `Channel ${i + 1}`,
    position: '',
    threshold: DEFAULT_THRESHOLD,
    weight: 0.6 + rng(),
    libraries,
  }));
}

// ---- who: faces ----------------------------------------------------------------------

/** Who a capture shows: stable traits the attributes follow. */
export interface Persona {
  gender: 'male' | 'female';
  age: number;
  glasses: FaceAttr['glass_style'];
  mustache: boolean;
}

export function personaOf(key: string, match?: MatchedFace): Persona {
  const rng = rngFrom(hashSeed(key));
  const gender = match?.person_gender === '0' ? 'female' : match?.person_gender === '1' ? 'male' : chance(rng, 0.5) ? 'male' : 'female';
  const age = match?.person_age
    ? Number(match.person_age)
    : chance(rng, 0.08)
      ? between(rng, 6, 17)
      : chance(rng, 0.15)
        ? between(rng, 60, 80)
        : between(rng, 18, 59);
  return {
    gender,
    age,
    glasses: weighted(rng, { glasses_style_type_none: 6, transparent_glasses: 3, sunglasses: 0.4 }),
    mustache: gender === 'male' && age >= 18 && chance(rng, 0.15),
  };
}

/** Appendix B values: stable per person, expression and accessories per capture. */
export function faceAttrOf(rng: Rng, p: Persona): FaceAttr {
  const age = Math.max(1, p.age + between(rng, -3, 3));
  return {
    st_age: age < 18 ? 'st_child' : age >= 60 ? 'st_old' : 'st_adult',
    mustache_style: p.mustache ? 'whiskers' : 'mustache_style_type_none',
    respirator_color: chance(rng, 0.08) ? 'color_type_other' : 'color_type_none',
    glass_style: chance(rng, 0.9) ? p.glasses : 'glasses_style_type_none',
    gender_code: p.gender,
    st_expression: weighted(rng, {
      st_calm: 60,
      st_happy: 18,
      st_surprised: 4,
      st_sorrow: 4,
      st_angry: 3,
      st_yawn: 4,
      st_scared: 1,
      st_disgust: 1,
    }),
    cap_style: chance(rng, 0.1) ? 'cap' : 'hat_style_type_none',
    st_age_value: `${age}.000000`,
  };
}

/** The pool face that shows a library person: the one with the same id, else a stable pick. */
/**
 * The picture that shows a library person: their enrolled picture itself (the
 * demo enrols pool crops as they are), so searching an alarm's capture finds
 * the same person; a stable pool pick only if that file is gone.
 */
function poolFaceFor(ctx: EmulatorContext, pool: readonly PoolFace[], face: MatchedFace): PoolFace {
  const jpeg = ctx.files.read(face.img_path);
  return jpeg ? { id: face.img_id, jpeg } : pool[hashSeed(face.img_id) % pool.length]!;
}

// ---- who: bodies -------------------------------------------------------------------------

type Colour = (typeof BODY_ATTR_VALUES.coat_color)[number];
const COLOUR_HEX: Record<Colour | 'transparent', string> = {
  black: '#26282b',
  white: '#e9e9e6',
  gray: '#8a8d91',
  red: '#b8323a',
  yellow: '#d9b43a',
  blue: '#2f5ea8',
  green: '#3f8a55',
  purple: '#6d4a93',
  transparent: '#cfd8dc',
};
const CLOTHES: Partial<Record<Colour, number>> = { black: 9, gray: 5, white: 4, blue: 4, red: 2, green: 1.5, yellow: 1, purple: 0.6 };

/** A body as Appendix C describes it: coherent (no skirt with shorts, colours only for what is worn). */
export function bodyAttrOf(rng: Rng, p: Persona): BodyAttr {
  const winter = chance(rng, 0.35);
  const coat_style = weighted<BodyAttr['coat_style'] & string>(rng, {
    t_shirt: winter ? 1 : 6,
    shirt: 4,
    jacket: winter ? 5 : 2,
    down_jacket: winter ? 4 : 0.1,
    long_coat: winter ? 3 : 0.5,
    sports_wears: 2,
    business_suit: 2,
    dress: p.gender === 'female' ? 2 : 0,
  });
  const a: BodyAttr = {
    st_pedestrian_angle: weighted(rng, { st_front: 5, st_side: 3, st_back: 2 }),
    gender_code: p.gender,
    st_age: p.age < 18 ? 'st_child' : p.age >= 60 ? 'st_old' : 'st_adult',
    hair_style:
      p.gender === 'male' && p.age >= 50 && chance(rng, 0.12) ? 'bald' : p.gender === 'female' && chance(rng, 0.65) ? 'long' : 'st_short',
    hair_color: p.age >= 60 && chance(rng, 0.6) ? 'white' : chance(rng, 0.06) ? 'yellow' : 'black',
    coat_style,
    coat_color: weighted(rng, CLOTHES),
    coat_length: coat_style === 't_shirt' || (coat_style === 'shirt' && chance(rng, 0.4)) ? 'short_sleeve' : 'long_sleeve',
    st_coat_pattern: weighted(rng, { st_pure: 12, st_stripe: 2, st_design: 2, st_joint: 1, st_lattic: 1 }),
    trousers_len:
      coat_style === 'dress'
        ? 'st_skirt'
        : p.gender === 'female' && chance(rng, 0.15)
          ? 'st_skirt'
          : !winter && chance(rng, 0.15)
            ? 'shorts'
            : 'trousers',
    trousers_color: weighted(rng, CLOTHES),
    st_trousers_pattern: weighted(rng, { st_pure: 14, st_stripe: 1, st_design: 1, st_lattic: 0.5 }),
    shoes_style: weighted(rng, {
      walking_shoes: 6,
      leather_shoes: coat_style === 'business_suit' ? 8 : 3,
      boots: winter ? 2 : 0.3,
      sandal: winter ? 0.1 : 1.5,
    }),
    shoes_color: weighted(rng, { black: 8, white: 5, gray: 2, blue: 1, red: 0.5 }),
    bag_style: 'bag_style_type_none',
    cap_style: 'hat_style_type_none',
  };
  if (chance(rng, 0.45)) {
    a.st_bag = 'st_bag';
    a.bag_style = weighted(rng, { backpack: 5, shoulder_bag: 3, hand_bag: p.gender === 'female' ? 4 : 1, trolley: 0.5, waist_pack: 0.5 });
    a.bag_color = weighted(rng, CLOTHES);
  }
  if (chance(rng, 0.12)) {
    a.st_hat = 'st_hat';
    a.cap_style = weighted(rng, { cap: 5, bonnet: winter ? 3 : 0.3, bucket_hat: 1 });
    a.cap_color = weighted(rng, CLOTHES);
  }
  if (chance(rng, 0.1)) {
    a.st_respirator = 'st_respirator';
    a.respirator_color = weighted(rng, { white: 3, blue: 4, black: 2, gray: 1 });
  }
  if (chance(rng, 0.05)) {
    a.st_umbrella = 'st_umbrella';
    a.umbrella_color = weighted(rng, { ...CLOTHES, transparent: 2 });
  }
  if (chance(rng, 0.2)) a.st_hold_object_in_front = 'st_hold_object_in_front';
  return a;
}

const BODY_W = 128;
const BODY_H = 256;

/** A 128×256 figure: the face crop as the head, coat and trousers in their colours. */
export async function bodyPicture(face: Buffer, attr: BodyAttr): Promise<Buffer> {
  const hex = (c: string | undefined) => COLOUR_HEX[(c ?? 'gray') as Colour] ?? COLOUR_HEX.gray;
  const longCoat = attr.coat_style === 'long_coat' || attr.coat_style === 'dress';
  const coatBottom = longCoat ? 176 : 148;
  const legs =
    attr.trousers_len === 'st_skirt'
      ? `<path d="M38 ${coatBottom} L90 ${coatBottom} L98 200 L30 200 Z" fill="${hex(attr.trousers_color)}"/>` +
        `<rect x="46" y="200" width="12" height="40" fill="#d9b79a"/><rect x="70" y="200" width="12" height="40" fill="#d9b79a"/>`
      : attr.trousers_len === 'shorts'
        ? `<rect x="40" y="${coatBottom}" width="48" height="34" fill="${hex(attr.trousers_color)}"/>` +
          `<rect x="44" y="${coatBottom + 34}" width="16" height="${236 - coatBottom - 34}" fill="#d9b79a"/>` +
          `<rect x="68" y="${coatBottom + 34}" width="16" height="${236 - coatBottom - 34}" fill="#d9b79a"/>`
        : `<rect x="42" y="${coatBottom}" width="20" height="${240 - coatBottom}" fill="${hex(attr.trousers_color)}"/>` +
          `<rect x="66" y="${coatBottom}" width="20" height="${240 - coatBottom}" fill="${hex(attr.trousers_color)}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${BODY_W}" height="${BODY_H}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b9c0c7"/><stop offset="1" stop-color="#7d858c"/></linearGradient></defs>
    <rect width="${BODY_W}" height="${BODY_H}" fill="url(#g)"/>
    <rect x="56" y="54" width="16" height="12" fill="#d9b79a"/>
    <rect x="28" y="60" width="72" height="${coatBottom - 60}" rx="10" fill="${hex(attr.coat_color)}"/>
    <rect x="16" y="66" width="14" height="${attr.coat_length === 'short_sleeve' ? 30 : 74}" rx="6" fill="${hex(attr.coat_color)}"/>
    <rect x="98" y="66" width="14" height="${attr.coat_length === 'short_sleeve' ? 30 : 74}" rx="6" fill="${hex(attr.coat_color)}"/>
    ${legs}
    <rect x="38" y="240" width="24" height="10" rx="3" fill="${hex(attr.shoes_color)}"/>
    <rect x="66" y="240" width="24" height="10" rx="3" fill="${hex(attr.shoes_color)}"/>
    ${attr.st_bag ? `<rect x="92" y="110" width="26" height="30" rx="4" fill="${hex(attr.bag_color)}"/>` : ''}
  </svg>`;
  // The crop as an oval head, so the figure does not read as a pasted square.
  const oval = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="58"><ellipse cx="26" cy="29" rx="25" ry="28"/></svg>',
  );
  const head = await sharp(face)
    .resize(52, 58, { fit: 'cover' })
    .ensureAlpha()
    .composite([{ input: oval, blend: 'dest-in' }])
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: head, left: 38, top: 4 }])
    .jpeg({ quality: 78 })
    .toBuffer();
}

interface BodyFigure {
  persona: Persona;
  attr: BodyAttr;
  jpeg: Buffer;
}

/** A few dozen passers-by whose bodies are seen again and again: one picture each, composed once. */
async function bodyFigures(rng: Rng, pool: readonly PoolFace[], count: number): Promise<BodyFigure[]> {
  const out: BodyFigure[] = [];
  for (let i = 0; i < count; i++) {
    const face = pool[i % pool.length]!;
    const persona = personaOf(`body-${face.id}-${i}`);
    const attr = bodyAttrOf(rng, persona);
    out.push({ persona, attr, jpeg: await bodyPicture(face.jpeg, attr) });
  }
  return out;
}

// ---- the plan of one record --------------------------------------------------------------

/** Our mix: about one record in seven is a body, one face in twenty an alarm. */
const BODY_SHARE = 0.14;
const ALARM_SHARE = 0.05;
/** Whitelist people (staff at the gates) are met far more often than blacklist ones. */
const WHITELIST_WEIGHT = 4;

function pickCamera(rng: Rng, cams: CameraSeat[], total: number): CameraSeat {
  let r = rng() * total;
  for (const c of cams) {
    r -= c.weight;
    if (r <= 0) return c;
  }
  return cams[cams.length - 1]!;
}

/** The best candidate of a face: an alarm (>= threshold), or a near miss below it. */
function candidateFor(rng: Rng, cam: CameraSeat, wantAlarm: boolean): Candidate | null {
  if (cam.libraries.length === 0) return null;
  const weights = cam.libraries.map((l) => (l.lib_type === 2 ? WHITELIST_WEIGHT : 1));
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  let lib = cam.libraries[0]!;
  for (let i = 0; i < cam.libraries.length; i++) {
    r -= weights[i]!;
    if (r <= 0) {
      lib = cam.libraries[i]!;
      break;
    }
  }
  const t = cam.threshold;
  // A threshold of 0 alarms on everything: no near miss exists.
  if (!wantAlarm && t === 0) return null;
  const face = pick(rng, lib.faces);
  // Alarms land a little above the threshold; near misses mostly well below it.
  const similarity = wantAlarm
    ? between(rng, t, Math.max(t, Math.min(99, t + 18)))
    : t - 1 - Math.floor((t - 1 - Math.min(t - 1, 20)) * rng() ** 0.7);
  return { lib_id: lib.lib_id, lib_name: lib.lib_name, lib_type: lib.lib_type, similarity, ranking: 1, face };
}

// ---- seeding ---------------------------------------------------------------------------------

/**
 * Fills the records with `count` snapshots over the last `days` days. The
 * crops come from `pool`; every record still gets its own files (small: the
 * pool's crops are 10-20 KB), and body pictures are composed once per figure.
 */
export async function seedHistory(ctx: EmulatorContext, opts: HistoryOptions): Promise<HistoryResult> {
  const result: HistoryResult = { faces: 0, alarms: 0, bodies: 0 };
  const count = opts.count ?? ctx.options.demoRecords;
  const days = Math.max(1, opts.days ?? DEFAULT_DAYS);
  if (count <= 0 || opts.pool.length === 0) return result;
  const rng = rngFrom(opts.seed ?? 20_190_123);
  const zone = ctx.clock.settings.time_zone;
  const libraries = loadLibraries(ctx);
  const cams = loadCameras(ctx, rng, libraries);
  if (cams.length === 0) return result;
  const camTotal = cams.reduce((s, c) => s + c.weight, 0);
  const figures = await bodyFigures(rng, opts.pool, Math.min(32, Math.max(4, Math.ceil(count / 150))));
  const times = captureTimes(ctx, rng, count, days);

  // Batches keep each transaction short: the server stays responsive while a
  // large history is written at start-up.
  const BATCH = 500;
  for (let start = 0; start < times.length; start += BATCH) {
    ctx.db.transaction(() => {
      for (let i = start; i < Math.min(times.length, start + BATCH); i++) {
        const cam = pickCamera(rng, cams, camTotal);
        const trigger = formatInZone(times[i]!, zone);
        const common = { channel: cam.channel, camera_name: cam.camera_name, position: cam.position, trigger };
        if (chance(rng, BODY_SHARE)) {
          const fig = pick(rng, figures);
          insertRecord(ctx, {
            ...common,
            kind: 'body',
            quality: between(rng, 45, 96),
            body_attr: { ...fig.attr, st_pedestrian_angle: weighted(rng, { st_front: 5, st_side: 3, st_back: 2 }) },
            snap: fig.jpeg,
          });
          result.bodies++;
          continue;
        }
        const candidate = candidateFor(rng, cam, chance(rng, ALARM_SHARE));
        const alarm = candidate !== null && isAlarm(candidate.similarity, cam.threshold);
        // An alarm shows the library person's own pool face; anyone else is a passer-by.
        const face = alarm ? poolFaceFor(ctx, opts.pool, candidate.face) : pick(rng, opts.pool);
        const persona = alarm ? personaOf(candidate.face.img_id, candidate.face) : personaOf(face.id);
        insertRecord(ctx, {
          ...common,
          kind: 'face',
          threshold: cam.threshold,
          quality: between(rng, 55, 99),
          candidate,
          face_attr: faceAttrOf(rng, persona),
          snap: face.jpeg,
        });
        result.faces++;
        if (alarm) result.alarms++;
      }
    })();
    // Let the event loop breathe between batches.
    await new Promise((r) => setImmediate(r));
  }
  ctx.log(`demo data: ${result.faces} face snapshots (${result.alarms} alarms), ${result.bodies} body snapshots over ${days} days`);
  return result;
}

/** A UUID-shaped id whose first bits follow time (like UUIDv7), so a million inserts append to the index. */
function timeOrderedId(rng: Rng, ms: number, n: number): string {
  const hex =
    Math.floor(ms).toString(16).padStart(12, '0') +
    (n >>> 0).toString(16).padStart(8, '0') +
    Math.floor(rng() * 2 ** 48)
      .toString(16)
      .padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface BulkOptions extends HistoryOptions {
  /** Spread over this many channels (default: the model's all). */
  channels?: number;
  /** Told after each batch, for a progress line. */
  onProgress?: (done: number) => void;
}

/**
 * The benchmark's history: `count` rows in batches of 50 000, all pointing at
 * a handful of pictures under record/bench/ (8 face crops, 4 bodies). Only for
 * measuring; the device gives every snapshot its own file (seedHistory).
 */
export async function seedBulkHistory(ctx: EmulatorContext, opts: BulkOptions): Promise<HistoryResult> {
  const result: HistoryResult = { faces: 0, alarms: 0, bodies: 0 };
  const count = opts.count ?? ctx.options.demoRecords;
  if (count <= 0 || opts.pool.length === 0) return result;
  const rng = rngFrom(opts.seed ?? 1_000_000);
  const zone = ctx.clock.settings.time_zone;
  const libraries = loadLibraries(ctx);
  const cams = loadCameras(ctx, rng, libraries, opts.channels ?? ctx.spec.channels);
  const camTotal = cams.reduce((s, c) => s + c.weight, 0);

  const faces = opts.pool.slice(0, 8).map((p, i) => {
    const path = `${RECORD_DIR}/bench/face-${i}.jpg`;
    return { path, bytes: ctx.files.write(path, p.jpeg), persona: personaOf(p.id) };
  });
  const bodies = (await bodyFigures(rng, opts.pool, 4)).map((f, i) => {
    const path = `${RECORD_DIR}/bench/body-${i}.jpg`;
    return { path, bytes: ctx.files.write(path, f.jpeg), attrs: JSON.stringify(f.attr) };
  });
  // A few hundred attribute and match strings, reused: JSON per row would dominate.
  const faceAttrs = Array.from({ length: 256 }, () => JSON.stringify(faceAttrOf(rng, pick(rng, faces).persona)));
  const matchJson = new Map<string, string>();
  const matchOf = (f: MatchedFace) => {
    let j = matchJson.get(f.img_id);
    if (j === undefined) matchJson.set(f.img_id, (j = JSON.stringify(f)));
    return j;
  };
  const times = captureTimes(ctx, rng, count, Math.max(1, opts.days ?? DEFAULT_DAYS));

  const BATCH = 50_000;
  const cacheSize = ctx.db.pragma('cache_size', { simple: true }) as number;
  ctx.db.pragma('cache_size = -131072');
  try {
    // Rows are made as SQLite takes them (a generator), each one object
    // literal of one shape: a spread made every row a slow dictionary object,
    // and building them cost three times SQLite's insert.
    const batch = function* (start: number, end: number): Generator<RecordInsert> {
      for (let i = start; i < end; i++) {
        const cam = pickCamera(rng, cams, camTotal);
        const ms = times[i]!;
        const body = chance(rng, BODY_SHARE) ? pick(rng, bodies) : null;
        const f = body ? null : pick(rng, faces);
        const c = body ? null : candidateFor(rng, cam, chance(rng, ALARM_SHARE));
        const alarm = c !== null && isAlarm(c.similarity, cam.threshold);
        yield {
          snap_id: timeOrderedId(rng, ms, i),
          kind: body ? KIND.body : KIND.face,
          alarm: alarm ? 1 : 0,
          channel: cam.channel,
          camera_name: cam.camera_name,
          position: cam.position,
          trigger: formatInZone(ms, zone),
          threshold: body ? 0 : cam.threshold,
          quality: body ? between(rng, 45, 96) : between(rng, 55, 99),
          lib_id: c?.lib_id ?? 0,
          lib_name: c?.lib_name ?? '',
          lib_type: c?.lib_type ?? 0,
          ranking: c ? 1 : 0,
          similarity: c?.similarity ?? -1,
          match: c ? matchOf(c.face) : null,
          attrs: body ? body.attrs : pick(rng, faceAttrs),
          snap_path: body ? body.path : f!.path,
          frame_path: '',
          box: '',
          bytes: body ? body.bytes : f!.bytes,
        };
        if (body) result.bodies++;
        else result.faces++;
        if (alarm) result.alarms++;
      }
    };
    for (let start = 0; start < times.length; start += BATCH) {
      insertSharedRecords(ctx, batch(start, Math.min(times.length, start + BATCH)));
      opts.onProgress?.(Math.min(times.length, start + BATCH));
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    ctx.db.pragma(`cache_size = ${cacheSize}`);
  }
  return result;
}
