/** The board's name in the header: edited in place, written when the person is done. */
import { useEffect, useState } from 'react';
import { MAX_TITLE_LENGTH, setBoardTitle } from '../../shared/index.js';
import { rememberBoard } from '../home/recentBoards.js';
import type { BoardSession } from '../session/BoardSession.js';
import { useBoardTitle } from '../session/useBoardSession.js';

export function BoardTitle({ session }: { session: BoardSession }) {
  const title = useBoardTitle(session);
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => {
    if (title) rememberBoard(session.boardId, title);
  }, [session, title]);
  const commit = () => {
    if (draft !== null && draft.trim() !== title) session.act(() => setBoardTitle(session.doc, draft.trim()));
    setDraft(null);
  };
  return (
    <input
      className="board-title"
      readOnly={session.readOnly}
      aria-label="Board title"
      placeholder="Untitled board"
      dir="auto"
      maxLength={MAX_TITLE_LENGTH}
      value={draft ?? title}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          setDraft(null);
          event.currentTarget.blur();
        }
      }}
    />
  );
}
