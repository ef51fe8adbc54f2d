/**
 * History: who changed which field of an item, from what to what, and when.
 *
 * Layout:
 *   doc.getMap('history')   item id -> Y.Array of entries, plain objects:
 *     at, by, byId          when (ms), and who (name and person id)
 *     field                 'created', 'deleted', 'moved', 'split', 'merged', or a field name (title,
 *                           description, kind, status, estimate, priority, labels, parent, archived, sprint,
 *                           dependsOn, acceptanceCriteria, duplicateOf)
 *     from, to              the values before and after (strings, numbers, booleans, string arrays, null);
 *                           text fields store only `from` (see below); 'moved' only `to`, the new position;
 *                           'split' `to`, the new items' titles; 'created' `from`, the item it was split from;
 *                           'merged' (on the kept item) `from`, the duplicate's title
 *     mergedFrom            on an entry copied from a duplicate merged into this item: the duplicate's id
 *     via                   'poker' on an estimate accepted from a poker round (the same transaction
 *                           settled a round of doc.getMap('grooming'))
 *
 * Entries are written by `recordHistory`, which each client installs with
 * its own person: after every local transaction it compares the items that
 * changed with a shadow copy of their fields and appends what differs, in
 * a transaction of its own (origin HISTORY_ORIGIN, which undo leaves alone;
 * an undo is itself recorded as a change). Remote transactions only update
 * the shadow: their author's client recorded them. Offline edits are
 * recorded when made and synced with the rest.
 *
 * Title and description edits are grouped per person and minute: the first
 * keystroke of a minute records `from` (the text before); later keystrokes
 * by the same person in that minute add nothing. `to` is read, not stored:
 * the next entry's `from` for that field, else the current text. So the
 * history costs one entry per change, or per person and minute of typing,
 * never one per keystroke.
 */
import * as Y from 'yjs';
import { itemsMap } from '../board.js';
import { orderedIds } from '../ordering.js';
import { snapshotItem, type ItemSnapshot } from '../snapshot.js';
import type { Person } from './comments.js';

export const HISTORY_ROOT = 'history';
/** The origin of the transactions that write history: not an edit of the board's own. */
export const HISTORY_ORIGIN = Symbol('history');

type Value = string | number | boolean | string[] | null;

export interface HistoryEntry {
  mergedFrom?: string;
  /** 'poker': an estimate accepted from a poker round. */
  via?: 'poker';
  at: number;
  by: string;
  byId: string;
  field: string;
  from?: Value;
  to?: Value;
}

const TEXT_FIELDS = ['title', 'description'] as const;
const MINUTE = 60_000;

/** The fields history compares, as plain values. */
function fieldsOf(item: ItemSnapshot): Record<string, Value> {
  return {
    title: item.title,
    description: item.description,
    kind: item.kind,
    status: item.status,
    estimate: item.estimate,
    priority: item.priority,
    labels: item.labels,
    parent: item.parent,
    archived: item.archived,
    sprint: item.sprint,
    dependsOn: item.dependsOn,
    duplicateOf: item.duplicateOf,
    acceptanceCriteria: item.acceptanceCriteria.map((criterion) => `${criterion.done ? '✓ ' : ''}${criterion.text}`),
    order: item.order,
  };
}

const same = (a: Value | undefined, b: Value | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function historyMap(doc: Y.Doc): Y.Map<Y.Array<HistoryEntry>> {
  return doc.getMap(HISTORY_ROOT);
}

/** The id of the item a changed type belongs to (the item's map, or anything inside it), or null. */
function itemIdOf(type: Y.AbstractType<unknown>, items: Y.Map<unknown>): string | null {
  let current: Y.AbstractType<unknown> | null = type;
  while (current !== null) {
    const struct = current._item;
    if (struct === null) return null;
    if (struct.parent === items) return struct.parentSub;
    current = struct.parent as Y.AbstractType<unknown>;
  }
  return null;
}

/** The root type a shared type hangs from. */
function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
  let current = type;
  while (current._item !== null) current = current._item.parent as Y.AbstractType<unknown>;
  return current;
}

/**
 * Starts recording this client's changes as `actor()` (read at each change,
 * so a renamed person is recorded by their new name). Returns the function
 * that stops it.
 */
