// The bad-input matrix, generated from the protocol catalogue: for every
// operation, a valid base request is made from its schema, then each field is
// left out or replaced by a wrong type, an out-of-range number, an over-long or
// unclean string, a malformed date or id list. The oracle is the schema itself:
// what it refuses must be answered -3596, exactly; what it takes must be
// answered 0 or a code of Appendix A, never -3524 (an internal error) and never
// a hang. Then the HTTP paths: bodies that are not objects, too large, forms in
// the wrong order or too big, and the emulator still answers a normal request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { bodyLimits, DEVICE_ERRORS, getVersion, OPERATIONS, PICTURE_MAX_BYTES, TEXT_MAX, type Operation } from '../src/api/protocol';
import { ErrorCode } from '../src/api/protocol/error-codes';
import { dispatch } from './dispatch';
import { NOT_A_PICTURE } from './faces/fixtures';
import type { FaceEngine } from './faces/types';
import { rawForm, rawJson, startTestDevice, type TestDevice } from './testing';

const { INTERNAL_ERROR, MSG_ID_ERROR, NOT_LOGGED_IN, PARAM_ERROR } = ErrorCode;

/** Analyses nothing: the matrix is about what reaches the handlers, not faces. */
const stubEngine: FaceEngine = {
  analyse: async () => ({ width: 640, height: 480, faces: [] }),
  similarity: () => 0,
  ready: async () => {},
  close: async () => {},
};

/** Operations whose accepted requests would end the test's device or session, or reach out to the network. */
const DISRUPTIVE = new Set([
  'session.logout',
  'system.reboot',
  'system.restoreDefaults',
  'system.upgrade',
  'https.switch',
  'push.setHttpTarget',
  'system.setNtp',
]);

const BAD_TIME = '2026-13-45 99:99:99';

/** Each field's bad values. */
const BAD_VALUES: readonly unknown[] = [
  null,
  true,
  {},
  [],
  [1, 2],
  1.5,
  -1,
  0,
  2 ** 53,
  -(2 ** 31) - 1,
  '',
  'abc',
  '1e3',
  '0x10',
  ' 1',
  '   ',
  'a\u0000b',
  'a\u001bb',
  '\ud800',
  'x'.repeat(300),
  'x'.repeat(TEXT_MAX + 1),
  BAD_TIME,
  '2026-02-30 10:00:00',
  '2026-01-01T00:00:00Z',
  '1,,2',
  ',',
  '1;2',
  Array.from({ length: 51 }, (_, i) => i + 1).join(','),
  { filename: 'a.jpg', data: NOT_A_PICTURE.toString('base64') },
];

/** Values tried, in order, to build a valid base request field by field. */
const CANDIDATES: readonly unknown[] = [
  1,
  '1',
  'Abc-1',
  'admin',
  'Admin@12345',
  '2024-05-11 09:00:00',
  'GMT+08:00',
  'yyyy-MM-dd HH:mm:ss',
  '1,2',
  '0',
  'crt',
  'http',
  'eth0',
  '192.168.1.20',
  '255.255.255.0',
  'rtsp',
  'rtsp://192.168.1.30/stream',
  'VIDEO',
  'IMAGE',
  'static',
  { filename: 'a.jpg', data: NOT_A_PICTURE.toString('base64') },
  [{ filename: 'a.jpg', data: NOT_A_PICTURE.toString('base64') }],
];

type Shape = Record<string, z.ZodType>;

/** The fields a request schema names (an object's, or every option's of a union). */
function shapeOf(schema: z.ZodType): Shape {
  const s = schema as unknown as { shape?: Shape; options?: z.ZodType[]; def?: { in?: z.ZodType } };
  if (s.shape) return s.shape;
  if (s.options) return Object.assign({}, ...s.options.map(shapeOf)) as Shape;
  if (s.def?.in) return shapeOf(s.def.in);
  return {};
}

const isOptional = (field: z.ZodType) => field.safeParse(undefined).success;

