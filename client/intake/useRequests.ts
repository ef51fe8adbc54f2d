/** The board's requests, live. */
import type * as Y from 'yjs';
import { allRequests, type RequestSnapshot } from '../../shared/index.js';
import { useDocValue } from '../session/useDocValue.js';

export function useRequests(doc: Y.Doc): RequestSnapshot[] {
  return useDocValue(doc, allRequests);
}
