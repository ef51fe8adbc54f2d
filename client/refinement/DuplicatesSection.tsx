/**
 * In the item panel: the board's items most like this one (BM25F over
 * titles, descriptions and criteria, in the refinement worker), with the
 * words that matched, and a one-step merge of a duplicate into this item
 * (its criteria, labels, comments and estimate history come over; it is
 * archived with a link back; one undo step).
 */
import { mergeDuplicate, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import { useAsk } from './useAsk.js';
import { useItemText } from './useItemText.js';
import { useRefinement } from './useRefinement.js';

const SHOWN = 5;

export function DuplicatesSection({ session, itemId, items, onOpen, onDone }: { session: BoardSession; itemId: string; items: readonly ItemSnapshot[]; onOpen: (id: string) => void; onDone: (text: string) => void }) {
  const refinement = useRefinement();
  const text = useItemText(session.doc, itemId);
  const { value: hits, error } = useAsk(refinement && (() => refinement.similar(text, SHOWN, [itemId])), `${itemId}\u0000${text.title}\u0000${text.description}`);
  if (refinement === null || text.title.trim() === '') return null;
  const byId = new Map(items.map((item) => [item.id, item]));
  const shown = (hits ?? []).filter((hit) => byId.has(hit.id) && !byId.get(hit.id)!.archived);
  return (
    <section className="duplicates" aria-label="Likely duplicates">
      <h3 className="section-title">Likely duplicates</h3>
      {error && <p className="field-error">{error}</p>}
      {hits === undefined && !error && <p className="muted">Looking…</p>}
      {hits !== undefined && shown.length === 0 && <p className="muted">No similar items on this board.</p>}
      <ol className="duplicate-list">
        {shown.map((hit) => {
          const other = byId.get(hit.id)!;
          return (
            <li key={hit.id} data-duplicate={hit.id}>
              <button type="button" className="link-button duplicate-title" onClick={() => onOpen(hit.id)}>
                <UserText text={other.title || 'Untitled'} max={80} />
              </button>
              <span className="duplicate-words muted">
                {hit.words.map((word) => (
                  <mark key={word}>{word}</mark>
                ))}
              </span>
              {!session.readOnly && (
                <button
                  type="button"
                  className="button-secondary"
                  title="Its criteria, labels, comments and estimate history come here; it is archived with a link back"
                  onClick={() => {
                    if (session.attempt(() => mergeDuplicate(session.doc, itemId, hit.id))) onDone(`Merged “${other.title}” into this item`);
                  }}
                >
                  Merge into this
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
