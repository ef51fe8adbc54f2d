import { BoardPage } from './board/BoardPage.js';
import { HomePage } from './home/HomePage.js';

/** Two routes: `/` (home) and `/b/<boardId>` (a board). */
export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(window.location.pathname);
  return match ? <BoardPage boardId={match[1]!} /> : <HomePage />;
}
