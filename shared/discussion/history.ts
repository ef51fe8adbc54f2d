/**
 * History: who changed which field of an item, from what to what, and when.
 *
 * Layout:
 *   doc.getMap('history')   entry key -> one entry, a plain object:
 *     item                  the item's id
 *     at, by, byId          when (ms), and who (name and person id)
 *     field                 'created', 'deleted', 'moved', 'split', 'merged', or a field name (title,
 *                           description, kind, status, estimate, priority, labels, parent, archived, sprint,
 *                           dependsOn, acceptanceCriteria, duplicateOf)
 *     from, to              the values before and after (strings, numbers, booleans, string arrays, null);
 *                           grouped fields store only `from` (see below); 'moved' only `to`, the new position;
 *                           'split' `to`, the new items' titles; 'created' `from`, the item it was split from;
 *                           'merged' (on the kept item) `from`, the duplicate's title
 *     mergedFrom            on an entry copied from a duplicate merged into this item: the duplicate's id
 *     via                   'poker' on an estimate accepted from a poker round (the same transaction
 *                           settled a round of doc.getMap('grooming'))
 *     n                     1 + the highest `n` among the item's entries the writer had: entries
 *                           written in the same millisecond keep the order in which people saw them
 *   Keys are "<client id>.<counter>" in base 36 (the counter zero-padded), unique to the writing session;
 *   an entry copied by a merge is keyed "<original key>><kept item id>", so that two people making the
 *   same merge at once write the same key. Entries are ordered by `at`, then `n`, then key.
 *
 * One key per entry, never a container per item: two people writing an
 * item's first entries at once, offline, would each create the container
 * and one would win, losing the other's entries; and undoing the change
 * that created a container would take later entries with it. Boards written
 * before this layout hold a Y.Array of entries (without `item`) under the
 * item's id; those are still read, never written.
 *
 * Entries are written by `recordHistory`, which each client installs with
 * its own person: after every local transaction it compares the items that
 * changed with a shadow copy of their fields and adds what differs, in
 * a transaction of its own (origin HISTORY_ORIGIN, which undo leaves alone;
 * an undo is itself recorded as a change). Remote transactions only update
 * the shadow: their author's client recorded them. Offline edits are
 * recorded when made and synced with the rest.
 *
 * Title, description and acceptance criteria edits are grouped per person
 * and minute: the first keystroke of a minute records `from` (the value
 * before); later keystrokes by the same person in that minute add nothing.
 * `to` is read, not stored: the next entry's `from` for that field, else the
 * current value. So the history costs one entry per change, or per person
 * and minute of typing, never one per keystroke.
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
  /** The item's id (absent in entries of the older, one-array-per-item layout, keyed by the item). */
  item?: string;
  mergedFrom?: string;
  /** 'poker': an estimate accepted from a poker round. */
  via?: 'poker';
  /** The entry's place among the item's entries its writer knew (see the layout); absent in older entries. */
  n?: number;
  at: number;
  by: string;
  byId: string;
  field: string;
  from?: Value;
  to?: Value;
}

/** Fields whose edits come keystroke by keystroke: grouped per person and minute, `to` read from what followed. */
const GROUPED_FIELDS = ['title', 'description', 'acceptanceCriteria'] as const;
const isGrouped = (field: string) => (GROUPED_FIELDS as readonly string[]).includes(field);
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

export function historyMap(doc: Y.Doc): Y.Map<HistoryEntry | Y.Array<HistoryEntry>> {
  return doc.getMap(HISTORY_ROOT);
}

function isEntry(value: unknown): value is HistoryEntry {
  return typeof value === 'object' && value !== null && !(value instanceof Y.AbstractType) && typeof (value as HistoryEntry).field === 'string' && typeof (value as HistoryEntry).at === 'number';
}

/**
 * Item id -> keys of its entries, kept up to date by observing the history
 * map, so that reading one item's history does not read every entry.
 */
const indexes = new WeakMap<Y.Map<unknown>, Map<string, Set<string>>>();

