import { Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import {
  AGE_MAX,
  AGE_MIN,
  IMG_ID_MAX,
  IMG_ID_PATTERN,
  PERSON_ADDR_MAX,
  PERSON_IDCARD_MAX,
  PERSON_NAME_MAX,
} from '../../../api/protocol/limits';
import { isValidAge } from '../lib/gallery-view';
import { useLibT } from '../messages';

/** The person fields of §3.7 / §3.9 as strings, as they travel. */
export interface PersonValues {
  person_name: string;
  person_idcard: string;
  person_gender: '' | '0' | '1';
  person_age: string;
  person_addr: string;
}

export const EMPTY_PERSON: PersonValues = { person_name: '', person_idcard: '', person_gender: '', person_age: '', person_addr: '' };

/** §3.7: letters, digits and '-', at most 48; empty lets the device assign one. */
export function useImgIdRules(): Rule[] {
  const t = useLibT();
  return [
    { max: IMG_ID_MAX, message: t('face.imgIdTooLong', { max: IMG_ID_MAX }) },
    { pattern: IMG_ID_PATTERN, message: t('face.imgIdChars') },
  ];
}

/**
 * Name, id number, gender (0 female / 1 male), age (1-120), address. With
 * `batchName`, a field may not hold '_' (it separates a batch file name's
 * fields, §3.19) nor a path separator.
 */
export function PersonFormItems({ batchName = false }: { batchName?: boolean }) {
  const t = useLibT();
  const noSeparator: Rule[] = batchName ? [{ pattern: /^[^_/\\]*$/, message: t('import.problem.separator') }] : [];
  // The emulator's limits for text the reference leaves open (protocol/limits.ts), checked before sending.
  const atMost = (max: number): Rule[] => [{ max, message: t('face.tooLong', { max }) }, ...noSeparator];
  return (
    <>
      <Form.Item name="person_name" label={t('face.name')} rules={atMost(PERSON_NAME_MAX)}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="person_idcard" label={t('face.idcard')} rules={atMost(PERSON_IDCARD_MAX)}>
        <Input autoComplete="off" />
      </Form.Item>
      <div className="lib-form-row">
        <Form.Item
          name="person_gender"
          label={t('face.gender')}
          rules={[
            {
              validator: (_r, v: string | undefined) =>
                !v || v === '0' || v === '1' ? Promise.resolve() : Promise.reject(new Error(t('import.problem.gender'))),
            },
          ]}
        >
          <Select
            options={[
              { value: '', label: t('gender.unset') },
              { value: '0', label: t('gender.0') },
              { value: '1', label: t('gender.1') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="person_age"
          label={t('face.age')}
          rules={[
            {
              validator: (_r, v: string | undefined) =>
                !v || isValidAge(v.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('face.ageRange', { min: AGE_MIN, max: AGE_MAX }))),
            },
          ]}
        >
          <Input inputMode="numeric" autoComplete="off" placeholder={`${AGE_MIN}-${AGE_MAX}`} />
        </Form.Item>
      </div>
      <Form.Item name="person_addr" label={t('face.addr')} rules={atMost(PERSON_ADDR_MAX)}>
        <Input autoComplete="off" />
      </Form.Item>
    </>
  );
}

/** Trimmed, with the age written the way the device expects ("07" → "7"). */
export function cleanPerson(v: Partial<PersonValues>): PersonValues {
  const age = (v.person_age ?? '').trim();
  return {
    person_name: (v.person_name ?? '').trim(),
    person_idcard: (v.person_idcard ?? '').trim(),
    person_gender: v.person_gender === '0' || v.person_gender === '1' ? v.person_gender : '',
    person_age: age === '' ? '' : String(Number(age)),
    person_addr: (v.person_addr ?? '').trim(),
  };
}
