/** Creating a board: a random 22-character id (about 131 bits), and the title to write once it opens. */
import { useState } from 'react';
import { MAX_TITLE_LENGTH, newBoardId } from '../../shared/index.js';
import { setPendingTitle } from './recentBoards.js';

export function CreateBoard() {
  const [title, setTitle] = useState('');
  return (
    <>
      <form
        className="create-form"
        onSubmit={(event) => {
          event.preventDefault();
          const id = newBoardId();
          if (title.trim()) setPendingTitle(id, title.trim());
          window.location.assign(`/b/${id}`);
        }}
      >
        <label htmlFor="board-title">Board title</label>
        <input id="board-title" className="text-input" dir="auto" placeholder="e.g. Checkout team backlog" value={title} maxLength={MAX_TITLE_LENGTH} onChange={(event) => setTitle(event.target.value)} />
        <button type="submit">Create a board</button>
      </form>
      <p className="hint">Share the board’s link with your team: anyone with the link can join.</p>
    </>
  );
}
