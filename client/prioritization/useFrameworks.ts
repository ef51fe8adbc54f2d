/** The board's prioritization frameworks, live: the same array until someone changes the choice. */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { boardFrameworks, type Framework } from '../../shared/index.js';
import { useDocValue } from '../session/useDocValue.js';

const frameworksKey = (doc: Y.Doc) => boardFrameworks(doc).join(',');

export function useFrameworks(doc: Y.Doc): readonly Framework[] {
  const key = useDocValue(doc, frameworksKey);
  return useMemo(() => (key === '' ? [] : (key.split(',') as Framework[])), [key]);
}

/** The frameworks that give a number (MoSCoW already has the priority column). */
export function scoringFrameworks(frameworks: readonly Framework[]): Framework[] {
  return frameworks.filter((framework) => framework !== 'moscow');
}
