/**
 * Rank by score, previewed: which items move and where, before anything
 * changes. Applying writes the preview as one block of moves (one undo
 * step). Someone moving a ranked item by hand while the preview is open is
 * called out, and that item keeps its new place unless the person chooses
 * to override it.
 */
import { useCallback, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import {
  FRAMEWORK_NAMES,
  applyRanking,
  formatScore,
  orderedItems,
  rankPreview,
  rankingMovedSince,
  scoreItem,
  type Framework,
} from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { useDocValue } from '../session/useDocValue.js';
import { Dialog } from '../ui/Dialog.js';
import { UserText } from '../ui/UserText.js';

export function RankDialog({
  session,
  framework,
  onApplied,
  onClose,
}: {
  session: BoardSession;
  framework: Framework;
  onApplied: (moved: number, undo: () => boolean) => void;
  onClose: () => void;
}) {
  // Made once, when the dialog opens: what the person checks is what gets applied.
  const [preview] = useState(() => rankPreview(session.doc, framework));
  const [override, setOverride] = useState(false);
  const byId = useMemo(() => new Map(orderedItems(session.doc).map((item) => [item.id, item])), [session]);
  const readMoved = useCallback((doc: Y.Doc) => rankingMovedSince(doc, preview).filter((id) => preview.ranked.includes(id)).join('\n'), [preview]);
  const movedKey = useDocValue(session.doc, readMoved);
  const movedSince = movedKey === '' ? [] : movedKey.split('\n');
  const name = FRAMEWORK_NAMES[framework];

  const apply = () => {
    const done = session.actUndoable(() => applyRanking(session.doc, preview, { overrideMoved: override }));
    if (done) onApplied(done.result.moved, done.undo);
  };

  return (
    <Dialog title={`Rank by ${name}`} onClose={onClose}>
      <div className="rank-preview">
        <p className="dialog-text">
          {preview.ranked.length === 0
            ? `No open item has a ${name} score yet.`
            : preview.moves.length === 0
              ? `The ${preview.ranked.length} scored items are already in ${name} order.`
              : `${preview.moves.length} of the ${preview.ranked.length} scored items would move. Items without a score, done and archived items keep their places.`}
        </p>
        {preview.moves.length > 0 && (
          <ol className="rank-moves" aria-label="Proposed moves">
            {preview.moves.map((move) => {
              const item = byId.get(move.id);
              const score = item ? scoreItem(framework, item).value : null;
              return (
                <li key={move.id} data-move-id={move.id}>
                  <span className={move.to < move.from ? 'rank-up' : 'rank-down'} aria-hidden="true">
                    {move.to < move.from ? '▲' : '▼'}
                  </span>
                  <span className="rank-places numeric">
                    #{move.from + 1} → #{move.to + 1}
                  </span>
                  <span className="rank-title">
                    <UserText text={item?.title || 'Untitled'} max={80} />
                  </span>
                  <span className="rank-score numeric">{score === null ? '' : formatScore(score)}</span>
                </li>
              );
            })}
          </ol>
        )}
        {movedSince.length > 0 && (
          <div className="rank-conflict" role="alert">
            <p>
              Moved by hand since this preview:{' '}
              {movedSince.map((id, index) => (
                <span key={id}>
                  {index > 0 && ', '}“<UserText text={byId.get(id)?.title || 'an item'} max={50} />”
                </span>
              ))}
              . {override ? 'Applying puts them where the ranking says.' : 'They keep their new places.'}
            </p>
            <label className="checkbox">
              <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} />
              Override those moves
            </label>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" disabled={preview.moves.length === 0} onClick={apply}>
            Apply the new order
          </button>
        </div>
      </div>
    </Dialog>
  );
}
