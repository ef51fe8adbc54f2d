/**
 * Merging a duplicate into the item kept, in one transaction (one undo
 * step): the duplicate's labels and acceptance criteria (those not already
 * there, compared without case) join the kept item's, its comments move
 * over, its estimate history is copied beside the kept item's (and its
 * estimate taken when the kept item has none), and it is archived with
 * `duplicateOf` naming the kept item, the link back.
 *
 * Layout: an item's `duplicateOf` (newer; older readers ignore it) is the id
 * of the item it was merged into. History entries copied over carry
 * `mergedFrom`, the duplicate's id.
 */
import * as Y from 'yjs';
import { itemsMap } from '../board.js';
import { commentsMap } from '../discussion/comments.js';
import { historyMap, type HistoryEntry } from '../discussion/history.js';
import { updateItem } from '../items.js';
import { requireItem } from '../ordering.js';
import { snapshotItem } from '../snapshot.js';

export function mergeDuplicate(doc: Y.Doc, keepId: string, duplicateId: string): void {
  requireItem(doc, keepId, 'kept item');
  const duplicate = requireItem(doc, duplicateId, 'duplicate');
  if (keepId === duplicateId) throw new Error('an item cannot be merged into itself');
  const earlier = duplicate.get('duplicateOf');
  if (typeof earlier === 'string') throw new Error(`that item was already merged into ${JSON.stringify(earlier)}`);
  const kept = snapshotItem(keepId, itemsMap(doc).get(keepId)!);
  const gone = snapshotItem(duplicateId, duplicate);
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
    const estimates = historyMap(doc).get(duplicateId);
    if (estimates instanceof Y.Array) {
      const copied = estimates.toArray().filter((entry: HistoryEntry) => entry?.field === 'estimate').map((entry: HistoryEntry) => ({ ...entry, mergedFrom: duplicateId }));
      if (copied.length > 0) {
        let target = historyMap(doc).get(keepId);
        if (!(target instanceof Y.Array)) {
          target = new Y.Array<HistoryEntry>();
          historyMap(doc).set(keepId, target);
        }
        target.push(copied);
      }
    }
    updateItem(doc, duplicateId, { archived: true });
    duplicate.set('duplicateOf', keepId);
  });
}
