/** The Activity tab: the latest changes across the board, who made them and when, each item a click away. */
import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { recentActivity, type HistoryEntry, type ItemSnapshot } from '../../shared/index.js';
import { useDocValue } from '../session/useDocValue.js';
import { UserText } from '../ui/UserText.js';
import { historyText } from './historyText.js';
import { whenText } from './when.js';

const SHOWN = 100;

export function ActivityView({ doc, items, onOpen }: { doc: Y.Doc; items: readonly ItemSnapshot[]; onOpen: (id: string) => void }) {
  const read = useCallback((current: Y.Doc) => JSON.stringify(recentActivity(current, SHOWN)), []);
  const key = useDocValue(doc, read);
  const entries = useMemo(() => JSON.parse(key) as (HistoryEntry & { itemId: string })[], [key]);
  const titles = useMemo(() => new Map(items.map((item) => [item.id, item.title || 'Untitled'])), [items]);
  const names = (id: string) => titles.get(id) ?? 'another item';
  const now = Date.now();
  return (
    <section className="activity" aria-label="Activity">
      <h3 className="section-title">Latest changes</h3>
      {entries.length === 0 && <p className="muted">Nothing has changed since the board began recording history.</p>}
      <ol className="activity-list">
        {entries.map((entry, at) => (
          <li key={`${entry.itemId}:${entry.at}:${at}`} data-activity={entry.field}>
            <span className="activity-when muted">{whenText(entry.at, now)}</span>
            <strong>
              <UserText text={entry.by} max={30} />
            </strong>
            <span className="activity-what">
              <UserText text={historyText(entry, names)} max={200} />
            </span>
            <span className="activity-on muted">on</span>
            {titles.has(entry.itemId) ? (
              <button type="button" className="link-button activity-item" onClick={() => onOpen(entry.itemId)}>
                <UserText text={titles.get(entry.itemId)!} max={60} />
              </button>
            ) : (
              <span className="muted">a removed item</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
