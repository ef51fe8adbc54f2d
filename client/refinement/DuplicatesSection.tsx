/**
 * In the item panel: the board's items most like this one (BM25F over
 * titles, descriptions and criteria, in the refinement worker), with the
 * words that matched, and a one-step merge of a duplicate into this item
 * (its criteria, labels, comments and estimate history come over; it is
 * archived with a link back; one undo step).
 */
import { mergeDuplicate, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { SimilarItems } from './SimilarItems.js';
import { useItemText } from './useItemText.js';
import { useSimilar } from './useSimilar.js';

const SHOWN = 5;

interface DuplicatesSectionProps {
  session: BoardSession;
  itemId: string;
  byId: ReadonlyMap<string, ItemSnapshot>;
  onOpen: (id: string) => void;
  onDone: (text: string) => void;
}

export function DuplicatesSection({ session, itemId, byId, onOpen, onDone }: DuplicatesSectionProps) {
  const text = useItemText(session.doc, itemId);
  const { available, hits, error } = useSimilar({ ...text, k: SHOWN, exclude: [itemId], byId });
  if (!available || text.title.trim() === '') return null;
  return (
    <section className="duplicates" aria-label="Likely duplicates">
      <h3 className="section-title">Likely duplicates</h3>
      {error && <p className="field-error">{error}</p>}
      {hits === undefined && !error && <p className="muted">Looking…</p>}
      {hits !== undefined && hits.length === 0 && <p className="muted">No similar items on this board.</p>}
      <SimilarItems
        hits={hits ?? []}
        byId={byId}
        onOpen={onOpen}
        action={
          session.readOnly
            ? undefined
            : (other) => (
                <button
                  type="button"
                  className="button-secondary"
                  title="Its criteria, labels, comments and estimate history come here; it is archived with a link back"
                  onClick={() => {
                    if (session.attempt(() => mergeDuplicate(session.doc, itemId, other.id))) onDone(`Merged “${other.title}” into this item`);
                  }}
                >
                  Merge into this
                </button>
              )
        }
      />
    </section>
  );
}
