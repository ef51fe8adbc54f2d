import { newBoardId } from '../shared/index.js';

export function HomePage() {
  const create = () => {
    window.location.assign(`/b/${newBoardId()}`);
  };
  return (
    <main className="page">
      <h1>Refinement board</h1>
      <p>Groom one ordered product backlog together, live or on your own time, online or offline.</p>
      <button type="button" onClick={create}>
        Create a board
      </button>
    </main>
  );
}
