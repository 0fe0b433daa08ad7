// Demo libraries and the people in them: each face of the pool (faces/pool.ts)
// becomes one person, enrolled through the same path as 1029, with a name,
// gender and age that fit what the engine sees in the face, a well-formed
// Chinese resident id (region, birth date, sequence, check digit) or a
// passport number, and an address in the id's city. Deterministic: the same
// pool gives the same people.
import type { EmulatorContext } from '../context';
import { enrolPicture } from '../operations/faces';
import { Refusal } from '../operations/handler';

export interface PoolPicture {
  id: string;
  jpeg: Buffer;
}

export interface SeededLibrary {
  lib_id: number;
  lib_name: string;
  lib_type: 1 | 2;
  enrolled: number;
}

interface DemoLibrary {
  name: string;
  type: 1 | 2;
  /** img_id prefix. */
  prefix: string;
}

export const DEMO_LIBRARIES: readonly DemoLibrary[] = [
  { name: '重点人员 Blacklist', type: 1, prefix: 'BL' },
  { name: '员工 Staff', type: 2, prefix: 'EMP' },
  { name: '访客 VIP', type: 2, prefix: 'VIP' },
];

/** Three in five faces are staff, one a watch-list person, one a VIP. */
const SHARE = [1, 1, 0, 2, 1] as const;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN_MALE = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '志强', '建华', '俊杰', '浩然', '子轩', '文博'];
const GIVEN_FEMALE = ['芳', '娜', '敏', '静', '丽', '艳', '婷', '雪', '霞', '琳', '秀英', '晓燕', '欣怡', '梓涵', '雨桐', '佳怡'];
const EN_FIRST_MALE = ['James', 'Michael', 'David', 'Daniel', 'Thomas', 'Oliver', 'William', 'Lucas'];
const EN_FIRST_FEMALE = ['Emily', 'Sarah', 'Olivia', 'Sophia', 'Emma', 'Charlotte', 'Grace', 'Chloe'];
const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Miller', 'Wilson', 'Taylor', 'Anderson', 'Clark', 'Walker', 'Wright'];

/** Region code (first six digits of a resident id) and addresses in that district. */
const CN_PLACES: readonly { code: string; streets: readonly string[] }[] = [
  { code: '110105', streets: ['北京市朝阳区建国路88号', '北京市朝阳区望京街10号', '北京市朝阳区三里屯路19号'] },
  { code: '310104', streets: ['上海市徐汇区漕溪北路595号', '上海市徐汇区衡山路12号', '上海市徐汇区天钥桥路30号'] },
  { code: '440305', streets: ['深圳市南山区科技园南区高新南一道8号', '深圳市南山区海德三道15号', '深圳市南山区后海大道2388号'] },
  { code: '420103', streets: ['武汉市江汉区解放大道690号', '武汉市江汉区建设大道568号', '武汉市江汉区江汉路118号'] },
  { code: '330106', streets: ['杭州市西湖区文三路90号', '杭州市西湖区天目山路398号', '杭州市西湖区灵隐路1号'] },
  { code: '510107', streets: ['成都市武侯区人民南路四段27号', '成都市武侯区天府大道北段1700号', '成都市武侯区科华北路62号'] },
];
/** No commas: §3.11 notes the device's own export fails on them. */
const EN_ADDRESSES = [
  '221B Baker Street London',
  '1 Raffles Place Singapore',
  '350 Fifth Avenue New York',
  '10 Queens Road Central Hong Kong',
];

/** ISO 7064 MOD 11-2, the check digit of a Chinese resident id (GB 11643). */
export function residentIdCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = first17.split('').reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

