/**
 * Creating, editing and removing items. Every function checks all of its
 * arguments first and writes in one transaction afterwards, so a bad
 * argument throws an Error that names the problem and changes nothing.
 */
import * as Y from 'yjs';
import { itemsMap, stampSchema, type ItemMap } from './board.js';
import { newId } from './ids.js';
import { BOTTOM, checkPlace, gapIndex, requireItem, sortedEntries, writePlacement, type Place } from './ordering.js';
import { snapshotItem } from './snapshot.js';
import { checkEstimateCard } from './estimates.js';
import { writeText } from './text.js';
import { writeScoreInputs, type ScoreInputs } from './prioritization/inputs.js';
import {
  DEFAULT_KIND,
  DEFAULT_STATUS,
  NEW_ITEM_FIELDS,
  checkPatch,
  type CriterionInput,
  type ItemPatch,
  type NewItemFields,
} from './schema.js';

function setLabels(item: ItemMap, labels: readonly string[]): void {
  let map = item.get('labels');
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<boolean>();
    item.set('labels', map);
  }
  const labelMap = map as Y.Map<boolean>;
  const wanted = new Set(labels.map((label) => label.trim()));
  for (const label of [...labelMap.keys()]) if (!wanted.has(label)) labelMap.delete(label);
  for (const label of wanted) if (!labelMap.has(label)) labelMap.set(label, true);
}

function newCriterion(input: CriterionInput): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set('id', input.id ?? newId());
  entry.set('text', new Y.Text(input.text));
  entry.set('done', input.done ?? false);
  return entry;
}

/**
 * Makes the item's checklist equal `criteria`. Entries whose id is kept are
 * edited in place (so concurrent typing in them survives); the rest are
 * removed or inserted. If kept entries change their relative order the list
 * is rebuilt, since a Yjs array cannot move an element.
 */
function setCriteria(item: ItemMap, criteria: readonly CriterionInput[]): void {
  let list = item.get('acceptanceCriteria');
  if (!(list instanceof Y.Array)) {
    list = new Y.Array<Y.Map<unknown>>();
    item.set('acceptanceCriteria', list);
  }
  const array = list as Y.Array<unknown>;
  const idOf = (entry: unknown) => (entry instanceof Y.Map ? entry.get('id') : undefined);
  const wanted = new Set(criteria.map((c) => c.id).filter((id) => id !== undefined));
  for (let i = array.length - 1; i >= 0; i--) {
    const id = idOf(array.get(i));
    if (typeof id !== 'string' || !wanted.has(id)) array.delete(i, 1);
  }
  const keptOrder = array.toArray().map(idOf);
  const inputOrder = criteria.map((c) => c.id).filter((id) => keptOrder.includes(id));
  if (keptOrder.some((id, i) => id !== inputOrder[i])) {
    array.delete(0, array.length);
  }
  criteria.forEach((input, index) => {
    const existing = array.get(index);
    if (existing instanceof Y.Map && input.id !== undefined && existing.get('id') === input.id) {
      writeText(existing, 'text', input.text);
      if (input.done !== undefined && existing.get('done') !== input.done) existing.set('done', input.done);
    } else {
      array.insert(index, [newCriterion(input)]);
    }
  });
}

export function checkParent(doc: Y.Doc, id: string | null, parent: unknown): void {
  if (parent === undefined || parent === null) return;
  requireItem(doc, parent, 'parent item');
  // Walk up from the new parent: meeting the item itself would make a cycle.
  const items = itemsMap(doc);
  let current: unknown = parent;
  for (let depth = 0; typeof current === 'string' && depth < 1000; depth++) {
    if (current === id) {
      throw new Error(`item ${JSON.stringify(id)} cannot go under ${JSON.stringify(parent)}, which is inside it: an item cannot be its own ancestor`);
    }
    current = items.get(current)?.get('parent');
  }
}

