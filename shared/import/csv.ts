/**
 * A CSV or TSV file as a table: its header (repeated names kept, since Jira
 * writes a multi-value field as several columns of one name) and its
 * records, each with the line it starts on. The dialect (comma, semicolon,
 * tab) is detected by PapaParse from the content.
 */
import Papa from 'papaparse';
import type { ImportIssue } from './types.js';

export interface CsvRecord {
  /** The line of the file the record starts on (1 is the header). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  delimiter: string;
  errors: ImportIssue[];
}

/** Past this many columns a file is not a backlog export; refusing it keeps a hostile file from costing much. */
export const MAX_COLUMNS = 1000;

export function readCsv(text: string): CsvTable {
  const rows: CsvRecord[] = [];
  const errors: ImportIssue[] = [];
  // PapaParse says where each record ends; its line is one more than the newlines before its first character.
  let line = 1;
  let start = 0;
  const result = Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (step) => {
      const end = step.meta.cursor;
      while (start < end && (text[start] === '\n' || text[start] === '\r')) if (text[start++] === '\n') line++;
      rows.push({ line, cells: step.data.map(unescapeFormula) });
      for (const error of step.errors) errors.push({ row: line, message: csvError(error) });
      line += countNewlines(text, start, end);
      start = end;
    },
  });
  const delimiter = result.meta.delimiter;
  const [first, ...records] = rows;
  if (first === undefined) return { header: [], records: [], delimiter, errors: [{ row: null, message: 'the file is empty' }, ...errors] };
  const header = first.cells.map((name) => name.trim());
  if (header.length > MAX_COLUMNS) errors.push({ row: 1, message: `the header has ${header.length} columns; at most ${MAX_COLUMNS} are read` });
  return { header, records, delimiter, errors };
}

/** The apostrophe our export (export/csv-cells.ts) and Linear's put before a cell a spreadsheet would take for a formula. */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function csvError(error: Papa.ParseError): string {
  switch (error.code) {
    case 'MissingQuotes':
      return 'a quoted cell is never closed (unbalanced quotes): everything after it would run together';
    case 'InvalidQuotes':
      return 'a cell has a quote in the wrong place';
    case 'UndetectableDelimiter':
      return 'the column separator could not be told (comma, semicolon or tab); read as comma-separated';
    case 'TooManyFields':
    case 'TooFewFields':
      return error.message;
    default:
      return error.message;
  }
}
