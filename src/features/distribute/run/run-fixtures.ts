// Test data for the run's tests: a source person, a library, a target's jobs.
import type { PersonAttrs } from '../model/ledger';

export const person = (id: string): PersonAttrs => ({
  img_id: id,
  person_name: id,
  person_idcard: '',
  person_gender: '1',
  person_age: '',
  person_addr: '',
});
export const lib = { lib_id: 1, lib_name: 'L', lib_type: 1, picture_no: 0, create_time: '', update_time: '' };
export const jobs = (ids: string[]) => ids.map((imgId, seq) => ({ imgId, kind: 'enrol' as const, seq }));
/** The source node's answer to a face read (1048): the person with its picture. */
export const sourceFace = (id: string, libId = 1, img = 'AAAA') => ({
  ...person(id),
  img,
  img_feat: '',
  img_path: '',
  lib_id: libId,
  create_time: '',
});
