/**
 * Every use of Yjs internals in the product, in one place. Yjs documents
 * these only by its source: fields with an underscore, the struct store, the
 * pending queues, the shape of decoded structs. The relay's role policy (a
 * security boundary) depends on them, so `yjs` is pinned to one exact
 * version in package.json and test/unit/yjs-internals.test.ts checks each
 * behaviour relied on here: a Yjs upgrade that changes one fails that test
 * before it can weaken the policy.
 */
import * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are generic over their event type
export type AnyType = Y.AbstractType<any>;

/** Whether a transaction is running on the document (observers have not run yet). */
export function inTransaction(doc: Y.Doc): boolean {
  return doc._transaction !== null;
}

/** The next clock the document expects from `client` (0 for a client it has never seen). */
export function clockOf(doc: Y.Doc, client: number): number {
  return Y.getState(doc.store, client);
}

/** Whether the document holds structs or deletions waiting for edits it does not have. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** Drops whatever waits for missing edits, so that it can never land unchecked on a later update. */
export function discardPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

/** The item (or GC struct) holding `id`, or null when the document has none there. */
export function itemAt(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= clockOf(doc, id.client)) return null;
  const found = Y.getItem(doc.store, id);
  return found instanceof Y.Item ? found : null;
}

/** The items the document holds of `client` from `clock` up to (not including) `end`, in clock order. */
export function* itemsInRange(doc: Y.Doc, client: number, clock: number, end: number): Generator<Y.Item> {
  const structs = doc.store.clients.get(client);
  if (structs === undefined || clock >= clockOf(doc, client)) return;
  for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
    const struct = structs[index]!;
    if (struct.id.clock >= end) return;
    if (struct instanceof Y.Item) yield struct;
  }
}

/** The type an item holds (a nested map, array or text), or null for other content. */
export function typeInItem(item: Y.Item): AnyType | null {
  return item.content instanceof Y.ContentType ? item.content.type : null;
}

/**
 * Where a decoded struct says it goes, as Yjs wrote it: an integrated type
 * (for an item already in a document), a top-level type's name, the id of
 * the item holding the parent type, or null when its neighbour implies the
 * parent (Yjs leaves parent and key out then). `key` is the map key, null in
 * arrays and texts and whenever the parent is left out.
 */
export function declaredPlace(item: Y.Item): { parent: AnyType | string | Y.ID | null; key: string | null } {
  return { parent: item.parent as AnyType | string | Y.ID | null, key: item.parentSub };
}

/** The type's own map key and its parent type; null for a top-level type. */
function entryOf(type: AnyType): { key: string | null; parent: AnyType } | null {
  const item = type._item;
  if (item === null) return null;
  return { key: item.parentSub, parent: item.parent as AnyType };
}

/**
 * The name under which `type` is a top-level type of `doc`, or null. Found by
 * name in `doc.share` rather than compared with `doc.getMap(...)`: a
 * document loaded from an update holds a generic type for each root until an
 * accessor asks for it, and asking replaces that object.
 */
export function rootName(doc: Y.Doc, type: AnyType): string | null {
  for (const [name, root] of doc.share) if (root === type) return name;
  return null;
}

/**
 * The path of map keys from a top-level type down to `type` (the root's name
 * first), or null when it is longer than `maxLength` keys, passes through an
 * array or text, or does not end at a root of `doc`. Walks at most
 * `maxLength` steps, however deep the document nests.
 */
export function pathOf(doc: Y.Doc, type: AnyType, maxLength: number): string[] | null {
  const keys: string[] = [];
  let current = type;
  for (let step = 0; step < maxLength; step++) {
    const entry = entryOf(current);
    if (entry === null) {
      const name = rootName(doc, current);
      return name === null ? null : [name, ...keys.reverse()];
    }
    if (entry.key === null) return null;
    keys.push(entry.key);
    current = entry.parent;
  }
  return null;
}

/** How many types enclose `type` (0 for a top-level type), counting at most `limit`. */
export function depthOf(type: AnyType, limit: number): number {
  let depth = 0;
  for (let current = entryOf(type); current !== null && depth < limit; current = entryOf(current.parent)) depth++;
  return depth;
}

/**
 * Whether the top-level map `name` of `doc` holds a live entry under `key`.
 * Read from `doc.share` (a document loaded from an update holds a generic
 * type for each root until an accessor asks for it) without creating the root.
 */
export function rootHasEntry(doc: Y.Doc, name: string, key: string): boolean {
  const item = doc.share.get(name)?._map.get(key);
  return item !== undefined && !item.deleted;
}

/** The plain values an item holds (Yjs's ContentAny), or null when it holds anything else: a type, text, binary, a gap. */
export function plainValues(item: Y.Item): unknown[] | null {
  return item.content instanceof Y.ContentAny ? item.content.arr : null;
}