export function recordHistory(doc: Y.Doc, actor: () => Person, now: () => number = Date.now): () => void {
  const items = itemsMap(doc) as unknown as Y.Map<unknown>;
  const grooming = doc.getMap('grooming') as Y.AbstractType<unknown>;
  const shadow = new Map<string, Record<string, Value>>();
  for (const [id, item] of itemsMap(doc).entries()) shadow.set(id, fieldsOf(snapshotItem(id, item)));

  const onAfter = (transaction: Y.Transaction) => {
    if (transaction.origin === HISTORY_ORIGIN) return;
    const changed = new Set<string>();
    for (const [type, keys] of transaction.changed) {
      if ((type as unknown) === items) keys.forEach((key) => key !== null && changed.add(key));
      else {
        const id = itemIdOf(type as Y.AbstractType<unknown>, items);
        if (id !== null) changed.add(id);
      }
    }
    if (changed.size === 0) return;
    // acceptRound sets the round's `accepted` and the item's estimate in one transaction.
    const accepted = [...transaction.changed].some(([type, keys]) => keys.has('accepted') && rootOf(type as Y.AbstractType<unknown>) === grooming);
    const entries: { id: string; entry: Omit<HistoryEntry, 'at' | 'by' | 'byId'> }[] = [];
    let positions: Map<string, number> | null = null;
    const splits = new Map<string, string[]>();
    for (const id of changed) {
      const item = itemsMap(doc).get(id);
      const before = shadow.get(id);
      const after = item === undefined ? undefined : fieldsOf(snapshotItem(id, item));
      if (after === undefined) shadow.delete(id);
      else shadow.set(id, after);
      if (!transaction.local) continue;
      if (before === undefined && after === undefined) continue;
      if (before === undefined) {
        const from = item!.get('splitFrom');
        if (typeof from === 'string') splits.set(from, [...(splits.get(from) ?? []), after!.title as string]);
        entries.push({ id, entry: { field: 'created', ...(typeof from === 'string' && { from: (shadow.get(from)?.title as string | undefined) ?? null }) } });
        continue;
      }
      if (after === undefined) {
        entries.push({ id, entry: { field: 'deleted', from: before.title as string } });
        continue;
      }
      for (const field of Object.keys(after)) {
        if (same(before[field], after[field])) continue;
        if (field === 'order') {
          positions ??= new Map(orderedIds(doc).map((itemId, at) => [itemId, at + 1]));
          entries.push({ id, entry: { field: 'moved', to: positions.get(id) ?? null } });
        } else if (field === 'duplicateOf' && typeof after[field] === 'string') {
          // Merged as a duplicate: said on both items.
          entries.push({ id, entry: { field, to: after[field] } });
          entries.push({ id: after[field], entry: { field: 'merged', from: after.title as string } });
        } else if ((TEXT_FIELDS as readonly string[]).includes(field)) entries.push({ id, entry: { field, from: before[field]! } });
        else entries.push({ id, entry: { field, from: before[field]!, to: after[field]!, ...(field === 'estimate' && accepted && { via: 'poker' as const }) } });
      }
    }
    for (const [from, titles] of splits) entries.push({ id: from, entry: { field: 'split', to: titles } });
    if (entries.length === 0) return;
    const person = actor();
    const at = now();
    doc.transact(() => {
      const history = historyMap(doc);
      for (const { id, entry } of entries) {
        let list = history.get(id);
        if (!(list instanceof Y.Array)) {
          list = new Y.Array<HistoryEntry>();
          history.set(id, list);
        }
        if ((TEXT_FIELDS as readonly string[]).includes(entry.field)) {
          // The same person typing on in the same minute: the entry that minute began already holds `from`.
          const last = [...list.toArray()].reverse().find((earlier) => earlier.field === entry.field);
          if (last !== undefined && last.byId === person.id && Math.floor(last.at / MINUTE) === Math.floor(at / MINUTE)) continue;
        }
        list.push([{ at, by: person.name, byId: person.id, ...entry }]);
      }
    }, HISTORY_ORIGIN);
  };
  doc.on('afterTransaction', onAfter);
  return () => doc.off('afterTransaction', onAfter);
}

function readEntries(value: unknown): HistoryEntry[] {
  if (!(value instanceof Y.Array)) return [];
  return value.toArray().filter((entry): entry is HistoryEntry => typeof entry === 'object' && entry !== null && typeof (entry as HistoryEntry).field === 'string' && typeof (entry as HistoryEntry).at === 'number');
}

/** An item's history, oldest first, with each text entry's `to` filled in (the next entry's `from`, else the text now). */
export function itemHistory(doc: Y.Doc, itemId: string): HistoryEntry[] {
  const entries = readEntries(historyMap(doc).get(itemId))
    .map((entry) => ({ ...entry }))
    .sort((a, b) => a.at - b.at);
  const item = itemsMap(doc).get(itemId);
  const current = item === undefined ? null : snapshotItem(itemId, item);
  for (const field of TEXT_FIELDS) {
    const ofField = entries.filter((entry) => entry.field === field);
    ofField.forEach((entry, at) => {
      const next = ofField[at + 1];
      entry.to = next !== undefined ? (next.from ?? null) : current === null ? null : current[field];
    });
  }
  return entries;
}

/** The latest changes across the board, newest first: the activity feed. */
export function recentActivity(doc: Y.Doc, limit = 50): (HistoryEntry & { itemId: string })[] {
  const all: (HistoryEntry & { itemId: string })[] = [];
  for (const [itemId, list] of historyMap(doc).entries()) for (const entry of readEntries(list)) all.push({ ...entry, itemId });
  return all.sort((a, b) => b.at - a.at || (a.itemId < b.itemId ? -1 : 1)).slice(0, limit);
}
