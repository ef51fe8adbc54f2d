/**
 * parseImport: text in, plan out, nothing written. Whatever is wrong with the
 * file as a whole (empty, binary, too large, a header without rows, quotes
 * that never close) is an error; whatever is wrong with one row is a warning
 * with its row, and the row is imported as well as it can be or skipped.
 */
import { readCsv, MAX_COLUMNS } from './csv.js';
import { detectFormat } from './detect.js';
import { PriorityMapper, Warnings } from './fields.js';
import { looksBinary } from './decode.js';
import { planJira } from './jira.js';
import { planGeneric } from './generic.js';
import { planBoardJson } from './board-json.js';
import { planLinear } from './linear.js';
import { planGithub } from './github.js';
import { planText } from './text.js';
import type { Priority } from '../schema.js';
import { IMPORT_FORMATS, type ColumnMapping, type ImportFormat, type ImportIssue, type ImportPlan, type PlannedItem } from './types.js';

/** Larger files are refused: a 10,000-issue Jira export with long descriptions is about 20 MB. */
export const MAX_IMPORT_CHARS = 32 * 1024 * 1024;
/** More rows than this are refused (Jira's own CSV importer stops at about 10,000 too). */
export const MAX_IMPORT_ROWS = 20_000;

export interface ParseOptions {
  format?: ImportFormat;
  mapping?: ColumnMapping;
  /** Priority values (lower case) to MoSCoW, over the default table (PRIORITY_BY_NAME). */
  priorities?: Record<string, Priority | null>;
  fileName?: string;
}

export function parseImport(text: string, options: ParseOptions = {}): ImportPlan {
  if (typeof text !== 'string') throw new Error(`parseImport: text must be a string, got ${typeof text}`);
  if (options.format !== undefined && !IMPORT_FORMATS.includes(options.format)) {
    throw new Error(`parseImport: format must be one of ${IMPORT_FORMATS.join(', ')}; got ${JSON.stringify(options.format)}`);
  }
  const body = text.replace(/^\uFEFF/, '');
  const format = options.format ?? detectFormat(body, options.fileName);
  const priorities = new PriorityMapper(options.priorities);
  const plan = (items: PlannedItem[], warnings: ImportIssue[], errors: ImportIssue[], columns: string[] = [], mapping: ColumnMapping = {}): ImportPlan => ({
    format,
    columns,
    mapping,
    items,
    warnings,
    errors: [...errors, ...(errors.length === 0 && items.length === 0 ? [{ row: null, message: 'nothing to import: no row has a title' }] : [])],
    priorities: Object.fromEntries(priorities.seen),
  });
  if (body.trim() === '') return plan([], [], [{ row: null, message: 'the file is empty' }]);
  if (body.length > MAX_IMPORT_CHARS) {
    return plan([], [], [{ row: null, message: `the file holds ${(body.length / 1024 / 1024).toFixed(1)} million characters; at most ${MAX_IMPORT_CHARS / 1024 / 1024} million are imported at once (split it)` }]);
  }
  if (looksBinary(body)) return plan([], [], [{ row: null, message: 'this is not a text file (it holds binary data): export CSV, JSON or plain text' }]);
  const warnings = new Warnings();
  switch (format) {
    case 'text':
      return limitRows(plan(planText(body, warnings), warnings.list, []));
    case 'jira-csv':
    case 'linear-csv':
    case 'csv': {
      const table = readCsv(body);
      const errors = table.errors.filter((issue) => isFatal(issue.message));
      warnings.list.push(...table.errors.filter((issue) => !isFatal(issue.message)));
      if (table.header.length > MAX_COLUMNS) errors.push({ row: 1, message: `the header has ${table.header.length} columns; a backlog export has far fewer (at most ${MAX_COLUMNS} are read)` });
      if (table.header.length > 0 && table.records.length === 0) errors.push({ row: null, message: 'the file has a header and no rows below it' });
      if (errors.length > 0) return plan([], warnings.list, errors, table.header);
      const planner = format === 'jira-csv' ? planJira : format === 'linear-csv' ? planLinear : planGeneric;
      const { mapping, items } = planner(table, options.mapping, warnings, priorities);
      if (mapping.title === undefined) errors.push({ row: 1, message: 'no column holds the titles: choose one for "title" in the mapping' });
      return limitRows(plan(items, warnings.list, errors, table.header, mapping));
    }
    case 'board-json':
    case 'github-json': {
      let data: unknown;
      try {
        data = JSON.parse(body);
      } catch (error) {
        return plan([], [], [{ row: null, message: `not valid JSON: ${(error as Error).message}` }]);
      }
      const { items, errors } = (format === 'board-json' ? planBoardJson : planGithub)(data, warnings);
      return limitRows(plan(items, warnings.list, errors));
    }
  }
}

/** Quotes that never close swallow the rest of the file: importing what is left would be wrong, so it stops the import. */
function isFatal(message: string): boolean {
  return message.startsWith('a quoted cell is never closed');
}

function limitRows(plan: ImportPlan): ImportPlan {
  if (plan.items.length <= MAX_IMPORT_ROWS) return plan;
  return { ...plan, errors: [...plan.errors, { row: null, message: `${plan.items.length} rows; at most ${MAX_IMPORT_ROWS} are imported at once (split the file)` }] };
}
