import { BoardPage } from './board/BoardPage.js';
import { HomePage } from './home/HomePage.js';
import { RequestPage } from './intake/RequestPage.js';

/** Three routes: `/` (home), `/b/<boardId>` (a board) and `/b/<boardId>/request` (its request form). */
export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]{1,64})(\/request)?\/?$/.exec(window.location.pathname);
  if (!match) return <HomePage />;
  return match[2] ? <RequestPage boardId={match[1]!} /> : <BoardPage boardId={match[1]!} />;
}
