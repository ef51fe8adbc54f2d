/**
 * Writing collaborative text: an item's title and description and the text
 * of its acceptance criteria are Y.Text, edited character by character.
 * This is the one writer of that text: updateItem, splitItem and the
 * client's bound fields all come through here, so every write keeps the
 * same limits and stamps the item's `updatedAt`.
 */
import * as Y from 'yjs';
import { itemsMap, type ItemMap } from './board.js';
import { requireItem } from './ordering.js';
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH, checkLine, checkString } from './schema.js';

/** Which text of which item: its title or description, or one acceptance criterion (by the criterion's id). */
export type TextTarget = { item: string; field: 'title' | 'description' } | { item: string; criterion: string };

/** Where the text differs: remove `removed` characters at `start`, then insert `inserted` there. */
interface Splice {
  start: number;
  removed: number;
  inserted: string;
}

/** The smallest splice from `current` to `next`: common prefix first, then common suffix. */
function spliceAround(current: string, next: string): Splice {
  const max = Math.min(current.length, next.length);
  let start = 0;
  while (start < max && current[start] === next[start]) start++;
  let end = 0;
  while (end < max - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  return { start, removed: current.length - start - end, inserted: next.slice(start, next.length - end) };
}

/**
 * The smallest splice that ends at the caret. Typing "a" into "aa" is
 * ambiguous by content alone; the caret says which "a" is new, so that
 * someone else's edit next to it lands on the right side.
 */
function spliceAtCaret(current: string, next: string, caret: number): Splice {
  let suffix = 0;
  const maxSuffix = Math.min(current.length, next.length - caret);
  while (suffix < maxSuffix && current[current.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  let prefix = 0;
  const maxPrefix = Math.min(current.length - suffix, next.length - suffix);
  while (prefix < maxPrefix && current[prefix] === next[prefix]) prefix++;
  return { start: prefix, removed: current.length - prefix - suffix, inserted: next.slice(prefix, next.length - suffix) };
}

/**
 * Replaces a text's content with `next`, touching only the part that changed,
 * so that someone typing elsewhere in the same text keeps their characters.
 * `caret`, where the person's caret is in `next`, places an ambiguous edit.
 * Writes without checks: callers check first (editText, updateItem).
 */
export function replaceText(text: Y.Text, next: string, caret?: number): void {
  const current = text.toString();
  if (current === next) return;
  const inRange = caret !== undefined && Number.isInteger(caret) && caret >= 0 && caret <= next.length;
  const { start, removed, inserted } = inRange ? spliceAtCaret(current, next, caret) : spliceAround(current, next);
  const apply = () => {
    if (removed > 0) text.delete(start, removed);
    if (inserted.length > 0) text.insert(start, inserted);
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}

/** Sets a text field of an item map, making the Y.Text when another program stored a plain string or nothing. */
export function writeText(parent: Y.Map<unknown>, key: string, next: string, caret?: number): void {
  const existing = parent.get(key);
  if (existing instanceof Y.Text) replaceText(existing, next, caret);
  else parent.set(key, new Y.Text(next));
}

function criterionMap(item: ItemMap, criterionId: unknown): Y.Map<unknown> {
  if (typeof criterionId !== 'string') throw new Error(`a criterion id must be a string, got ${typeof criterionId}`);
  const list = item.get('acceptanceCriteria');
  const entries: unknown[] = list instanceof Y.Array ? list.toArray() : [];
  let entry = entries.find((c) => c instanceof Y.Map && c.get('id') === criterionId);
  // A criterion another program wrote without an id reads as "#<index>" (snapshot.ts).
  const byIndex = /^#(\d+)$/.exec(criterionId);
  if (entry === undefined && byIndex) {
    const candidate = entries[Number(byIndex[1])];
    if (candidate instanceof Y.Map && typeof candidate.get('id') !== 'string') entry = candidate;
  }
  if (!(entry instanceof Y.Map)) throw new Error(`the item has no criterion ${JSON.stringify(criterionId)}`);
  return entry;
}

/** The Y.Text a target points at, or null when none is stored there (yet: editText makes it) or the target is gone. */
export function textAt(doc: Y.Doc, target: TextTarget): Y.Text | null {
  const item = itemsMap(doc).get(target.item);
  if (item === undefined) return null;
  let value: unknown;
  if ('criterion' in target) {
    try {
      value = criterionMap(item, target.criterion).get('text');
    } catch {
      return null;
    }
  } else value = item.get(target.field);
  return value instanceof Y.Text ? value : null;
}

/** The limits of each kind of text; the same as updateItem's (schema.ts). */
function checkText(what: 'title' | 'description' | 'a criterion', next: unknown): void {
  if (what === 'title') checkLine('title', next, MAX_TITLE_LENGTH);
  else checkString(what, next, MAX_DESCRIPTION_LENGTH);
}

/**
 * Sets one text of an item to `next`, as the smallest change at `caret`
 * (see replaceText), and stamps the item's `updatedAt`, in one transaction.
 * A title must fit on one line and in 500 characters; a description or a
 * criterion in 100,000. A bad target or text throws an Error naming it, and
 * nothing is written.
 */
export function editText(doc: Y.Doc, target: TextTarget, next: string, caret?: number): void {
  const id = (target as { item?: unknown } | null)?.item;
  const item = requireItem(doc, id);
  const context = `editText ${JSON.stringify(id)}`;
  let parent: Y.Map<unknown> = item;
  let key: string;
  try {
    if ('criterion' in target) {
      parent = criterionMap(item, target.criterion);
      key = 'text';
      checkText('a criterion', next);
    } else if (target.field === 'title' || target.field === 'description') {
      key = target.field;
      checkText(target.field, next);
    } else {
      throw new Error(`the field must be title, description or a criterion; got ${JSON.stringify((target as { field?: unknown }).field)}`);
    }
  } catch (error) {
    throw new Error(`${context}: ${(error as Error).message}`, { cause: error });
  }
  doc.transact(() => {
    writeText(parent, key, next, caret);
    item.set('updatedAt', Date.now());
  });
}
