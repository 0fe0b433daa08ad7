import yazl from 'yazl';
import type { EmulatorContext } from '../context';
import { toCsv } from './csv';

export interface ExportEntry {
  /** Name inside the zip. */
  name: string;
  data: Buffer;
}

export function zipBuffer(entries: readonly ExportEntry[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    // JPEGs hardly shrink: stored as they are, the zip is made several times faster.
    for (const e of entries) zip.addBuffer(e.data, e.name, { compress: !/\.jpe?g$/i.test(e.name) });
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

let counter = 0;

/**
 * Writes an export as the device does: a zip under tmp/ named
 * <prefix>_yyyy-MM-dd-HH-mm-ss.zip (§3.11), holding the pictures and a CSV of
 * their attributes. Two exports in one second get a suffix so neither is lost.
 */
export async function writeExport(
  ctx: EmulatorContext,
  prefix: 'face' | 'catch' | 'alarm' | 'body',
  pictures: readonly ExportEntry[],
  csv: { header: readonly string[]; rows: readonly (readonly unknown[])[] },
): Promise<string> {
  const entries = [...pictures, { name: `${prefix}.csv`, data: Buffer.from(toCsv(csv.header, csv.rows), 'utf8') }];
  const data = await zipBuffer(entries);
  let url = `tmp/${prefix}_${ctx.clock.stamp()}.zip`;
  if (ctx.files.read(url)) url = `tmp/${prefix}_${ctx.clock.stamp()}-${++counter}.zip`;
  ctx.files.write(url, data);
  return url;
}
