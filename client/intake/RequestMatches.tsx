/**
 * On a request waiting in the inbox: the backlog items that already ask for
 * much the same (the duplicate finder over the request's title and text),
 * the matched words marked, each merged into in one step (with Undo).
 */
import { mergeRequest, type ItemSnapshot, type RequestSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { shorten } from '../ui/text.js';
import { SimilarItems } from '../refinement/SimilarItems.js';
import { useSimilar } from '../refinement/useSimilar.js';

const SHOWN = 3;
/** Requesters word things their own way: half the title's words is close enough to ask. */
const CLOSE = 0.5;

interface RequestMatchesProps {
  session: BoardSession;
  request: RequestSnapshot;
  byId: ReadonlyMap<string, ItemSnapshot>;
  onOpen: (id: string) => void;
  onDone: (text: string, undo: () => boolean) => void;
}

export function RequestMatches({ session, request, byId, onOpen, onDone }: RequestMatchesProps) {
  const { hits = [] } = useSimilar({ title: request.title, description: request.description, k: SHOWN, minCoverage: CLOSE, byId });
  if (hits.length === 0) return null;
  const merge = (item: ItemSnapshot) => {
    const made = session.actUndoable(() => mergeRequest(session.doc, request.id, item.id, { by: session.me.name }, session.clock.now()));
    if (made) onDone(`Merged “${shorten(request.title, 50)}” into “${shorten(item.title, 50)}”`, made.undo);
  };
  return (
    <section className="duplicates request-matches" aria-label="Maybe already on the board">
      <h3 className="section-title">Maybe already on the board</h3>
      <SimilarItems
        hits={hits}
        byId={byId}
        onOpen={onOpen}
        action={(item) =>
          session.readOnly ? null : item.status === 'done' ? (
            <span className="label-chip">Done</span>
          ) : (
            <button type="button" className="button-secondary" onClick={() => merge(item)}>
              Merge into this
            </button>
          )
        }
      />
    </section>
  );
}
