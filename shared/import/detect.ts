/**
 * Which format a file is in, from its content (and its name where given).
 * The person can override the answer in the preview.
 *
 * Signatures, by header names (case-insensitive), from the trackers' real exports (docs/import-export.md):
 *   Jira CSV    Summary, and Issue key or Issue id
 *   Linear CSV  Title, Status and Team, and one of Cycle Number, Project Milestone, Parent issue, Triaged, SLA Status
 *   JSON        this board's export (`"format": "refinement-board"`), else GitHub issues (REST or `gh --json`)
 *   CSV         any other header of two or more columns, the same number in the next records
 *   text        everything else: one item per line or bullet
 */
import type { ImportFormat } from './types.js';

const DELIMITERS = [',', ';', '\t', '|'];
const LINEAR_MARKS = ['cycle number', 'project milestone', 'parent issue', 'triaged', 'sla status'];

export function detectFormat(text: string, fileName?: string): ImportFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (body.startsWith('{') || body.startsWith('[') || extension === 'json') {
    return /"format"\s*:\s*"refinement-board"/.test(body.slice(0, 2000)) ? 'board-json' : 'github-json';
  }
  if (extension === 'md' || extension === 'markdown') return 'text';
  const header = headerCells(body);
  if (header.length >= 2) {
    const names = new Set(header.map((name) => name.trim().toLowerCase()));
    if (names.has('summary') && (names.has('issue key') || names.has('issue id'))) return 'jira-csv';
    if (names.has('title') && names.has('status') && names.has('team') && LINEAR_MARKS.some((mark) => names.has(mark))) return 'linear-csv';
    if (extension === 'csv' || extension === 'tsv' || looksTabular(body, header.length)) return 'csv';
  }
  return 'text';
}

/** The first line's cells, split on the delimiter that occurs most often outside quotes. */
function headerCells(body: string): string[] {
  const line = firstRecord(body);
  let best = { delimiter: ',', count: 0 };
  for (const delimiter of DELIMITERS) {
    const count = splitOutsideQuotes(line, delimiter).length - 1;
    if (count > best.count) best = { delimiter, count };
  }
  return best.count === 0 ? [line] : splitOutsideQuotes(line, best.delimiter);
}

/** The first line, or more if a quoted cell spans lines. */
function firstRecord(body: string): string {
  let quoted = false;
  for (let index = 0; index < body.length && index < 100_000; index++) {
    const char = body[index];
    if (char === '"') quoted = !quoted;
    else if ((char === '\n' || char === '\r') && !quoted) return body.slice(0, index);
  }
  return body.slice(0, 100_000);
}

function splitOutsideQuotes(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let quoted = false;
  let cell = '';
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
      continue;
    }
    cell += char;
  }
  cells.push(cell);
  return cells.map((value) => value.replace(/^"|"$/g, ''));
}

/**
 * A table, not prose that happens to hold commas: the header's cells are short names (no sentences), and
 * most of the next lines split into as many cells as the header.
 */
function looksTabular(body: string, columns: number): boolean {
  const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 21);
  if (lines.length < 2 || columns < 2) return false;
  const header = headerCells(body);
  if (!header.every((name) => name.trim().length <= 40 && !/[.!?]$/.test(name.trim()))) return false;
  const delimiter = DELIMITERS.find((candidate) => splitOutsideQuotes(lines[0]!, candidate).length === columns) ?? ',';
  const same = lines.slice(1).filter((line) => splitOutsideQuotes(line, delimiter).length === columns).length;
  return same >= (lines.length - 1) * 0.6;
}
