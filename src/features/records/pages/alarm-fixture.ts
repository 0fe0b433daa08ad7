// One alarm record (§3.17) as a device answers it, for the records pages' tests:
// the one-node page's and the search across nodes' start from the same record.
import type { AlarmRecord } from '../../../api/protocol/records';

export function alarmRecord(change: Partial<AlarmRecord> = {}): AlarmRecord {
  return {
    camera_name: 'Main entrance',
    channel: 1,
    lib_id: 7,
    lib_name: 'Blacklist',
    lib_type: 1,
    position: 'Front door',
    ranking: 1,
    similarity: 93,
    snap_id: 'snap-1',
    snap_path: 'record/snap-1.jpg',
    threshold: 88,
    trigger: '2024-05-01 18:20:00',
    face_attr: {
      st_age: 'st_adult',
      mustache_style: 'whiskers',
      respirator_color: 'color_type_none',
      glass_style: 'sunglasses',
      gender_code: 'male',
      st_expression: 'st_calm',
      cap_style: 'hat_style_type_none',
      st_age_value: '41.000000',
    },
    create_time: '2024-04-01 09:00:00',
    img_id: 'BL-0007',
    img_path: 'img/7_BL-0007.jpg',
    person_addr: '1 Raffles Place',
    person_age: '40',
    person_gender: '1',
    person_idcard: 'P12345678',
    person_name: 'James Smith',
    ...change,
  };
}
