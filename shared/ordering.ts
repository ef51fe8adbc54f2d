/**
 * The backlog order: reading it, and moving items within it.
 *
 * A move writes only the moved items' `order` keys (plus, rarely, the keys of
 * neighbours that a repair moves aside; see placement.ts), in one
 * transaction. Items are never deleted and re-inserted to move them, and
 * positions are never kept anywhere else: both lose or duplicate items when
 * two people move at once.
 */
import type * as Y from 'yjs';
import { itemsMap, type ItemMap } from './board.js';
import { isValidOrderKey } from './order-keys.js';
import { compareEntries, planPlacement, type OrderEntry } from './placement.js';
import { cachedSnapshot, cachedSortedEntries } from './item-cache.js';
import { readOrder, type ItemSnapshot } from './snapshot.js';
import { inBacklog } from './intake/layout.js';

/** `{after: null}` is the top of the list, `{before: null}` the bottom. */
export type Place = { after: string | null } | { before: string | null };

export const BOTTOM: Place = { before: null };

/**
 * Every item of the backlog as (id, order), sorted by (order, id). Items
 * made from a request whose outcome is not "accepted into this item" are
 * left out (intake/layout.ts). Shared with a cache: do not modify it.
 */
export function sortedEntries(doc: Y.Doc): readonly OrderEntry[] {
  return cachedSortedEntries(doc, () => {
    const entries: OrderEntry[] = [];
    itemsMap(doc).forEach((item, id) => {
      if (inBacklog(doc, id, item)) entries.push({ id, order: readOrder(item) });
    });
    return entries.sort(compareEntries);
  });
}

export function orderedIds(doc: Y.Doc): string[] {
  return sortedEntries(doc).map((entry) => entry.id);
}

/** All items as plain objects, in backlog order. */
export function orderedItems(doc: Y.Doc): ItemSnapshot[] {
  const items = itemsMap(doc);
  return sortedEntries(doc).map((entry) => cachedSnapshot(doc, entry.id, items.get(entry.id)!));
}

/** The item's map, or an Error that names the id. */
export function requireItem(doc: Y.Doc, id: unknown, role = 'item'): ItemMap {
  if (typeof id !== 'string') throw new Error(`${role} id must be a string, got ${typeof id}`);
  const item = itemsMap(doc).get(id);
  if (item === undefined) throw new Error(`unknown ${role} id ${JSON.stringify(id)}`);
  return item;
}

function placeAnchor(place: unknown): { side: 'after' | 'before'; anchor: string | null } {
  if (typeof place === 'object' && place !== null && !Array.isArray(place)) {
    const keys = Object.keys(place);
    if (keys.length === 1 && (keys[0] === 'after' || keys[0] === 'before')) {
      const anchor = (place as Record<string, unknown>)[keys[0]];
      if (anchor === null || typeof anchor === 'string') return { side: keys[0], anchor };
    }
  }
  throw new Error(`a place must be {after: id | null} or {before: id | null}; got ${JSON.stringify(place)}`);
}

/**
 * Checks a place against the document before anything is written: its anchor
 * must exist and must not be one of the items being placed.
 */
export function checkPlace(doc: Y.Doc, place: unknown, placed: readonly string[]): void {
  const { anchor } = placeAnchor(place);
  if (anchor === null) return;
  if (placed.includes(anchor)) throw new Error(`item ${JSON.stringify(anchor)} cannot be placed relative to itself`);
  requireItem(doc, anchor, 'anchor item');
}

/** The gap index in `entries` (which must not hold the placed items) that a place names. */
export function gapIndex(entries: readonly OrderEntry[], place: Place): number {
  const { side, anchor } = placeAnchor(place);
  if (anchor === null) return side === 'after' ? 0 : entries.length;
  const at = entries.findIndex((entry) => entry.id === anchor);
  if (at < 0) throw new Error(`unknown anchor item id ${JSON.stringify(anchor)}`);
  return side === 'after' ? at + 1 : at;
}

/** Writes a placement: the placed items' keys and any neighbours moved aside. */
export function writePlacement(
  doc: Y.Doc,
  entries: readonly OrderEntry[],
  gap: number,
  ids: readonly string[],
): void {
  const items = itemsMap(doc);
  const { keys, rekeyed } = planPlacement(entries, gap, ids.length);
  ids.forEach((id, i) => items.get(id)!.set('order', keys[i]));
  rekeyed.forEach((key, id) => items.get(id)!.set('order', key));
}

function withoutIds(entries: readonly OrderEntry[], ids: readonly string[]): OrderEntry[] {
  const skip = new Set(ids);
  return entries.filter((entry) => !skip.has(entry.id));
}

/**
 * True when `ids` already stand together, in this order, at `place`, each
 * with a valid key distinct from its neighbours' (so nothing needs repair).
 */
function alreadyPlaced(all: readonly OrderEntry[], rest: readonly OrderEntry[], ids: readonly string[], place: Place): boolean {
  const start = all.findIndex((entry) => entry.id === ids[0]);
  if (start !== gapIndex(rest, place)) return false;
  for (let i = 0; i < ids.length; i++) {
    if (all[start + i]?.id !== ids[i]) return false;
  }
  const end = start + ids.length;
  for (let i = Math.max(0, start - 1); i < Math.min(all.length - 1, end); i++) {
    if (!(all[i]!.order < all[i + 1]!.order)) return false;
  }
  return ids.every((_, i) => isValidOrderKey(all[start + i]!.order));
}

/** Moves one item to a place. Throws, writing nothing, on an unknown id or an anchor that is the item itself. */
export function moveItem(doc: Y.Doc, id: string, place: Place): void {
  moveItems(doc, [id], place);
}

/**
 * Moves several items to a place as one contiguous block, in the given order.
 * The block stays contiguous even when someone else moves another block into
 * the same gap at the same time (see the clusters in order-keys.ts).
 */
export function moveItems(doc: Y.Doc, ids: string[], place: Place): void {
  if (!Array.isArray(ids)) throw new Error('ids must be an array of item ids');
  if (new Set(ids).size !== ids.length) throw new Error(`ids must not repeat an item: ${JSON.stringify(ids)}`);
  for (const id of ids) requireItem(doc, id);
  checkPlace(doc, place, ids);
  if (ids.length === 0) return;
  const all = sortedEntries(doc);
  const rest = withoutIds(all, ids);
  if (alreadyPlaced(all, rest, ids, place)) return;
  doc.transact(() => writePlacement(doc, rest, gapIndex(rest, place), ids));
}
