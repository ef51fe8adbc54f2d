/** An item's title and description, live, for the refinement aids' queries (a keystroke elsewhere does not change it). */
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { itemsMap } from '../../shared/index.js';
import { readText } from '../../shared/snapshot.js';
import { useDocValue } from '../session/useDocValue.js';

export function useItemText(doc: Y.Doc, itemId: string): { title: string; description: string } {
  const read = useCallback((current: Y.Doc) => {
    const item = itemsMap(current).get(itemId);
    return `${readText(item?.get('title'))}\u0000${readText(item?.get('description'))}`;
  }, [itemId]);
  const [title, description] = useDocValue(doc, read).split('\u0000') as [string, string];
  return { title, description };
}
