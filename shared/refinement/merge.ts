/**
 * Merging a duplicate into the item kept, in one transaction (one undo
 * step): the duplicate's labels and acceptance criteria (those not already
 * there, compared without case) join the kept item's, its comments move
 * over, its estimate history is copied beside the kept item's (and its
 * estimate taken when the kept item has none), its children go under the
 * kept item, what waited for it waits for the kept item, and it is archived
 * with `duplicateOf` naming the kept item, the link back.
 *
 * Layout: an item's `duplicateOf` (newer; older readers ignore it) is the id
 * of the item it was merged into. History entries copied over carry
 * `mergedFrom`, the duplicate's id, under a key derived from the original's
 * (history.ts), so the same merge made twice at once copies them once.
 *
 * Weak: two people merging at once still conflict. The same merge on two
 * replicas appends the new criteria twice (the checklist is a Y.Array), and
 * opposite merges (A into B, B into A) archive both; each can be undone.
 */
import * as Y from 'yjs';
import { itemsMap } from '../board.js';
import { commentsMap } from '../discussion/comments.js';
import { estimateEntries, historyMap } from '../discussion/history.js';
import { updateItem } from '../items.js';
import { addDependency, removeDependency } from '../planning/dependencies.js';
import { requireItem } from '../ordering.js';
import { snapshotItem } from '../snapshot.js';

export function mergeDuplicate(doc: Y.Doc, keepId: string, duplicateId: string): void {
  const keeper = requireItem(doc, keepId, 'kept item');
  const duplicate = requireItem(doc, duplicateId, 'duplicate');
  if (keepId === duplicateId) throw new Error('an item cannot be merged into itself');
  const earlier = duplicate.get('duplicateOf');
  if (typeof earlier === 'string') throw new Error(`that item was already merged into ${JSON.stringify(earlier)}`);
  const kept = snapshotItem(keepId, keeper);
  const gone = snapshotItem(duplicateId, duplicate);
  // Merging into an archived item (or one merged away itself) would hide both: A into B, then B into A.
  if (kept.duplicateOf !== null) throw new Error(`the kept item was itself merged into ${JSON.stringify(kept.duplicateOf)}: merge into that one`);
  if (kept.archived) throw new Error('the kept item is archived: restore it first, or merge the other way');
  const known = new Set(kept.acceptanceCriteria.map((criterion) => criterion.text.trim().toLowerCase()));
  const criteria = [
    ...kept.acceptanceCriteria.map(({ id, text, done }) => ({ id, text, done })),
    ...gone.acceptanceCriteria.filter((criterion) => criterion.text.trim() !== '' && !known.has(criterion.text.trim().toLowerCase())).map(({ text, done }) => ({ text, done })),
  ];
  doc.transact(() => {
    updateItem(doc, keepId, {
      labels: [...new Set([...kept.labels, ...gone.labels])],
      acceptanceCriteria: criteria,
      ...(kept.estimate === null && gone.estimate !== null && { estimate: gone.estimate }),
    });
    for (const comment of commentsMap(doc).values()) if (comment instanceof Y.Map && comment.get('item') === duplicateId) comment.set('item', keepId);
    for (const { key, entry } of estimateEntries(doc, duplicateId)) historyMap(doc).set(`${key}>${keepId}`, { ...entry, item: keepId, mergedFrom: duplicateId });
    for (const [id, item] of itemsMap(doc).entries()) {
      if (id === keepId || id === duplicateId) continue;
      const other = snapshotItem(id, item);
      // Its children go under the kept item, unless the kept item is inside them (that would make a loop).
      if (other.parent === duplicateId && !isAncestor(doc, id, keepId)) updateItem(doc, id, { parent: keepId });
      if (other.dependsOn.includes(duplicateId)) {
        removeDependency(doc, id, duplicateId);
        waitIfNoCycle(doc, id, keepId);
      }
    }
    for (const dep of gone.dependsOn) if (dep !== keepId && !kept.dependsOn.includes(dep)) waitIfNoCycle(doc, keepId, dep);
    updateItem(doc, duplicateId, { archived: true });
    duplicate.set('duplicateOf', keepId);
  });
}

/** Makes `itemId` wait for `onId`, unless that would close a cycle (the wait is then dropped, not the merge). */
function waitIfNoCycle(doc: Y.Doc, itemId: string, onId: string): void {
  try {
    addDependency(doc, itemId, onId);
  } catch {
    // A cycle, or an item waiting for itself: leaving that wait out is what the board would refuse anyway.
  }
}

/** Whether `ancestor` is `id` or above it in the epic tree. */
function isAncestor(doc: Y.Doc, ancestor: string, id: string): boolean {
  const seen = new Set<string>();
  for (let current: unknown = id; typeof current === 'string' && !seen.has(current); current = itemsMap(doc).get(current)?.get('parent')) {
    if (current === ancestor) return true;
    seen.add(current);
  }
  return false;
}
