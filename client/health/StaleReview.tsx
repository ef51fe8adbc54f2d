/**
 * Stale-item review: open items nobody changed for the board's period, with
 * their age and last change. Archive them (they stay findable, restorable
 * and exportable), keep them (their clock restarts, with a note of who
 * decided) or move them to the bottom; each is one step with Undo.
 */
import { useState } from 'react';
import { keepItems, moveItems, setArchived, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import { lastChangeText } from './ageText.js';

export function StaleReview({ session, stale, now, onOpen, onDone }: { session: BoardSession; stale: readonly ItemSnapshot[]; now: number; onOpen: (id: string) => void; onDone: (text: string, undo: () => boolean) => void }) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const chosen = stale.filter((item) => picked.has(item.id)).map((item) => item.id);
  const all = chosen.length === stale.length && stale.length > 0;
  const act = (change: () => void, text: string) => {
    const done = session.actUndoable(change);
    if (done) {
      setPicked(new Set());
      onDone(text, done.undo);
    }
  };
  const count = `${chosen.length} ${chosen.length === 1 ? 'item' : 'items'}`;
  return (
    <section className="stale-review" aria-label="Stale items">
      <h3 className="section-title">
        Stale items <span className="muted">({stale.length})</span>
      </h3>
      {stale.length === 0 ? (
        <p className="muted">Nothing is stale: every open item changed within the period.</p>
      ) : (
        <>
          <div className="stale-actions">
            <label className="checkbox">
              <input type="checkbox" checked={all} onChange={() => setPicked(all ? new Set() : new Set(stale.map((item) => item.id)))} />
              All
            </label>
            {!session.readOnly && (
              <>
                <button type="button" disabled={chosen.length === 0} onClick={() => act(() => setArchived(session.doc, chosen, true), `Archived ${count}`)}>
                  Archive
                </button>
                <button type="button" className="button-secondary" disabled={chosen.length === 0} onClick={() => act(() => keepItems(session.doc, chosen, { by: session.me.name }, session.clock.now()), `Kept ${count}`)}>
                  Keep
                </button>
                <button type="button" className="button-secondary" disabled={chosen.length === 0} onClick={() => act(() => moveItems(session.doc, chosen, { before: null }), `Moved ${count} to the bottom`)}>
                  Move to the bottom
                </button>
              </>
            )}
          </div>
          <ul className="stale-list">
            {stale.map((item) => (
              <li key={item.id} data-item-id={item.id}>
                <input
                  type="checkbox"
                  aria-label={`Choose ${item.title || 'Untitled'}`}
                  checked={picked.has(item.id)}
                  onChange={(event) => {
                    const next = new Set(picked);
                    if (event.target.checked) next.add(item.id);
                    else next.delete(item.id);
                    setPicked(next);
                  }}
                />
                <button type="button" className="link-button stale-title" onClick={() => onOpen(item.id)}>
                  <UserText text={item.title || 'Untitled'} max={90} />
                </button>
                <span className="muted">{lastChangeText(item, now)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
