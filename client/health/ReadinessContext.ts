/**
 * The board's definition of ready and frameworks, for every readiness hint
 * (rows, the session panel, the item panel): one context, so memoized rows
 * need no extra props.
 */
import { createContext, useContext } from 'react';
import { readinessGaps, type ItemSnapshot, type ReadinessContext as Context } from '../../shared/index.js';

export const ReadinessContext = createContext<Context>({});

export function useReadinessGaps(item: ItemSnapshot) {
  return readinessGaps(item, useContext(ReadinessContext));
}
