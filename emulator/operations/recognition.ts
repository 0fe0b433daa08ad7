// §3.25, 3.26, 3.29: face detection; §5.1-5.4: 1:N search and 1:1 comparison.
// Everything goes through ctx.engine (the real face-api engine), so a picture
// is judged by its content: undecodable → -1104, no face → -1101. The "main"
// face of a picture is its largest (the engine lists faces largest first).
import {
  compareFaces,
  compareFacesB64,
  detectFace,
  detectFaceB64,
  detectFaces,
  searchFace,
  searchFaceB64,
  type Candidate,
  type Detection,
} from '../../src/api/protocol/recognition';
import type { z } from 'zod';
import type { searchAnswer } from '../../src/api/protocol/recognition';
import type { EmulatorContext } from '../context';
import { cropFaces } from '../faces/decode';
import { nearestFaces } from '../faces/gallery-index';
import { NotAnImageError, type Analysis, type FoundFace } from '../faces/types';
import { handle, Refusal, type Handler } from './handler';
import { newId, splitIds } from './util';
import { ErrorCode } from '../../src/api/protocol/error-codes';

const { BAD_IMAGE, LIBRARY_MISSING, NO_FACE } = ErrorCode;

/** §3.26: crops are cut with some context around the box, so a crop can be enrolled or searched again. */
const CROP_MARGIN = 1.5;

async function analyse(ctx: EmulatorContext, bytes: Uint8Array): Promise<Analysis> {
  try {
    return await ctx.engine.analyse(bytes);
  } catch (e) {
    if (e instanceof NotAnImageError) throw new Refusal(BAD_IMAGE);
    throw e;
  }
}

async function mainFace(ctx: EmulatorContext, bytes: Uint8Array): Promise<FoundFace> {
  const face = (await analyse(ctx, bytes)).faces[0];
  if (!face) throw new Refusal(NO_FACE);
  return face;
}

/**
 * §3.27's base64 picture. A data: URL prefix is tolerated (browsers' readAsDataURL
 * gives one); anything that is not base64 decodes to bytes that are no picture (-1104).
 */
function fromBase64(data: string): Buffer {
  return Buffer.from(data.replace(/^data:[^,]*,/, ''), 'base64');
}

const coordinate = ({ box }: FoundFace) => `${box.x1},${box.y1},${box.x2},${box.y2}`;

function detection(face: FoundFace): Detection {
  return { quality: face.quality, coordinate: coordinate(face), attribute: face.attributes };
}

interface SearchRequest {
  threshold?: number;
  lib_ids: string;
  topk?: number;
  n_topk?: number;
}

interface LibraryRow {
  lib_id: number;
  lib_name: string;
  lib_type: number;
}

interface FaceRow {
  img_id: string;
  img_path: string;
  lib_id: number;
  person_idcard: string;
  person_name: string;
  person_gender: string;
  person_age: string;
  person_addr: string;
}

/**
 * §5.1 / §5.3. The libraries are checked before the picture is analysed (a
 * cheap refusal first; the reference does not order the two). topk and
 * n_topk default to 1, threshold to 0; a candidate passes with similarity ≥
 * threshold. n_topn is left out when fewer than n_topk candidates pass.
 */
async function search(ctx: EmulatorContext, req: SearchRequest, bytes: Uint8Array): Promise<z.input<ReturnType<typeof searchAnswer>>> {
  const libIds = [...new Set(splitIds(req.lib_ids).map(Number))];
  const getLib = ctx.db.prepare<[number], LibraryRow>('SELECT lib_id, lib_name, lib_type FROM libraries WHERE lib_id = ?');
  const libs = new Map<number, LibraryRow>();
  for (const id of libIds) {
    const lib = getLib.get(id);
    if (!lib) throw new Refusal(LIBRARY_MISSING);
    libs.set(id, lib);
  }

  const face = await mainFace(ctx, bytes);
  const topk = req.topk ?? 1;
  const nTopk = req.n_topk ?? 1;
  const found = nearestFaces(ctx, libIds, face.descriptor, topk, req.threshold ?? 0);

  const getFace = ctx.db.prepare<[number], FaceRow>(
    'SELECT img_id, img_path, lib_id, person_idcard, person_name, person_gender, person_age, person_addr FROM faces WHERE seq = ?',
  );
  const topn: Candidate[] = [];
  for (const n of found) {
    const row = getFace.get(n.seq);
    const lib = libs.get(n.libId);
    if (!row || !lib) continue;
    topn.push({
      img_id: row.img_id,
      img_path: row.img_path,
      lib_id: lib.lib_id,
      lib_name: lib.lib_name,
      lib_type: lib.lib_type,
      ranking: topn.length + 1,
      similarity: n.similarity,
      id: row.person_idcard,
      name: row.person_name,
      gender: row.person_gender,
      age: row.person_age,
      address: row.person_addr,
    });
  }
  const { box } = face;
  const nth = topn[nTopk - 1];
  return {
    in_pic: { pos_top: box.y1, pos_bottom: box.y2, pos_left: box.x1, pos_right: box.x2, quality: face.quality },
    ...(nth ? { n_topn: nth } : {}),
    topn,
  };
}

/** §5.2 / §5.4: both pictures must show a face (-1101 otherwise); their main faces are compared. */
async function compare(ctx: EmulatorContext, a: Uint8Array, b: Uint8Array): Promise<{ FaceImg1to1Rsp_Score: number }> {
  const first = await mainFace(ctx, a);
  const second = await mainFace(ctx, b);
  return { FaceImg1to1Rsp_Score: ctx.engine.similarity(first.descriptor, second.descriptor) };
}

export const recognitionHandlers: Handler[] = [
  handle(detectFace, async (req, ctx) => detection(await mainFace(ctx, req.img.data))),

  handle(detectFaceB64, async (req, ctx) => detection(await mainFace(ctx, fromBase64(req.img.data)))),

  handle(detectFaces, async (req, ctx) => {
    const bytes = req.img.data;
    const { faces } = await analyse(ctx, bytes);
    if (faces.length === 0) throw new Refusal(NO_FACE);
    const crops = await cropFaces(
      bytes,
      faces.map((f) => f.box),
      { margin: CROP_MARGIN },
    );
    return faces.map((face, i) => {
      // §3.26's example: "tmp/<uuid>.jpg", served at /ws/<img_path>.
      const imgPath = `tmp/${newId()}.jpg`;
      ctx.files.write(imgPath, crops[i]!);
      return { ...detection(face), img_path: imgPath };
    });
  }),

  handle(searchFace, (req, ctx) => search(ctx, req, req.img.data)),

  handle(searchFaceB64, (req, ctx) => search(ctx, req, fromBase64(req.img.data))),

  handle(compareFaces, (req, ctx) => compare(ctx, req.img_1.data, req.img_2.data)),

  handle(compareFacesB64, (req, ctx) => compare(ctx, fromBase64(req.img_1.data), fromBase64(req.img_2.data))),
];
