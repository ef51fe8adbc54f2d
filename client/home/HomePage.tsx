/** Home: create a board, or reopen one of the boards opened on this device. */
import { useState } from 'react';
import { newBoardId } from '../../shared/index.js';
import { ThemeToggle } from '../ui/ThemeToggle.js';
import { forgetBoard, recentBoards, setPendingTitle, type RecentBoard } from './recentBoards.js';

export function HomePage() {
  const [title, setTitle] = useState('');
  const [recent, setRecent] = useState<RecentBoard[]>(recentBoards);
  return (
    <div className="home">
      <header className="home-header">
        <span className="brand">◆ Refinement board</span>
        <ThemeToggle />
      </header>
      <main className="home-main">
        <h1>Groom your backlog together</h1>
        <p className="lead">One ordered backlog for the whole team: reorder, write and split stories, add acceptance criteria, live or on your own time, online or offline.</p>
        <form
          className="create-form"
          onSubmit={(event) => {
            event.preventDefault();
            const id = newBoardId();
            if (title.trim()) setPendingTitle(id, title.trim().slice(0, 500));
            window.location.assign(`/b/${id}`);
          }}
        >
          <label htmlFor="board-title">Board title</label>
          <input id="board-title" className="text-input" placeholder="e.g. Checkout team backlog" value={title} maxLength={500} onChange={(event) => setTitle(event.target.value)} />
          <button type="submit">Create a board</button>
        </form>
        <p className="hint">Share the board’s link with your team: anyone with the link can join.</p>
        {recent.length > 0 && (
          <section className="recent" aria-labelledby="recent-title">
            <h2 id="recent-title">Recent boards</h2>
            <ul>
              {recent.map((board) => (
                <li key={board.id}>
                  <a href={`/b/${board.id}`}>{board.title || 'Untitled board'}</a>
                  <span className="muted">{new Date(board.openedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}</span>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${board.title || 'Untitled board'} from this list`}
                    onClick={() => {
                      forgetBoard(board.id);
                      setRecent(recentBoards());
                    }}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
