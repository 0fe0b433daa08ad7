import { z } from 'zod';
import { faceAttr } from './attributes';
import { TOPK_MAX } from './limits';
import { b64Image, int, intList, looseStr, threshold } from './schema';
import { operation } from './operation';

/** §3.25: "x1,y1,x2,y2" in the picture's pixels. */
export const detection = () => z.object({ quality: z.number().int(), coordinate: z.string(), attribute: faceAttr() });
export type Detection = z.infer<ReturnType<typeof detection>>;

export const detectFace = operation({
  name: 'detect.main',
  msgId: '769',
  via: 'form',
  section: '3.25',
  request: z.object({}),
  files: { img: 'one' } as const,
  answer: detection(),
});

/** §3.26: every face, each crop stored on the device at img_path. */
export const detectFaces = operation({
  name: 'detect.all',
  msgId: '782',
  via: 'form',
  section: '3.26',
  request: z.object({}),
  files: { img: 'one' } as const,
  answer: z.array(detection().extend({ img_path: z.string() })),
});

export const detectFaceB64 = operation({
  name: 'detect.mainB64',
  msgId: '779',
  via: 'json',
  section: '3.29',
  request: z.object({ img: b64Image() }),
  answer: detection(),
});

/** §5.1: one ranked candidate. id / gender / age are strings in the table, numbers in the example. */
export const candidate = () =>
  z.object({
    img_id: z.string(),
    img_path: z.string(),
    lib_id: z.number().int(),
    lib_name: z.string(),
    lib_type: z.number().int(),
    ranking: z.number().int(),
    similarity: z.number().int(),
    id: looseStr(),
    name: looseStr(),
    gender: looseStr(),
    age: looseStr(),
    address: looseStr(),
  });
export type Candidate = z.infer<ReturnType<typeof candidate>>;

/**
 * §5.1's answer. Where fewer than n_topk candidates pass the threshold we leave
 * n_topn out (the reference does not say; an empty object would look like a match).
 */
export const searchAnswer = () =>
  z.object({
    in_pic: z.object({
      pos_top: z.number().int(),
      pos_bottom: z.number().int(),
      pos_left: z.number().int(),
      pos_right: z.number().int(),
      quality: z.number().int(),
    }),
    n_topn: candidate().optional(),
    topn: z.array(candidate()),
  });

const topk = () => int().pipe(z.number().min(1).max(TOPK_MAX));
const searchFields = () => ({
  threshold: threshold().optional(),
  lib_ids: intList().refine((s) => s !== '', 'at least one library'),
  topk: topk().optional(),
  n_topk: topk().optional(),
});
const nWithinK = (r: { topk?: number; n_topk?: number }) => (r.n_topk ?? 1) <= (r.topk ?? 1);

export const searchFace = operation({
  name: 'search.oneToMany',
  msgId: '772',
  via: 'form',
  section: '5.1',
  request: z.object(searchFields()).refine(nWithinK, 'n_topk within [1, topk]'),
  files: { img: 'one' } as const,
  answer: searchAnswer(),
});

export const searchFaceB64 = operation({
  name: 'search.oneToManyB64',
  msgId: '780',
  via: 'json',
  section: '5.3',
  request: z.object({ ...searchFields(), img: b64Image() }).refine(nWithinK, 'n_topk within [1, topk]'),
  answer: searchAnswer(),
});

const scoreAnswer = () => z.object({ FaceImg1to1Rsp_Score: z.number().int() });

export const compareFaces = operation({
  name: 'search.oneToOne',
  msgId: '771',
  via: 'form',
  section: '5.2',
  request: z.object({}),
  files: { img_1: 'one', img_2: 'one' } as const,
  answer: scoreAnswer(),
});

export const compareFacesB64 = operation({
  name: 'search.oneToOneB64',
  msgId: '781',
  via: 'json',
  section: '5.4',
  request: z.object({ img_1: b64Image(), img_2: b64Image() }),
  answer: scoreAnswer(),
});
