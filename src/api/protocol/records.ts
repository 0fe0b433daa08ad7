import { z } from 'zod';
import { bodyAttr, faceAttr } from './attributes';
import { choiceExportAnswer, empty, exportAnswer, exportLen, idList, int, intList, libType, page, qryLen, startNo, time } from './schema';
import { operation } from './operation';

/**
 * §3.13: a face snapshot. Like the reference's example (similarity 32 under a
 * threshold of 100), a snapshot carries its best candidate even below the
 * threshold. Where no library was compared we answer lib_id 0, lib_name "",
 * lib_type 0, ranking 0 and similarity -1 (the push's "no match" value, §9.2).
 */
export const snapshotRecord = () =>
  z.object({
    camera_name: z.string(),
    channel: z.number().int(),
    lib_id: z.number().int(),
    lib_name: z.string(),
    lib_type: z.number().int(),
    position: z.string(),
    ranking: z.number().int(),
    similarity: z.number().int(),
    snap_id: z.string(),
    snap_path: z.string(),
    threshold: z.number().int(),
    trigger: z.string(),
    face_attr: faceAttr(),
  });
export type SnapshotRecord = z.infer<ReturnType<typeof snapshotRecord>>;

/** §3.16: an alarm: the snapshot plus the matched library face and its person. */
export const alarmRecord = () =>
  snapshotRecord().extend({
    create_time: z.string(),
    img_id: z.string(),
    img_path: z.string(),
    person_addr: z.string(),
    person_age: z.string(),
    person_gender: z.string(),
    person_idcard: z.string(),
    person_name: z.string(),
  });
export type AlarmRecord = z.infer<ReturnType<typeof alarmRecord>>;

/** §3.22: a body snapshot. */
export const bodyRecord = () =>
  z.object({
    camera_name: z.string(),
    channel: z.number().int(),
    position: z.string(),
    quality: z.number().int(),
    snap_id: z.string(),
    snap_path: z.string(),
    trigger: z.string(),
    body_attr: bodyAttr(),
  });
export type BodyRecord = z.infer<ReturnType<typeof bodyRecord>>;

/** The channel range depends on the model; the handler checks it (-3596). */
const timeFilter = () => ({
  channel: int().optional(),
  start_time: time().optional(),
  stop_time: time().optional(),
});
const libFilter = () => ({ lib_name: z.string().optional(), lib_type: libType().optional() });

/** §3.13: newest first (our reading of "sorted by capture time"). */
export const querySnapshots = operation({
  name: 'snapshot.query',
  msgId: '1037',
  via: 'json',
  section: '3.13',
  request: z.object({ ...timeFilter(), ...libFilter(), start_no: startNo(), qry_len: qryLen() }),
  answer: page(snapshotRecord()),
});

export const exportSnapshotsPage = operation({
  name: 'snapshot.exportPage',
  msgId: '1040',
  via: 'json',
  section: '3.14',
  request: z.object({ ...timeFilter(), ...libFilter(), start_no: startNo(), qry_len: exportLen() }),
  answer: exportAnswer(),
});

export const exportSnapshotsChosen = operation({
  name: 'snapshot.exportChosen',
  msgId: '1043',
  via: 'json',
  section: '3.15',
  request: z.object({ snap_ids: idList() }),
  answer: choiceExportAnswer(),
});

export const queryAlarms = operation({
  name: 'alarm.query',
  msgId: '1036',
  via: 'json',
  section: '3.16',
  request: z.object({
    ...timeFilter(),
    ...libFilter(),
    lib_ids: intList().optional(),
    start_no: startNo(),
    qry_len: qryLen(),
  }),
  answer: page(alarmRecord()),
});

/** §3.17: lib_ids is required here. */
export const exportAlarmsPage = operation({
  name: 'alarm.exportPage',
  msgId: '1039',
  via: 'json',
  section: '3.17',
  request: z.object({
    ...timeFilter(),
    ...libFilter(),
    lib_ids: intList().refine((s) => s !== '', 'at least one library'),
    start_no: startNo(),
    qry_len: exportLen(),
  }),
  answer: exportAnswer(),
});

export const exportAlarmsChosen = operation({
  name: 'alarm.exportChosen',
  msgId: '1042',
  via: 'json',
  section: '3.18',
  request: z.object({ snap_ids: idList() }),
  answer: choiceExportAnswer(),
});

/** §3.21: deletes every snapshot record (faces, alarms and bodies). */
export const deleteAllSnapshots = operation({
  name: 'snapshot.deleteAll',
  msgId: '1045',
  via: 'json',
  section: '3.21',
  request: z.object({}),
  answer: empty(),
});

export const queryBodies = operation({
  name: 'body.query',
  msgId: '1046',
  via: 'json',
  section: '3.22',
  request: z.object({ ...timeFilter(), start_no: startNo(), qry_len: qryLen() }),
  answer: page(bodyRecord()),
});

export const exportBodiesPage = operation({
  name: 'body.exportPage',
  msgId: '1048',
  via: 'json',
  section: '3.23',
  request: z.object({ ...timeFilter(), start_no: startNo(), qry_len: exportLen() }),
  answer: exportAnswer(),
});

export const exportBodiesChosen = operation({
  name: 'body.exportChosen',
  msgId: '1047',
  via: 'json',
  section: '3.24',
  request: z.object({ snap_ids: idList() }),
  answer: choiceExportAnswer(),
});
