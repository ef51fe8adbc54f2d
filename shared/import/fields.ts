/**
 * Turning a tracker's values into the board's, with a warning (and the row)
 * wherever something is dropped, cut or guessed. The tables are the visible,
 * editable defaults that docs/import-export.md lists.
 */
import { MAX_DESCRIPTION_LENGTH, MAX_LABEL_LENGTH, MAX_TITLE_LENGTH, type Estimate, type ItemKind, type ItemStatus, type Priority } from '../schema.js';
import type { ImportIssue } from './types.js';

/** Characters a one-line text may not hold (schema.ts): control characters and the bidi embeddings and overrides. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const NOT_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]+/g;

export class Warnings {
  readonly list: ImportIssue[] = [];
  add(row: number | null, message: string): void {
    this.list.push({ row, message });
  }
}

/** A title on one line, at most MAX_TITLE_LENGTH characters; null (with a warning) when nothing is left. */
export function cleanTitle(raw: string, row: number, warnings: Warnings): string | null {
  const title = raw.replace(NOT_IN_A_LINE, ' ').replace(/\s+/g, ' ').trim();
  if (title === '') {
    warnings.add(row, 'no title: row skipped');
    return null;
  }
  if (title.length > MAX_TITLE_LENGTH) {
    warnings.add(row, `title is ${title.length} characters long: cut to ${MAX_TITLE_LENGTH}`);
    return title.slice(0, MAX_TITLE_LENGTH).trimEnd();
  }
  return title;
}

export function cleanDescription(raw: string, row: number, warnings: Warnings): string {
  const text = raw.replace(/\r\n?/g, '\n').replace(/[\u202a-\u202e]/g, '').trim();
  if (text.length <= MAX_DESCRIPTION_LENGTH) return text;
  warnings.add(row, `description is ${text.length} characters long: cut to ${MAX_DESCRIPTION_LENGTH}`);
  return text.slice(0, MAX_DESCRIPTION_LENGTH);
}

/** Labels on one line each, trimmed, at most MAX_LABEL_LENGTH characters, none twice. */
export function cleanLabels(raw: readonly string[], row: number, warnings: Warnings): string[] {
  const labels = new Set<string>();
  for (const value of raw) {
    const label = value.replace(NOT_IN_A_LINE, ' ').replace(/\s+/g, ' ').trim();
    if (label === '') continue;
    if (label.length > MAX_LABEL_LENGTH) warnings.add(row, `label "${label.slice(0, 20)}…" is ${label.length} characters long: cut to ${MAX_LABEL_LENGTH}`);
    labels.add(label.slice(0, MAX_LABEL_LENGTH).trimEnd());
  }
  return [...labels];
}

/** Story points: a number of 0 or more ("3", "0.5", "4.0", "4,0" from a comma-decimal locale). Blank is no estimate. */
export function parseEstimate(raw: string | number | null | undefined, row: number, warnings: Warnings): Estimate | null | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  const text = raw.trim();
  if (text === '') return null;
  const value = Number(text.replace(/^(\d+),(\d+)$/, '$1.$2'));
  if (Number.isFinite(value) && value >= 0) return value;
  warnings.add(row, `estimate ${JSON.stringify(text.slice(0, 30))} is not a number of points: left out`);
  return undefined;
}

/** Issue types to kinds; anything else is a story, with a warning. */
export const KIND_BY_TYPE: Record<string, ItemKind> = {
  epic: 'epic',
  initiative: 'theme',
  theme: 'theme',
  story: 'story',
  'user story': 'story',
  feature: 'story',
  'new feature': 'story',
  requirement: 'story',
  bug: 'bug',
  defect: 'bug',
  task: 'task',
  'sub-task': 'task',
  subtask: 'task',
  chore: 'task',
  spike: 'spike',
  'technical debt': 'tech-debt',
  'tech debt': 'tech-debt',
  'tech-debt': 'tech-debt',
  improvement: 'enhancement',
  enhancement: 'enhancement',
  research: 'research',
  compliance: 'compliance',
};

export function mapKind(raw: string | undefined, row: number, warnings: Warnings): ItemKind | undefined {
  const type = raw?.trim().toLowerCase();
  if (!type) return undefined;
  const kind = KIND_BY_TYPE[type];
  if (kind === undefined) warnings.add(row, `issue type ${JSON.stringify(raw)} is not known here: imported as a story`);
  return kind ?? 'story';
}

/** Workflow states to refinement statuses: tracker status names first, then Jira's status category. */
export const STATUS_BY_NAME: Record<string, ItemStatus> = {
  open: 'new',
  new: 'new',
  backlog: 'new',
  triage: 'new',
  'to do': 'new',
  todo: 'new',
  reopened: 'new',
  'selected for development': 'ready',
  ready: 'ready',
  'ready for development': 'ready',
  'in refinement': 'refining',
  refining: 'refining',
  'needs info': 'needs-info',
  'needs information': 'needs-info',
  'waiting for customer': 'needs-info',
  'on hold': 'needs-info',
  blocked: 'needs-info',
  'in progress': 'in-progress',
  started: 'in-progress',
  'in review': 'in-progress',
  'in qa': 'in-progress',
  'code review': 'in-progress',
  'patch available': 'in-progress',
  done: 'done',
  closed: 'done',
  resolved: 'done',
  completed: 'done',
  canceled: 'done',
  cancelled: 'done',
  "won't do": 'done',
  duplicate: 'done',
};

export function mapStatus(raw: string | undefined, category: string | undefined, row: number, warnings: Warnings): ItemStatus | undefined {
  const name = raw?.trim().toLowerCase();
  if (!name) return undefined;
  const status = STATUS_BY_NAME[name] ?? STATUS_BY_NAME[category?.trim().toLowerCase() ?? ''];
  if (status === undefined) warnings.add(row, `status ${JSON.stringify(raw)} is not known here: imported as new`);
  return status ?? 'new';
}

/** Tracker priorities to MoSCoW. "No priority" and blanks leave the item unprioritised. */
export const PRIORITY_BY_NAME: Record<string, Priority | null> = {
  blocker: 'must',
  highest: 'must',
  critical: 'must',
  urgent: 'must',
  high: 'should',
  major: 'should',
  medium: 'could',
  normal: 'could',
  low: 'wont',
  lowest: 'wont',
  minor: 'wont',
  trivial: 'wont',
  'no priority': null,
  none: null,
  must: 'must',
  should: 'should',
  could: 'could',
  wont: 'wont',
  "won't": 'wont',
};

/**
 * Tracker priorities to MoSCoW through the default table (PRIORITY_BY_NAME) with the person's choices
 * over it; remembers every value met, as written, and what it became, for the preview to show and edit.
 */
export class PriorityMapper {
  readonly seen = new Map<string, Priority | null>();

  constructor(private readonly chosen: Record<string, Priority | null> = {}) {}

  map(raw: string | undefined, row: number, warnings: Warnings): Priority | null | undefined {
    const name = raw?.trim();
    if (!name) return undefined;
    const key = name.toLowerCase();
    let mapped: Priority | null;
    if (Object.hasOwn(this.chosen, key)) mapped = this.chosen[key]!;
    else if (Object.hasOwn(PRIORITY_BY_NAME, key)) mapped = PRIORITY_BY_NAME[key]!;
    else {
      warnings.add(row, `priority ${JSON.stringify(raw)} is not known here: left unprioritised`);
      mapped = null;
    }
    if (!this.seen.has(name)) this.seen.set(name, mapped);
    return mapped;
  }
}
