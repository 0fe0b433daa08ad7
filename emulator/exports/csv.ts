/**
 * CSV that a spreadsheet cannot mistake for a formula: a cell starting with
 * = + - @ (or a tab / carriage return) gets a leading apostrophe (OWASP's
 * advice; a number, such as a negative error code, stays a number); cells with
 * commas, quotes or line breaks are quoted. UTF-8 with a BOM so Excel reads
 * Chinese names.
 */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  // A number cell ("-1100", an error code) is never a formula: keep it a number.
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
