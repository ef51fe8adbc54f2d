/** The board's definition of ready and health settings, live, stable between changes. */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { definitionOfReady, healthTopItems, staleAfterDays, type DefinitionOfReady } from '../../shared/index.js';
import { useDocValue } from '../session/useDocValue.js';

const read = (doc: Y.Doc) => JSON.stringify({ definition: definitionOfReady(doc), top: healthTopItems(doc), staleDays: staleAfterDays(doc) });

export function useHealthSettings(doc: Y.Doc): { definition: DefinitionOfReady; top: number; staleDays: number } {
  const key = useDocValue(doc, read);
  return useMemo(() => JSON.parse(key) as { definition: DefinitionOfReady; top: number; staleDays: number }, [key]);
}