/** A request the schema takes, made from CANDIDATES; each union option is tried in turn. */
function baseOf(op: Operation): Record<string, unknown> {
  const s = op.request as unknown as { options?: z.ZodType[] };
  const schemas = s.options ?? [op.request];
  for (const schema of schemas) {
    const base: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(shapeOf(schema))) {
      if (isOptional(field)) continue;
      const value = CANDIDATES.find((c) => field.safeParse(c).success);
      if (value !== undefined) base[name] = value;
    }
    if (op.request.safeParse(base).success) return base;
  }
  return {};
}

const DOCUMENTED = new Set([0, ...Object.keys(DEVICE_ERRORS).map(Number)]);

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms: ${what}`)), ms))]);
}

describe('the bad-input matrix, from the protocol catalogue', () => {
  let dev: TestDevice;
  beforeAll(async () => {
    // No wait on unreachable camera addresses (§4.2 note 4): the matrix sends hundreds.
    dev = await startTestDevice({ unreachableDelayMs: 0 }, { engine: stubEngine });
  });
  afterAll(() => dev.close());

  it('answers every bad field of every JSON operation with -3596, and what the schema takes with a documented code', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const op of OPERATIONS.filter((o) => o.via === 'json')) {
      const base = baseOf(op);
      const shape = shapeOf(op.request);
      const bodies: Array<[string, Record<string, unknown>]> = [];
      for (const [name, field] of Object.entries(shape)) {
        if (!isOptional(field)) {
          const { [name]: _left, ...rest } = base;
          bodies.push([`${name} missing`, rest]);
        }
        for (const bad of BAD_VALUES) bodies.push([`${name}=${JSON.stringify(bad).slice(0, 40)}`, { ...base, [name]: bad }]);
      }
      bodies.push(['base', base]);
      for (const [what, body] of bodies) {
        const refused = !op.request.safeParse(body).success;
        if (!refused && DISRUPTIVE.has(op.name)) continue;
        cases++;
        const answer = await within(
          dispatch(dev.emulator.ctx, { via: 'json', fields: { msg_id: op.msgId, ...body }, session: dev.session() }),
          5000,
          `${op.msgId} ${what}`,
        );
        const ok = refused ? answer.code === PARAM_ERROR : DOCUMENTED.has(answer.code) && answer.code !== INTERNAL_ERROR;
        if (!ok || answer.code === -1)
          failures.push(`${op.msgId} ${op.name} ${what}: ${answer.code}${refused ? ' (schema refuses: -3596 expected)' : ''}`);
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(2000);
    await expect(dev.call(getVersion, {})).resolves.toHaveProperty('version');
  });

  it('refuses an impossible date in every time field of every operation (-3596)', async () => {
    const timed = OPERATIONS.flatMap((op) =>
      Object.keys(shapeOf(op.request))
        .filter((f) => f.endsWith('_time'))
        .map((f) => ({ op, field: f })),
    );
    // 1036 / 1037 / 1046 (and 1282's sys_time, 1038-1048's ranges) are among them.
    expect(timed.map((t) => t.op.msgId)).toEqual(expect.arrayContaining(['1036', '1037', '1046', '1282']));
    for (const { op, field } of timed) {
      const body = { msg_id: op.msgId, ...baseOf(op), [field]: BAD_TIME };
      const answer =
        op.via === 'json'
          ? await rawJson(dev.url, body, dev.session())
          : await rawForm(dev.url, body as Record<string, string>, {}, dev.session());
      expect({ op: op.msgId, field, code: answer.code }).toEqual({ op: op.msgId, field, code: PARAM_ERROR });
    }
  });

  it('answers bodies that are no request object, and ones too large, with -3596 over HTTP', async () => {
    const s = dev.session();
    for (const text of ['null', '[]', '42', '"x"', '{', '', '\u0000', '{"msg_id":"1028"', '['.repeat(100_000)]) {
      expect((await rawJson(dev.url, text, s)).code, JSON.stringify(text.slice(0, 10))).toBe(PARAM_ERROR);
    }
    // Nesting the schema does not know is dropped; nesting it does know is bounded.
    expect((await rawJson(dev.url, `{"msg_id":"1028","x":${'['.repeat(5000)}${']'.repeat(5000)}}`, s)).code).toBe(0);
    expect((await rawJson(dev.url, { msg_id: '9999' }, s)).code).toBe(MSG_ID_ERROR);
    expect((await rawJson(dev.url, { msg_id: '1029' }, s)).code).toBe(MSG_ID_ERROR);
    for (const op of OPERATIONS.filter((o) => o.via === 'json' && bodyLimits(o).bytes <= 1024 * 1024)) {
      const pad = 'x'.repeat(bodyLimits(op).bytes);
      // msg_id first (the client's order) is refused as it streams; msg_id last once read.
      expect((await rawJson(dev.url, { msg_id: op.msgId, pad }, s)).code, op.msgId).toBe(PARAM_ERROR);
      expect((await rawJson(dev.url, { pad, msg_id: op.msgId }, s)).code, op.msgId).toBe(PARAM_ERROR);
    }
    // Without a session, only a login-sized body is read.
    expect((await rawJson(dev.url, { msg_id: '1028', pad: 'x'.repeat(8 * 1024) })).code).toBe(NOT_LOGGED_IN);
    expect((await rawJson(dev.url, { msg_id: '1028' })).code).toBe(NOT_LOGGED_IN);
    await expect(dev.call(getVersion, {})).resolves.toHaveProperty('version');
  });

  it('answers every form operation, malformed in each way, with a documented code', async () => {
    const s = dev.session();
    const picture = new Blob([NOT_A_PICTURE]);
    for (const op of OPERATIONS.filter((o) => o.via === 'form')) {
      const fields = { msg_id: op.msgId, ...(baseOf(op) as Record<string, string>) };
      const names = Object.entries(op.files ?? {}).map(([n, arity]) => (arity === 'many' ? `${n}1` : n));
      const files = Object.fromEntries(names.map((n) => [n, picture]));
      const label = `${op.msgId} ${op.name}`;
      expect((await rawForm(dev.url, fields, files)).code, `${label} without a session`).toBe(NOT_LOGGED_IN);
      expect((await rawForm(dev.url, fields, {}, s)).code, `${label} without files`).toBe(PARAM_ERROR);
      // A file before msg_id: refused before any file is taken.
      const first = new FormData();
      first.append(names[0]!, picture, 'a.jpg');
      for (const [k, v] of Object.entries(fields)) first.append(k, v);
      const res = await fetch(`${dev.url}/api/form`, { method: 'POST', headers: { sessionid: s! }, body: first });
      expect(((await res.json()) as { code: number }).code, `${label} file first`).toBe(PARAM_ERROR);
      // One file more than the operation takes.
      const limits = bodyLimits(op);
      const extra = Object.fromEntries(
        Array.from({ length: limits.files + 1 }, (_, i) => [`${names[0]!.replace(/\d+$/, '')}${i + 1}`, picture]),
      );
      expect((await rawForm(dev.url, fields, extra, s)).code, `${label} too many files`).toBe(PARAM_ERROR);
      // One byte more than a file may have (pictures and certificates; a package is tested on disk below).
      if (limits.fileBytes <= PICTURE_MAX_BYTES) {
        const big = new Blob([new Uint8Array(limits.fileBytes + 1)]);
        expect((await rawForm(dev.url, fields, { ...files, [names[0]!]: big }, s)).code, `${label} file too big`).toBe(PARAM_ERROR);
      }
      // Not a picture, or no certificate: the operation's own refusal, never an error.
      if (!DISRUPTIVE.has(op.name)) {
        const code = (await rawForm(dev.url, fields, files, s)).code;
        expect(DOCUMENTED.has(code) && code !== INTERNAL_ERROR && code !== 0, `${label}: ${code}`).toBe(true);
      }
    }
    expect((await rawForm(dev.url, { msg_id: '1028' }, {}, s)).code).toBe(MSG_ID_ERROR);
    expect((await rawForm(dev.url, { msg_id: '1029', x: 'y'.repeat(20_000) }, {}, s)).code).toBe(PARAM_ERROR);
    await expect(dev.call(getVersion, {})).resolves.toHaveProperty('version');
  });
});
