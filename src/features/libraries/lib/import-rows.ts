// The rows of a batch import, before and after sending. A row is a picked file
// and the person its name describes (§3.19: name_imgid_idcard_gender_age_addr,
// '#' for empty). The user may edit a row; the file is then sent under a name
// rebuilt from the row, so the device reads what the user sees. Every verdict
// comes from the shared parser (src/api/protocol/batch-names.ts) run on that
// rebuilt name: the console and the device judge a row the same way.
import { parseBatchName, type BatchNameProblem } from '../../../api/protocol/batch-names';
import { IMAGE_EXTENSIONS } from '../../../api/protocol/limits';

export interface PersonFields {
  person_name: string;
  /** '' lets the device assign one (§3.7 note 2). */
  img_id: string;
  person_idcard: string;
  person_gender: string;
  person_age: string;
  person_addr: string;
}

export const FIELD_ORDER: readonly (keyof PersonFields)[] = [
  'person_name',
  'img_id',
  'person_idcard',
  'person_gender',
  'person_age',
  'person_addr',
];

export const EMPTY_FIELDS: PersonFields = {
  person_name: '',
  img_id: '',
  person_idcard: '',
  person_gender: '',
  person_age: '',
  person_addr: '',
};

export interface ImportRow {
  key: number;
  file: File;
  /** Where it came from: the folder path of a folder pick, else the file name. */
  source: string;
  /** Lower case, without the dot ('' when the name has none). */
  ext: string;
  fields: PersonFields;
  /** The original name did not split into the six fields: the user must look at the row. */
  unreadName: boolean;
  dropped: boolean;
}

/**
 * What keeps a row from being sent. The parser's own problems, plus what only a
 * batch knows (the same img_id twice) and what a name cannot carry (a field
 * with '_' or a path separator would split the name differently).
 */
export type RowProblem = BatchNameProblem | 'duplicate' | 'separator';

const SEPARATOR = /[_/\\]/;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function isImageExtension(ext: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(ext);
}

/** The name the file is sent under: the fields in order, '#' for an empty one. */
export function sentName(fields: PersonFields, ext: string): string {
  const stem = FIELD_ORDER.map((k) => (fields[k] === '' ? '#' : fields[k])).join('_');
  return `${stem}.${ext}`;
}

/**
 * The fields a file name describes. When the shared parser reads it, its
 * fields; when it refuses a value (a gender "2", an age "0", a bad img_id) the
 * six parts are still taken as they stand so the user sees and fixes the value
 * in place; a name that does not split into six parts starts empty.
 */
export function fieldsFromName(fileName: string): { fields: PersonFields; unreadName: boolean } {
  const parsed = parseBatchName(fileName);
  if (parsed.ok) {
    const { ext: _ext, ...fields } = parsed.fields;
    return { fields, unreadName: false };
  }
  if (parsed.problem === 'fields' || parsed.problem === 'extension') {
    return { fields: { ...EMPTY_FIELDS }, unreadName: parsed.problem === 'fields' };
  }
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const stem = base.slice(0, base.lastIndexOf('.'));
  const parts = stem.split('_').map((p) => (p === '#' ? '' : p));
  const fields = { ...EMPTY_FIELDS };
  FIELD_ORDER.forEach((k, i) => {
    fields[k] = parts[i] ?? '';
  });
  return { fields, unreadName: false };
}

export function rowFromFile(file: File, key: number): ImportRow {
  const source = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
  const ext = extensionOf(file.name);
  // A file of another type keeps its name's fields (if any) for the report; it is never sent.
  const { fields, unreadName } = isImageExtension(ext) ? fieldsFromName(file.name) : { fields: { ...EMPTY_FIELDS }, unreadName: false };
  return { key, file, source, ext, fields, unreadName, dropped: false };
}

/** The problems of one row, duplicates aside (they need the whole batch). */
export function ownProblems(row: Pick<ImportRow, 'ext' | 'fields' | 'unreadName'>): RowProblem[] {
  if (!isImageExtension(row.ext)) return ['extension'];
  const problems: RowProblem[] = [];
  if (row.unreadName) problems.push('fields');
  if (FIELD_ORDER.some((k) => SEPARATOR.test(row.fields[k]))) {
    problems.push('separator');
    return problems;
  }
  const verdict = parseBatchName(sentName(row.fields, row.ext));
  if (!verdict.ok && !problems.includes(verdict.problem)) problems.push(verdict.problem);
  return problems;
}

/** img_ids given to more than one kept row (an empty img_id is the device's to assign, never a duplicate). */
export function duplicateIds(rows: readonly ImportRow[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const r of rows) {
    if (r.dropped || r.fields.img_id === '') continue;
    if (seen.has(r.fields.img_id)) dup.add(r.fields.img_id);
    else seen.add(r.fields.img_id);
  }
  return dup;
}

/** Every row's problems, keyed by row key, in one pass over the batch. */
export function batchProblems(rows: readonly ImportRow[]): Map<number, RowProblem[]> {
  const dup = duplicateIds(rows);
  const out = new Map<number, RowProblem[]>();
  for (const r of rows) {
    const p = ownProblems(r);
    if (!r.dropped && r.fields.img_id !== '' && dup.has(r.fields.img_id)) p.push('duplicate');
    if (p.length > 0) out.set(r.key, p);
  }
  return out;
}
