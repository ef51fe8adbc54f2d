/**
 * A value read from a Y.Doc, recomputed lazily after each change, so that
 * React sees one stable snapshot between updates. `read` must be stable
 * (a module-level function, or memoized by the caller).
 */
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const store = useMemo(() => {
    let value = read(doc);
    let dirty = false;
    return {
      subscribe(notify: () => void) {
        const onUpdate = () => {
          dirty = true;
          notify();
        };
        doc.on('update', onUpdate);
        return () => doc.off('update', onUpdate);
      },
      get() {
        if (dirty) {
          dirty = false;
          value = read(doc);
        }
        return value;
      },
    };
  }, [doc, read]);
  return useSyncExternalStore(store.subscribe, store.get);
}
