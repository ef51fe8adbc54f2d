/** The board's sprints and planning settings, live, stable between changes. */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { expectedVelocity, readSprints, unestimatedAs, type SprintSnapshot } from '../../shared/index.js';
import { useDocValue } from '../session/useDocValue.js';

const read = (doc: Y.Doc) => JSON.stringify({ sprints: readSprints(doc), expected: expectedVelocity(doc), unestimated: unestimatedAs(doc) });

export function usePlanning(doc: Y.Doc): { sprints: SprintSnapshot[]; expected: number | null; unestimated: number | null } {
  const key = useDocValue(doc, read);
  return useMemo(() => JSON.parse(key) as { sprints: SprintSnapshot[]; expected: number | null; unestimated: number | null }, [key]);
}
