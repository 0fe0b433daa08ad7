// What the user downloads around a batch import: the per-file results (CSV,
// formula-safe) and a template that explains the file-name convention (§3.19).
import { errorText } from '../../../api/protocol/errors';
import { AGE_MAX, AGE_MIN, IMAGE_EXTENSIONS, IMG_ID_MAX } from '../../../api/protocol/limits';
import type { Lang } from '../../../i18n';
import { toCsv } from '../../../api/protocol/csv';
import { sentName, type ImportRow, type RowProblem } from './import-rows';
import type { ItemOutcome } from './import-runner';

export type ResultStatus =
  | ItemOutcome
  | { kind: 'pending' }
  | { kind: 'sending' }
  | { kind: 'skipped' }
  | { kind: 'cancelled' }
  | { kind: 'edited' };

/** The device's own words for a code, in the user's language. */
export function reasonText(code: number | null, deviceReason: string, lang: Lang): string {
  if (code === null) return deviceReason;
  const known = errorText(code);
  return lang === 'zh-CN' ? known.zhCN : known.en;
}

export interface ResultWords {
  result: (kind: ResultStatus['kind'] | 'dropped' | 'new') => string;
  problem: (p: RowProblem) => string;
  unknown: (why: 'network' | 'report') => string;
}

export const RESULT_HEADER = ['file', 'sent_as', 'result', 'code', 'reason', 'img_id'] as const;

/** Another target node's outcomes (fleet mode): three columns each, after the node's own. */
export interface NodeResults {
  /** The node's id: the columns are result@<id>, code@<id>, reason@<id>. */
  node: string;
  status: Readonly<Record<number, ResultStatus>>;
  /** The node took nothing (no library, skipped or not created): said on every row. */
  none?: string;
}

function nodeCells(st: ResultStatus | undefined, words: ResultWords, lang: Lang): (string | number)[] {
  if (!st) return [words.result('new'), '', ''];
  if (st.kind === 'stored') return [words.result('stored'), 0, ''];
  if (st.kind === 'refused') return [words.result('refused'), st.code ?? '', reasonText(st.code, st.reason, lang)];
  if (st.kind === 'unknown') return [words.result('unknown'), '', words.unknown(st.why)];
  return [words.result(st.kind), '', ''];
}

/** One line per row, in the order the user picked them; with other target nodes, their outcomes beside. */
export function resultsCsv(
  rows: readonly ImportRow[],
  status: Readonly<Record<number, ResultStatus>>,
  problems: ReadonlyMap<number, readonly RowProblem[]>,
  words: ResultWords,
  lang: Lang,
  nodes: readonly NodeResults[] = [],
): string {
  const own = rows.map((r) => {
    const st = status[r.key];
    // sent_as only for a file the device was given: a row never sent was sent as nothing.
    const name = sentName(r.fields, r.ext);
    const why = (problems.get(r.key) ?? []).map(words.problem).join('; ');
    if (r.dropped) return [r.source, '', words.result('dropped'), '', '', ''];
    if (!st) return [r.source, '', words.result('new'), '', why, r.fields.img_id];
    switch (st.kind) {
      case 'stored':
        return [r.source, name, words.result('stored'), 0, '', st.imgId];
      case 'refused':
        return [r.source, name, words.result('refused'), st.code ?? '', reasonText(st.code, st.reason, lang), r.fields.img_id];
      case 'unknown':
        return [r.source, name, words.result('unknown'), '', words.unknown(st.why), r.fields.img_id];
      case 'skipped':
        return [r.source, '', words.result('skipped'), '', why, r.fields.img_id];
      case 'cancelled':
      case 'edited':
        return [r.source, '', words.result(st.kind), '', why, r.fields.img_id];
      default:
        return [r.source, name, words.result(st.kind), '', '', r.fields.img_id];
    }
  });
  const lines = own.map((line, i) => {
    const r = rows[i]!;
    if (r.dropped) return line;
    return [
      ...line,
      ...nodes.flatMap((n) => (n.none !== undefined ? [words.result('skipped'), '', n.none] : nodeCells(n.status[r.key], words, lang))),
    ];
  });
  const header = [...RESULT_HEADER, ...nodes.flatMap((n) => [`result@${n.node}`, `code@${n.node}`, `reason@${n.node}`])];
  return toCsv(header, lines);
}

/** The naming convention, with examples, as a text file to keep beside the photos. */
export function namingTemplate(lang: Lang): string {
  const types = IMAGE_EXTENSIONS.join(', ');
  if (lang === 'zh-CN') {
    return [
      '人像库批量导入：图片文件命名规则（设备接口 §3.19）',
      '',
      '文件名格式：姓名_img_id_证件号_性别_年龄_地址.扩展名',
      '',
      '· 六个字段按上述顺序，用下划线 _ 分隔；某字段为空时填一个 #。',
      '· 字段内容本身不能含有下划线 _、斜杠 / 或反斜杠 \\。',
      `· img_id：图片唯一标识，最多 ${IMG_ID_MAX} 位，只能由字母、数字和短横线 - 组成，不可与设备上已有的重复；填 # 由设备自动分配。`,
      '· 性别：0 表示女性，1 表示男性，或 #。',
      `· 年龄：${AGE_MIN}~${AGE_MAX} 的整数，或 #。`,
      `· 扩展名：${types}（不区分大小写）。`,
      '· 每张图片应有一张清晰的正脸；设备检测不到人脸或质量过低时会拒绝该图片。',
      '',
      '示例：',
      'zhangsan_asdqwe12345_32011111_0_23_beijing.jpg',
      'lisi_abcdse0987_32011111_1_41_shanghai.jpg',
      '王五_#_#_1_#_#.png        （只有姓名和性别，img_id 由设备分配）',
      '',
      '可以选择整个文件夹导入；导入前控制台会逐个检查文件名，并允许修改或移除有问题的行。',
      '',
    ].join('\r\n');
  }
  return [
    'Face library batch import: how to name the picture files (device reference §3.19)',
    '',
    'File name: name_imgid_idcard_gender_age_address.extension',
    '',
    '- The six fields in this order, separated by an underscore _; write a single # for an empty field.',
    '- A field itself cannot contain an underscore _, a slash / or a backslash \\.',
    `- img_id: the picture's unique id, at most ${IMG_ID_MAX} letters, digits and hyphens (-), not already used on the device; # lets the device assign one.`,
    '- gender: 0 for female, 1 for male, or #.',
    `- age: a whole number from ${AGE_MIN} to ${AGE_MAX}, or #.`,
    `- extension: ${types} (any case).`,
    '- Each picture should show one clear, frontal face; the device refuses a picture where it finds no face or a poor one.',
    '',
    'Examples:',
    'zhangsan_asdqwe12345_32011111_0_23_beijing.jpg',
    'lisi_abcdse0987_32011111_1_41_shanghai.jpg',
    'Wang Wu_#_#_1_#_#.png        (only a name and a gender; the device assigns the img_id)',
    '',
    'You may pick a whole folder. Before anything is sent the console checks every name and lets you fix or drop the rows with problems.',
    '',
  ].join('\r\n');
}

/** Saves text as a file through the browser (a Blob URL). */
export function saveText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
