/**
 * The board document's vocabulary: field names, allowed values and the
 * checks that guard every write. Reading is lenient (see snapshot.ts);
 * writing is strict, so that a bad argument throws before anything changes.
 */
import { checkScoreInputs, type ScoreInputs } from './prioritization/inputs.js';

export const SCHEMA_VERSION = 1;

export const ITEM_KINDS = [
  'story',
  'epic',
  'theme',
  'bug',
  'task',
  'spike',
  'tech-debt',
  'enhancement',
  'research',
  'compliance',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Where an item stands in refinement. `needs-info` means sent back for more information. */
export const ITEM_STATUSES = ['new', 'refining', 'needs-info', 'ready', 'in-progress', 'done'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** MoSCoW. */
export const PRIORITIES = ['must', 'should', 'could', 'wont'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A story-point number, or a card such as a T-shirt size ("M") or "?". */
export type Estimate = number | string;

export interface Criterion {
  id: string;
  text: string;
  done: boolean;
}

/** A criterion as given to a write: its id is kept when present, made when not. */
export interface CriterionInput {
  id?: string;
  text: string;
  done?: boolean;
}

/** The fields a person edits. */
export interface ItemFields {
  title: string;
  description: string;
  kind: ItemKind;
  status: ItemStatus;
  estimate: Estimate | null;
  priority: Priority | null;
  labels: string[];
  acceptanceCriteria: CriterionInput[];
  parent: string | null;
  archived: boolean;
  /** Prioritization inputs to change (shared/prioritization/inputs.ts); null clears one, others are left alone. */
  scoreInputs: Partial<ScoreInputs>;
}

/** Fields accepted by addItem only: who made the item. */
export interface CreationFields {
  createdBy: string | null;
}

export type NewItemFields = { title: string } & Partial<ItemFields> & Partial<CreationFields>;
export type ItemPatch = Partial<ItemFields>;

export const DEFAULT_KIND: ItemKind = 'story';
export const DEFAULT_STATUS: ItemStatus = 'new';

export const MAX_TITLE_LENGTH = 500;
export const MAX_DESCRIPTION_LENGTH = 100_000;
export const MAX_LABEL_LENGTH = 64;
export const MAX_ESTIMATE_LENGTH = 16;

const EDITABLE_FIELDS: ReadonlySet<string> = new Set<keyof ItemFields>([
  'title',
  'description',
  'kind',
  'status',
  'estimate',
  'priority',
  'labels',
  'acceptanceCriteria',
  'parent',
  'archived',
  'scoreInputs',
]);

function fail(message: string): never {
  throw new Error(message);
}

export function checkString(field: string, value: unknown, max: number): asserts value is string {
  if (typeof value !== 'string') fail(`${field} must be a string, got ${typeof value}`);
  if (value.length > max) fail(`${field} is ${value.length} characters long; the limit is ${max}`);
}

/**
 * What a one-line text (a title, a label, a name) may not hold: line breaks
 * and other control characters, and the bidi embeddings and overrides
 * U+202A to U+202E, which reorder the text after them (a file name
 * "gnp.exe" shown as "exe.png"). Right-to-left letters are fine.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/;

const NAMED: Record<string, string> = {
  '\n': 'a line break',
  '\r': 'a line break',
  '\t': 'a tab',
  '\u202a': 'U+202A (left-to-right embedding), which changes the direction of the text after it',
  '\u202b': 'U+202B (right-to-left embedding), which changes the direction of the text after it',
  '\u202c': 'U+202C (pop directional formatting), a direction control',
  '\u202d': 'U+202D (left-to-right override), which reorders the text after it',
  '\u202e': 'U+202E (right-to-left override), which reverses the text after it',
};

/** A string of at most `max` characters that fits on one line. */
export function checkLine(field: string, value: unknown, max: number): asserts value is string {
  checkString(field, value, max);
  const bad = NOT_IN_A_LINE.exec(value);
  if (bad) {
    const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    fail(`${field} contains ${NAMED[bad[0]] ?? `the control character ${code}`} at position ${bad.index + 1}`);
  }
}

function checkOneOf(field: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    fail(`${field} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  }
}

/** Whether a stored value reads as an estimate (lenient: any short text counts as a card). */
export function isEstimate(value: unknown): value is Estimate {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0;
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_ESTIMATE_LENGTH;
}

/**
 * The shape of an estimate a writer gives: points as a number (0 or more),
 * or a card as text. Which cards a board takes depends on its decks, so
 * items.ts checks that against the document (estimates.ts).
 */
function checkEstimateShape(value: unknown): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) fail(`estimate must be a number of points, 0 or more; got ${value}`);
    return;
  }
  if (typeof value !== 'string') fail(`estimate must be null, a number of points or a card such as "M"; got ${JSON.stringify(value)}`);
  if (value.trim() === '' || value.trim() !== value) fail(`estimate card ${JSON.stringify(value)} must not be blank or start or end with spaces`);
  checkLine('estimate', value, MAX_ESTIMATE_LENGTH);
}

function checkCriteria(value: unknown): void {
  if (!Array.isArray(value)) fail('acceptanceCriteria must be an array');
  const seen = new Set<string>();
  value.forEach((criterion: unknown, index) => {
    if (typeof criterion !== 'object' || criterion === null) fail(`acceptanceCriteria[${index}] must be an object`);
    const { id, text, done } = criterion as Record<string, unknown>;
    if (id !== undefined) {
      if (typeof id !== 'string' || id.length === 0) fail(`acceptanceCriteria[${index}].id must be a non-empty string`);
      if (seen.has(id)) fail(`acceptanceCriteria[${index}].id ${id} appears twice`);
      seen.add(id);
    }
    checkString(`acceptanceCriteria[${index}].text`, text, MAX_DESCRIPTION_LENGTH);
    if (done !== undefined && typeof done !== 'boolean') fail(`acceptanceCriteria[${index}].done must be a boolean`);
  });
}

/**
 * Throws an Error naming the first bad field of a patch. `context` names the
 * item in the message. Checks values only; whether a parent exists is the
 * caller's business, since it needs the document.
 */
export function checkPatch(patch: unknown, context: string, allowed: ReadonlySet<string> = EDITABLE_FIELDS): void {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    fail(`${context}: the fields must be an object`);
  }
  for (const [field, value] of Object.entries(patch)) {
    if (!allowed.has(field)) fail(`${context}: unknown or read-only field ${JSON.stringify(field)}`);
    try {
      checkField(field as keyof ItemFields | keyof CreationFields, value);
    } catch (error) {
      fail(`${context}: ${(error as Error).message}`);
    }
  }
}

export const NEW_ITEM_FIELDS: ReadonlySet<string> = new Set([...EDITABLE_FIELDS, 'createdBy']);

function checkField(field: keyof ItemFields | keyof CreationFields, value: unknown): void {
  switch (field) {
    case 'title':
      return checkLine(field, value, MAX_TITLE_LENGTH);
    case 'description':
      return checkString(field, value, MAX_DESCRIPTION_LENGTH);
    case 'kind':
      return checkOneOf(field, value, ITEM_KINDS);
    case 'status':
      return checkOneOf(field, value, ITEM_STATUSES);
    case 'priority':
      if (value !== null) checkOneOf(field, value, PRIORITIES);
      return;
    case 'estimate':
      if (value !== null) checkEstimateShape(value);
      return;
    case 'labels':
      if (!Array.isArray(value)) fail('labels must be an array of strings');
      for (const label of value) {
        checkLine('a label', label, MAX_LABEL_LENGTH);
        if ((label as string).trim().length === 0) fail('a label must not be blank');
      }
      return;
    case 'acceptanceCriteria':
      return checkCriteria(value);
    case 'parent':
      if (value !== null && (typeof value !== 'string' || value.length === 0)) {
        fail('parent must be null or an item id');
      }
      return;
    case 'archived':
      if (typeof value !== 'boolean') fail('archived must be a boolean');
      return;
    case 'scoreInputs':
      return checkScoreInputs(value);
    case 'createdBy':
      if (value !== null) checkLine(field, value, MAX_LABEL_LENGTH);
      return;
  }
}