/** A well-formed resident id: region, birth date, sequence (odd for men), check digit. */
export function residentId(region: string, birth: Date, seq: number, male: boolean): string {
  const ymd = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const s = (seq % 500) * 2 + (male ? 1 : 0);
  const first17 = `${region}${ymd}${String(s).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

export interface DemoPerson {
  img_id: string;
  person_name: string;
  person_gender: '0' | '1';
  person_age: string;
  person_idcard: string;
  person_addr: string;
}

/**
 * The n-th demo person (over all libraries, so no two share a name or id),
 * fitted to the face's gender and apparent age; `imgId` is its library's own id.
 */
export function demoPerson(n: number, imgId: string, male: boolean, apparentAge: number, nowYear: number): DemoPerson {
  // Adults for staff and visitors; an estimate is only a hint.
  const age = Math.min(75, Math.max(20, Math.round(apparentAge)));
  const english = n % 4 === 3;
  let name: string;
  let idcard: string;
  let addr: string;
  if (english) {
    // Every fourth person: count them among themselves, or the picks repeat.
    const e = n >> 2;
    const first = (male ? EN_FIRST_MALE : EN_FIRST_FEMALE)[e % 8]!;
    name = `${first} ${EN_LAST[(e * 3) % EN_LAST.length]}`;
    // A passport number: letter and eight digits.
    idcard = `${male ? 'P' : 'E'}${String(10_000_000 + ((n * 7_654_321) % 89_999_999)).slice(0, 8)}`;
    addr = EN_ADDRESSES[e % EN_ADDRESSES.length]!;
  } else {
    const given = male ? GIVEN_MALE : GIVEN_FEMALE;
    name = `${SURNAMES[(n * 7) % SURNAMES.length]}${given[(n * 5) % given.length]}`;
    const place = CN_PLACES[n % CN_PLACES.length]!;
    const birth = new Date(Date.UTC(nowYear - age, (n * 5) % 12, 1 + ((n * 11) % 28)));
    idcard = residentId(place.code, birth, n, male);
    addr = place.streets[n % place.streets.length]!;
  }
  return {
    img_id: imgId,
    person_name: name,
    person_gender: male ? '1' : '0',
    person_age: String(age),
    person_idcard: idcard,
    person_addr: addr,
  };
}

function libraryId(ctx: EmulatorContext, lib: DemoLibrary): number {
  const row = ctx.db.prepare<[string], { lib_id: number }>('SELECT lib_id FROM libraries WHERE lib_name = ?').get(lib.name);
  if (row) return row.lib_id;
  const now = ctx.clock.format();
  return Number(
    ctx.db
      .prepare('INSERT INTO libraries(lib_name, lib_type, create_time, update_time) VALUES (?, ?, ?, ?)')
      .run(lib.name, lib.type, now, now).lastInsertRowid,
  );
}

/**
 * Creates the demo libraries (or reuses them by name) and enrols one person per
 * pool face, spread over them. A face the device would refuse is skipped and
 * logged; an img_id already there (a second run) is skipped quietly.
 */
export async function seedPeople(ctx: EmulatorContext, pool: readonly PoolPicture[]): Promise<SeededLibrary[]> {
  const libs = DEMO_LIBRARIES.map((l) => ({ def: l, id: libraryId(ctx, l), enrolled: 0, next: 0 }));
  const nowYear = new Date(ctx.clock.now()).getUTCFullYear();
  let skipped = 0;
  for (const [i, face] of pool.entries()) {
    const lib = libs[SHARE[i % SHARE.length]!]!;
    const imgId = `${lib.def.prefix}-${String(++lib.next).padStart(4, '0')}`;
    let male = i % 2 === 0;
    let age = 30 + ((i * 13) % 30);
    try {
      // The engine caches by content: enrolPicture below does not run it again.
      const main = (await ctx.engine.analyse(face.jpeg)).faces[0];
      if (main) {
        male = main.attributes.gender_code === 'male';
        age = Number.parseFloat(main.attributes.st_age_value) || age;
      }
    } catch {
      // enrolPicture answers the reason below.
    }
    const { img_id, ...person } = demoPerson(i, imgId, male, age, nowYear);
    try {
      await enrolPicture(ctx, lib.id, { filename: `${face.id}.jpg`, data: face.jpeg }, { img_id, ...person });
      lib.enrolled++;
    } catch (e) {
      if (e instanceof Refusal && e.code === -1100) continue;
      skipped++;
      ctx.log(`demo people: ${face.id} not enrolled (${e instanceof Refusal ? e.code : String(e)})`);
    }
  }
  ctx.log(`demo people: ${libs.map((l) => `${l.def.name} ${l.enrolled}`).join(', ')}${skipped ? `; ${skipped} skipped` : ''}`);
  return libs.map((l) => ({ lib_id: l.id, lib_name: l.def.name, lib_type: l.def.type, enrolled: l.enrolled }));
}