/** Writes a checked patch into an item (no checks, no stamp): the one writer of item fields, shared with imports. */
export function applyPatch(item: ItemMap, patch: ItemPatch): void {
  for (const [field, value] of Object.entries(patch) as [keyof ItemPatch, unknown][]) {
    switch (field) {
      case 'title':
      case 'description':
        writeText(item, field, value as string);
        break;
      case 'labels':
        setLabels(item, value as string[]);
        break;
      case 'acceptanceCriteria':
        setCriteria(item, value as CriterionInput[]);
        break;
      case 'scoreInputs':
        writeScoreInputs(item, value as Partial<ScoreInputs>);
        break;
      default:
        if (value === null) item.delete(field);
        else if (item.get(field) !== value) item.set(field, value);
    }
  }
}

/**
 * Notes when an item becomes done (`doneAt`, what a burn-up reads) and
 * forgets it when the item leaves done. Call it before the patch is written:
 * it compares with the status the item had. Imports write no `doneAt`: an
 * item that arrives done was done before the board knew it.
 */
function stampDone(item: ItemMap, status: ItemPatch['status'], now: number): void {
  if (status === undefined) return;
  if (status !== 'done') {
    if (item.has('doneAt')) item.delete('doneAt');
  } else if (item.get('status') !== 'done') item.set('doneAt', now);
}

/**
 * Adds an item at `place` (default: the bottom) and returns its new id.
 * Fields left out get defaults: kind story, status new, no estimate.
 */
export function addItem(doc: Y.Doc, fields: NewItemFields, place: Place = BOTTOM): string {
  checkPatch(fields, 'addItem', NEW_ITEM_FIELDS);
  if (typeof fields.title !== 'string') throw new Error('addItem: title is required');
  checkEstimateCard(doc, fields.estimate, 'addItem');
  checkParent(doc, null, fields.parent);
  checkPlace(doc, place, []);
  const entries = sortedEntries(doc);
  const gap = gapIndex(entries, place);
  const id = newId();
  const now = Date.now();
  doc.transact(() => {
    stampSchema(doc);
    const item = new Y.Map<unknown>();
    itemsMap(doc).set(id, item);
    const { createdBy, ...editable } = fields;
    stampDone(item, fields.status, now);
    applyPatch(item, { description: '', kind: DEFAULT_KIND, status: DEFAULT_STATUS, labels: [], acceptanceCriteria: [], ...editable });
    item.set('createdAt', now);
    item.set('updatedAt', now);
    if (createdBy) item.set('createdBy', createdBy);
    writePlacement(doc, entries, gap, [id]);
  });
  return id;
}

/**
 * Edits any of an item's fields. `title` and `description` given as strings
 * replace the text; `labels` and `acceptanceCriteria` replace the list.
 * `null` clears estimate, priority and parent.
 */
export function updateItem(doc: Y.Doc, id: string, patch: ItemPatch): void {
  const item = requireItem(doc, id);
  checkPatch(patch, `updateItem ${JSON.stringify(id)}`);
  checkEstimateCard(doc, patch.estimate, `updateItem ${JSON.stringify(id)}`);
  if (patch.parent === id) throw new Error(`item ${JSON.stringify(id)} cannot be its own parent`);
  checkParent(doc, id, patch.parent);
  const now = Date.now();
  doc.transact(() => {
    stampSchema(doc);
    stampDone(item, patch.status, now);
    applyPatch(item, patch);
    item.set('updatedAt', now);
  });
}

/** Labels to add to and remove from each item of a multi-item edit, leaving its other labels alone. */
export interface LabelChanges {
  add?: string[];
  remove?: string[];
}

/**
 * Writes one patch to several items (multi-select: kind, status, priority,
 * epic, prioritization inputs), and adds or removes labels on each, in one
 * transaction, so one undo reverts it. Every id, the patch and the labels
 * are checked before anything is written.
 */
