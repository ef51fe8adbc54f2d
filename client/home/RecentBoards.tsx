/** The boards opened on this device, newest first, each removable from the list. */
import { useState } from 'react';
import { UserText } from '../ui/UserText.js';
import { shorten } from '../ui/text.js';
import { forgetBoard, recentBoards, type RecentBoard } from './recentBoards.js';

export function RecentBoards() {
  const [recent, setRecent] = useState<RecentBoard[]>(recentBoards);
  if (recent.length === 0) return null;
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent boards</h2>
      <ul>
        {recent.map((board) => {
          const title = board.title || 'Untitled board';
          return (
            <li key={board.id}>
              <a href={`/b/${board.id}`}>
                <UserText text={title} max={80} />
              </a>
              <span className="muted">{new Date(board.openedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${shorten(title, 60)} from this list`}
                onClick={() => {
                  forgetBoard(board.id);
                  setRecent(recentBoards());
                }}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
