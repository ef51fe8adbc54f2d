/** In the item panel: who changed what, newest first, folded until asked for. */
import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { itemHistory, type HistoryEntry } from '../../shared/index.js';
import { useDocValue } from '../session/useDocValue.js';
import { UserText } from '../ui/UserText.js';
import { historyText } from './historyText.js';
import { whenText } from './when.js';

export function useItemHistory(doc: Y.Doc, itemId: string): HistoryEntry[] {
  const read = useCallback((current: Y.Doc) => JSON.stringify(itemHistory(current, itemId)), [itemId]);
  const key = useDocValue(doc, read);
  return useMemo(() => JSON.parse(key) as HistoryEntry[], [key]);
}

export function HistorySection({ doc, itemId, names }: { doc: Y.Doc; itemId: string; names: (id: string) => string }) {
  const entries = useItemHistory(doc, itemId);
  const now = Date.now();
  return (
    <details className="history" aria-label="History">
      <summary>History{entries.length > 0 && <span className="muted"> · {entries.length} changes</span>}</summary>
      {entries.length === 0 ? (
        <p className="muted">No changes recorded yet.</p>
      ) : (
        <ol className="history-list">
          {[...entries].reverse().map((entry, at) => (
            <li key={`${entry.at}:${at}`} data-history-field={entry.field}>
              <strong>
                <UserText text={entry.by} max={30} />
              </strong>{' '}
              <UserText text={historyText(entry, names)} max={300} /> <span className="muted">· {whenText(entry.at, now)}</span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