function entryKeys(doc: Y.Doc): Map<string, Set<string>> {
  const history = historyMap(doc) as Y.Map<unknown>;
  const index = indexes.get(history);
  if (index !== undefined) return index;
  const built = new Map<string, Set<string>>();
  const add = (key: string, value: unknown) => {
    // An older board's array is keyed by its item.
    const item = value instanceof Y.Array ? key : isEntry(value) && typeof value.item === 'string' ? value.item : null;
    if (item === null) return;
    let keys = built.get(item);
    if (keys === undefined) built.set(item, (keys = new Set()));
    keys.add(key);
  };
  for (const [key, value] of history.entries()) add(key, value);
  history.observe((event) => {
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add') {
        const old = change.oldValue as unknown;
        const item = old instanceof Y.Array ? key : isEntry(old) ? old.item : undefined;
        if (item !== undefined) built.get(item)?.delete(key);
      }
      if (change.action !== 'delete') add(key, history.get(key));
    }
  });
  indexes.set(history, built);
  return built;
}

/** An item's entries as stored, with their keys, oldest first. */
function storedEntries(doc: Y.Doc, itemId: string): { key: string; entry: HistoryEntry }[] {
  const history = historyMap(doc);
  const out: { key: string; entry: HistoryEntry }[] = [];
  for (const key of entryKeys(doc).get(itemId) ?? []) {
    const value = history.get(key);
    if (value instanceof Y.Array) {
      value.toArray().forEach((entry, at) => {
        if (isEntry(entry)) out.push({ key: `${key}#${String(at).padStart(6, '0')}`, entry: { ...entry, item: itemId } });
      });
    }
    else if (isEntry(value)) out.push({ key, entry: value });
  }
  return out.sort((a, b) => a.entry.at - b.entry.at || (a.entry.n ?? 0) - (b.entry.n ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The estimate entries of an item, with their keys: what a merge copies (shared/refinement/merge.ts). */
export function estimateEntries(doc: Y.Doc, itemId: string): { key: string; entry: HistoryEntry }[] {
  return storedEntries(doc, itemId).filter(({ entry }) => entry.field === 'estimate');
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
  /** Entries this recorder has written: the counter in their keys. */
  let written = 0;
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
        } else if (isGrouped(field)) entries.push({ id, entry: { field, from: before[field]! } });
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
        const earlier = storedEntries(doc, id);
        if (isGrouped(entry.field)) {
          // The same person typing on in the same minute: the entry that minute began already holds `from`.
          const last = earlier.findLast((stored) => stored.entry.field === entry.field)?.entry;
          if (last !== undefined && last.byId === person.id && Math.floor(last.at / MINUTE) === Math.floor(at / MINUTE)) continue;
        }
        const n = 1 + earlier.reduce((highest, stored) => Math.max(highest, stored.entry.n ?? 0), 0);
        history.set(`${doc.clientID.toString(36)}.${(written++).toString(36).padStart(8, '0')}`, { item: id, at, by: person.name, byId: person.id, n, ...entry });
      }
    }, HISTORY_ORIGIN);
  };
  doc.on('afterTransaction', onAfter);
  return () => doc.off('afterTransaction', onAfter);
}

/** An item's history, oldest first, with each grouped entry's `to` filled in (the next entry's `from`, else the value now). */
export function itemHistory(doc: Y.Doc, itemId: string): HistoryEntry[] {
  const entries = storedEntries(doc, itemId).map(({ entry }) => ({ ...entry }));
  const item = itemsMap(doc).get(itemId);
  const current = item === undefined ? null : fieldsOf(snapshotItem(itemId, item));
  for (const field of GROUPED_FIELDS) {
    const ofField = entries.filter((entry) => entry.field === field);
    ofField.forEach((entry, at) => {
      const next = ofField[at + 1];
      entry.to = next !== undefined ? (next.from ?? null) : current === null ? null : current[field]!;
    });
  }
  return entries;
}

/** The latest changes across the board, newest first: the activity feed. */
export function recentActivity(doc: Y.Doc, limit = 50): (HistoryEntry & { itemId: string })[] {
  const all: (HistoryEntry & { itemId: string })[] = [];
  for (const [key, value] of historyMap(doc).entries()) {
    if (value instanceof Y.Array) {
      for (const entry of value.toArray()) if (isEntry(entry)) all.push({ ...entry, item: key, itemId: key });
    }
    else if (isEntry(value) && typeof value.item === 'string') all.push({ ...value, itemId: value.item });
  }
  return all.sort((a, b) => b.at - a.at || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : (b.n ?? 0) - (a.n ?? 0))).slice(0, limit);
}