export function updateItems(doc: Y.Doc, ids: string[], patch: ItemPatch, labels: LabelChanges = {}): void {
  const items = requireItems(doc, ids, 'updateItems');
  checkPatch(patch, 'updateItems');
  checkEstimateCard(doc, patch.estimate, 'updateItems');
  for (const id of ids) {
    if (patch.parent === id) throw new Error(`updateItems: item ${JSON.stringify(id)} cannot be its own parent`);
    checkParent(doc, id, patch.parent);
  }
  const add = labels.add ?? [];
  const remove = labels.remove ?? [];
  checkPatch({ labels: [...add, ...remove] }, 'updateItems');
  if (items.length === 0) return;
  const now = Date.now();
  doc.transact(() => {
    stampSchema(doc);
    for (const [index, item] of items.entries()) {
      stampDone(item, patch.status, now);
      applyPatch(item, patch);
      if (add.length > 0 || remove.length > 0) {
        const current = snapshotItem(ids[index]!, item).labels;
        const gone = new Set(remove.map((label) => label.trim()));
        setLabels(item, [...current.filter((label) => !gone.has(label)), ...add]);
      }
      item.set('updatedAt', now);
    }
  });
}

/** Removes an item for good. Its id is never reused. */
export function removeItem(doc: Y.Doc, id: string): void {
  removeItems(doc, [id]);
}

/** The ids of a change to several items: an array of known ids, none twice. */
export function requireItems(doc: Y.Doc, ids: unknown, context: string): ItemMap[] {
  if (!Array.isArray(ids)) throw new Error(`${context}: ids must be an array of item ids`);
  const seen = new Set<string>();
  return ids.map((id: unknown) => {
    if (seen.has(id as string)) throw new Error(`${context}: item ${JSON.stringify(id)} is given twice`);
    seen.add(id as string);
    return requireItem(doc, id);
  });
}

/** Removes several items for good, in one transaction (so one undo brings them all back). */
export function removeItems(doc: Y.Doc, ids: string[]): void {
  requireItems(doc, ids, 'removeItems');
  if (ids.length === 0) return;
  doc.transact(() => ids.forEach((id) => itemsMap(doc).delete(id)));
}

/** Archives (or, with `archived` false, restores) several items in one transaction. */
export function setArchived(doc: Y.Doc, ids: string[], archived: boolean): void {
  const items = requireItems(doc, ids, 'setArchived');
  if (typeof archived !== 'boolean') throw new Error(`setArchived: archived must be a boolean, got ${typeof archived}`);
  if (items.length === 0) return;
  const now = Date.now();
  doc.transact(() => {
    stampSchema(doc);
    for (const item of items) {
      if ((item.get('archived') === true) === archived) continue;
      item.set('archived', archived);
      item.set('updatedAt', now);
    }
  });
}


/**
 * Splits an item into several: one new item per title, placed where the
 * original stood and in the given order, each taking the original's kind,
 * priority, labels, parent and author. The original is archived (not
 * deleted), so its description and criteria stay at hand. One transaction,
 * so one undo reverts the whole split. Returns the new ids.
 */
export function splitItem(doc: Y.Doc, id: string, titles: string[]): string[] {
  const original = requireItem(doc, id);
  if (!Array.isArray(titles) || titles.length === 0) throw new Error(`splitItem ${JSON.stringify(id)}: give at least one title`);
  titles.forEach((title, index) => checkPatch({ title }, `splitItem ${JSON.stringify(id)} title ${index}`));
  const snapshot = snapshotItem(id, original);
  const inherited: NewItemFields = {
    title: '',
    kind: snapshot.kind,
    labels: snapshot.labels,
    ...(snapshot.priority !== null && { priority: snapshot.priority }),
    ...(snapshot.parent !== null && itemsMap(doc).has(snapshot.parent) && { parent: snapshot.parent }),
    ...(snapshot.createdBy !== null && { createdBy: snapshot.createdBy }),
  };
  checkPatch(inherited, `splitItem ${JSON.stringify(id)}`, NEW_ITEM_FIELDS);
  const ids: string[] = [];
  doc.transact(() => {
    let anchor = id;
    for (const title of titles) {
      anchor = addItem(doc, { ...inherited, title }, { after: anchor });
      // Where it came from, for its history (discussion/history.ts).
      itemsMap(doc).get(anchor)!.set('splitFrom', id);
      ids.push(anchor);
    }
    updateItem(doc, id, { archived: true });
  });
  return ids;
}
