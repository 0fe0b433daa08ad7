import { z } from 'zod';
import {
  b64Image,
  choiceExportAnswer,
  empty,
  exportAnswer,
  exportLen,
  fuzzyKey,
  idList,
  int,
  page,
  personFields,
  qryLen,
  startNo,
  time,
} from './schema';
import { operation } from './operation';

/** A face image in a library (§3.10's record). */
export const faceRecord = () =>
  z.object({
    create_time: z.string(),
    img_id: z.string(),
    img_path: z.string(),
    lib_id: z.number().int(),
    person_addr: z.string(),
    person_age: z.string(),
    person_gender: z.string(),
    person_idcard: z.string(),
    person_name: z.string(),
  });
export type FaceRecord = z.infer<ReturnType<typeof faceRecord>>;

/** §3.6: one face with its picture (base64) and feature. */
export const getFace = operation({
  name: 'face.get',
  msgId: '1032',
  via: 'json',
  section: '3.6',
  request: z.object({ img_id: z.string().min(1), lib_id: int() }),
  answer: faceRecord().extend({ img: z.string(), img_feat: z.string() }),
});

/**
 * img_id is checked by the handler, not the schema: too long is its own code
 * (-2754), a bad character is -3596, a duplicate -1100; empty means "assign one".
 */
const enrolFields = () => ({ lib_id: int(), img_id: z.string().optional(), ...personFields() });

/** §3.7: enrol one face, the picture as the form's `img` file. */
export const enrolFace = operation({
  name: 'face.enrol',
  msgId: '1029',
  via: 'form',
  section: '3.7',
  request: z.object(enrolFields()),
  files: { img: 'one' } as const,
  answer: z.object({ img_id: z.string() }),
});

/** §3.27: the same with the picture in JSON as base64. */
export const enrolFaceB64 = operation({
  name: 'face.enrolB64',
  msgId: '1051',
  via: 'json',
  section: '3.27',
  request: z.object({ ...enrolFields(), img: b64Image() }),
  answer: z.object({ img_id: z.string() }),
});

export const deleteFace = operation({
  name: 'face.delete',
  msgId: '1031',
  via: 'json',
  section: '3.8',
  request: z.object({ img_id: z.string().min(1), lib_id: int() }),
  answer: empty(),
});

/** §3.9: fields left out keep their value. */
export const updateFace = operation({
  name: 'face.update',
  msgId: '1033',
  via: 'json',
  section: '3.9',
  request: z.object({ img_id: z.string().min(1), lib_id: int(), ...personFields() }),
  answer: z.object({ img_id: z.string(), lib_id: z.number().int() }),
});

export const EXACT_FACE_FIELDS = ['person_idcard', 'person_name', 'person_age', 'person_gender', 'person_addr', 'create_time'] as const;

/**
 * §3.10: exact fields or fuzzy_key, never both (the device refuses it: -3596).
 * fuzzy_key matches name, gender ("0"/"1" only), age, id number or address.
 */
export const queryFaces = operation({
  name: 'face.query',
  msgId: '1035',
  via: 'json',
  section: '3.10',
  request: z
    .object({
      lib_id: int(),
      start_no: startNo(),
      qry_len: qryLen(),
      ...personFields(),
      // A device time, matched exactly; "" (the console's empty field) is no filter.
      create_time: z.union([time(), z.literal('')]).optional(),
      fuzzy_key: fuzzyKey().optional(),
    })
    .refine(
      (r) => !(r.fuzzy_key && EXACT_FACE_FIELDS.some((f) => r[f] !== undefined && r[f] !== '')),
      'fuzzy_key excludes the exact fields',
    ),
  answer: page(faceRecord()),
});

/** §3.11: a page of a library as a zip (qry_len up to 500). */
export const exportFacesPage = operation({
  name: 'face.exportPage',
  msgId: '1038',
  via: 'json',
  section: '3.11',
  request: z.object({ lib_id: int(), start_no: startNo(), qry_len: exportLen() }),
  answer: exportAnswer(),
});

export const exportFacesChosen = operation({
  name: 'face.exportChosen',
  msgId: '1041',
  via: 'json',
  section: '3.12',
  request: z.object({ lib_id: int(), img_ids: idList() }),
  answer: choiceExportAnswer(),
});

/**
 * §3.19: files img_1, img_2 … named name_imgid_idcard_gender_age_addr ('#' for
 * empty). The answer names a CSV report of every file's outcome.
 */
export const enrolBatch = operation({
  name: 'face.enrolBatch',
  msgId: '1030',
  via: 'form',
  section: '3.19',
  request: z.object({ lib_id: int(), uuid: z.string().min(1) }),
  files: { img_: 'many' } as const,
  answer: z.object({ url: z.string(), err_count: z.number().int() }),
});

export const enrolBatchB64 = operation({
  name: 'face.enrolBatchB64',
  msgId: '1052',
  via: 'json',
  section: '3.28',
  request: z.object({ lib_id: int(), uuid: z.string().min(1), imgs: z.array(b64Image()).min(1) }),
  answer: z.object({ url: z.string(), err_count: z.number().int() }),
});

export const deleteFaces = operation({
  name: 'face.deleteMany',
  msgId: '1044',
  via: 'json',
  section: '3.20',
  request: z.object({ img_ids: idList(), lib_id: int() }),
  answer: empty(),
});
