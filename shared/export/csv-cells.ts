/**
 * CSV cells that are safe to open in a spreadsheet. A cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula
 * (CSV injection: `=HYPERLINK(...)` in a title becomes a live link, or worse),
 * so it gets a leading apostrophe, the escape spreadsheets show as text.
 * The importer removes that apostrophe again (import/csv.ts).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}
