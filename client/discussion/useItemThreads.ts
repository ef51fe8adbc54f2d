/** An item's comment threads, live (re-read when the comments change), stable between changes. */
import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { itemThreads, type Thread } from '../../shared/index.js';
import { useDocValue } from '../session/useDocValue.js';

export function useItemThreads(doc: Y.Doc, itemId: string): Thread[] {
  const read = useCallback((current: Y.Doc) => JSON.stringify(itemThreads(current, itemId)), [itemId]);
  const key = useDocValue(doc, read);
  return useMemo(() => JSON.parse(key) as Thread[], [key]);
}
