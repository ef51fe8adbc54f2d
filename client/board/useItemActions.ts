/**
 * What a person does to items from the list, the panel and the keyboard:
 * delete, archive, move a block, split. Each is one write through shared/
 * and one undo step; the notice's Undo takes back exactly that step, even
 * when other changes happened since.
 */
import { useCallback } from 'react';
import { moveItems, removeItems, setArchived, setOutcome, splitItem, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { shorten } from '../ui/text.js';
import type { Notice } from '../ui/Toast.js';

/** An item's title as a notice quotes it: short, on one line. */
const quoted = (item: ItemSnapshot | undefined) => `“${shorten(item?.title ?? '', 60) || 'Untitled'}”`;

export function useItemActions(session: BoardSession, byId: ReadonlyMap<string, ItemSnapshot>, visible: readonly ItemSnapshot[], show: (notice: Notice) => void) {
  const undoable = useCallback(
    (text: string, change: () => unknown) => {
      const done = session.actUndoable(change);
      if (done) show({ text, action: { label: 'Undo', run: () => void done.undo() } });
      return done !== undefined;
    },
    [session, show],
  );

  const remove = useCallback(
    (ids: string[]) => {
      if (ids.length === 0) return false;
      const text = ids.length === 1 ? `Deleted ${quoted(byId.get(ids[0]!))}` : `Deleted ${ids.length} items`;
      return undoable(text, () => removeItems(session.doc, ids));
    },
    [session, byId, undoable],
  );

  /** Archives the items, or restores them when all of them are archived already. */
  const toggleArchived = useCallback(
    (ids: string[]) => {
      if (ids.length === 0) return false;
      const archive = !ids.every((id) => byId.get(id)?.archived);
      const what = ids.length === 1 ? quoted(byId.get(ids[0]!)) : `${ids.length} items`;
      return undoable(`${archive ? 'Archived' : 'Restored'} ${what}`, () => setArchived(session.doc, ids, archive));
    },
    [session, byId, undoable],
  );

  /** Moves the block one step past its neighbour in the visible list (hidden items are stepped over). */
  const moveBlock = useCallback(
    (ids: string[], direction: -1 | 1) => {
      if (ids.length === 0) return;
      const indices = ids.map((id) => visible.findIndex((item) => item.id === id));
      const neighbour = direction < 0 ? visible[Math.min(...indices) - 1] : visible[Math.max(...indices) + 1];
      if (!neighbour) return;
      session.act(() => moveItems(session.doc, ids, direction < 0 ? { before: neighbour.id } : { after: neighbour.id }));
    },
    [session, visible],
  );

  /** Splits an item into one item per title; during a session it is also marked split. Returns the new ids. */
  const split = useCallback(
    (id: string, titles: string[], inSession: boolean): string[] => {
      let made: string[] = [];
      undoable(`Split into ${titles.length} items`, () =>
        session.doc.transact(() => {
          made = splitItem(session.doc, id, titles);
          if (inSession) setOutcome(session.doc, id, 'split');
        }),
      );
      return made;
    },
    [session, undoable],
  );

  return { remove, toggleArchived, moveBlock, split };
}
