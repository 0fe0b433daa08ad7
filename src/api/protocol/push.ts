import { z } from 'zod';
import { bodyAttr, faceAttr } from './attributes';
import { empty } from './schema';
import { operation } from './operation';

export const getHttpPush = operation({
  name: 'push.httpTarget',
  msgId: '1299',
  via: 'json',
  section: '7.1',
  request: z.object({}),
  answer: z.object({ key: z.string(), url: z.string() }),
});

/** §7.2: both fields required; the example's url has no scheme ("google.com"), so we take that too. */
export const setHttpPush = operation({
  name: 'push.setHttpTarget',
  msgId: '1298',
  via: 'json',
  section: '7.2',
  request: z.object({ url: z.string(), key: z.string() }),
  answer: empty(),
});

export const getWsKey = operation({
  name: 'push.wsKey',
  msgId: '1286',
  via: 'json',
  section: '9.1',
  request: z.object({}),
  answer: z.object({ key: z.string() }),
});

/** §9.2: what a subscriber sends on ws://{ip}:{port}/ws/. */
export const wsSubscribe = () => z.object({ key: z.string(), msg_id: z.literal('776') });
/** The device's acknowledgement (or refusal, with a non-zero code). */
export const wsAck = () => z.object({ code: z.number().int(), msg: z.string() });

/**
 * §9.2: one capture. Pictures travel as data URLs ("data:image/jpeg;base64,…"),
 * which Appendix D's client splits on the first comma; img is -1 when there is
 * no library photo (no match), and similarity -1 then too.
 */
export const wsAlarmData = () =>
  z.object({
    camera_name: z.string(),
    device_id: z.string(),
    channel: z.number().int(),
    threshold: z.number().int(),
    img_id: z.string(),
    img: z.union([z.string(), z.literal(-1)]),
    img_path: z.string(),
    lib_id: z.number().int(),
    lib_name: z.string(),
    lib_type: z.number().int(),
    person_addr: z.string(),
    person_age: z.string(),
    person_gender: z.string(),
    person_idcard: z.string(),
    person_name: z.string(),
    position: z.string(),
    ranking: z.number().int(),
    similarity: z.number().int(),
    quality: z.number().int(),
    pos_top: z.number().int(),
    pos_bottom: z.number().int(),
    pos_left: z.number().int(),
    pos_right: z.number().int(),
    snap_id: z.string(),
    snap_buf: z.string(),
    snap_feat: z.string(),
    snap_path: z.string(),
    snap_frame: z.string(),
    /**
     * Not the device's: the console's server sets it on a slimmed push
     * (docs/fleet.md, server/slim-push.ts), snap_frame then "": where the scene is kept.
     */
    snap_frame_ref: z.string().optional(),
    trigger: z.string(),
    obj_label: z.union([z.literal(1), z.literal(2)]),
    face_attr: faceAttr().optional(),
    body_attr: bodyAttr().optional(),
  });
export type WsAlarmData = z.infer<ReturnType<typeof wsAlarmData>>;
export const wsAlarm = () => z.object({ code: z.number().int(), data: wsAlarmData(), msg: z.string(), msg_id: z.literal('777') });
export type WsAlarm = z.infer<ReturnType<typeof wsAlarm>>;

/**
 * §7.3 / §7.4: what the device POSTs to the HTTP push target. msg_id is a
 * number here (Appendix D's receiver compares it with 774 and 775).
 */
export const heartbeat = () => z.object({ msg_id: z.literal(775), data: z.object({ device_id: z.string(), trigger: z.string() }) });
export const httpAlarmData = () =>
  wsAlarmData()
    .omit({ img: true, snap_buf: true, snap_frame: true, snap_frame_ref: true, ranking: true })
    .extend({ ranking: z.number().int().optional() });
export const httpAlarm = () => z.object({ msg_id: z.literal(774), data: httpAlarmData() });
export type HttpAlarm = z.infer<ReturnType<typeof httpAlarm>>;
