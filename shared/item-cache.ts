/**
 * Per-document caches of the sorted order and of item snapshots, so that
 * reading a 10,000-item backlog after a small change costs little: a change
 * to one item rebuilds that item's snapshot, and the order is sorted again
 * only when an order key, or the set of items, changed.
 *
 * The caches are invalidated by a deep observer on the items map. Observers
 * run when a transaction ends, so inside a transaction nothing is cached:
 * functions that read and then write in one transaction (splitItem adds
 * several items) must see their own writes.
 */
import type * as Y from 'yjs';
import { itemsMap, type ItemMap } from './board.js';
import { REQUESTS_ROOT } from './intake/layout.js';
import { inTransaction } from './yjs-internals.js';
import type { OrderEntry } from './placement.js';
import { snapshotItem, type ItemSnapshot } from './snapshot.js';

interface ItemCache {
  snapshots: Map<string, ItemSnapshot>;
  sorted: OrderEntry[] | null;
}

const caches = new WeakMap<Y.Doc, ItemCache>();

function cacheOf(doc: Y.Doc): ItemCache {
  let cache = caches.get(doc);
  if (cache !== undefined) return cache;
  const created: ItemCache = { snapshots: new Map(), sorted: null };
  const items = itemsMap(doc);
  items.observeDeep((events) => {
    for (const event of events) {
      if (event.target === items) {
        (event as Y.YMapEvent<unknown>).keysChanged.forEach((id) => created.snapshots.delete(id));
        created.sorted = null;
        continue;
      }
      const id = event.path[0];
      if (typeof id === 'string') created.snapshots.delete(id);
      if (event.path.length === 1 && (event as Y.YMapEvent<unknown>).keysChanged?.has('order')) created.sorted = null;
    }
  });
  // A request's outcome decides whether the item made from it is in the backlog (intake/layout.ts). Watched
  // without creating the requests root (reading must not add a top-level type to a document).
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    const requests = doc.share.get(REQUESTS_ROOT);
    if (requests !== undefined && transaction.changedParentTypes.has(requests)) created.sorted = null;
  });
  caches.set(doc, created);
  cache = created;
  return cache;
}

/** The sorted (order, id) list; callers must not modify it. */
export function cachedSortedEntries(doc: Y.Doc, compute: () => OrderEntry[]): OrderEntry[] {
  if (inTransaction(doc)) return compute();
  const cache = cacheOf(doc);
  return (cache.sorted ??= compute());
}

/** The item's snapshot; callers must not modify it. */
export function cachedSnapshot(doc: Y.Doc, id: string, item: ItemMap): ItemSnapshot {
  if (inTransaction(doc)) return snapshotItem(id, item);
  const cache = cacheOf(doc);
  let snapshot = cache.snapshots.get(id);
  if (snapshot === undefined) {
    snapshot = snapshotItem(id, item);
    cache.snapshots.set(id, snapshot);
  }
  return snapshot;
}
