import { useState, type FormEvent } from 'react';
import { addItem } from '../shared/index.js';
import { useBoard } from './useBoard.js';

const CONNECTION_LABEL = { connecting: 'Connecting…', live: 'Live', offline: 'Offline' } as const;

export function BoardPage({ boardId }: { boardId: string }) {
  const board = useBoard(boardId);
  const [title, setTitle] = useState('');
  if (board === null) return null;

  const add = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') return;
    addItem(board.doc, { title: trimmed });
    setTitle('');
  };

  return (
    <main className="page">
      <header className="board-header">
        <h1>Backlog</h1>
        <span className={`connection connection-${board.connection}`} data-testid="connection">
          {CONNECTION_LABEL[board.connection]}
        </span>
      </header>
      <form onSubmit={add} className="add-item">
        <label htmlFor="new-item">New item</label>
        <input id="new-item" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="As a …, I want …" />
        <button type="submit">Add</button>
      </form>
      <ol className="backlog" aria-label="Backlog items">
        {board.items.map((item) => (
          <li key={item.id} data-item-id={item.id}>
            <span className="kind">{item.kind}</span> {item.title}
          </li>
        ))}
      </ol>
      {board.items.length === 0 && <p className="empty">No items yet. Add the first one above.</p>}
    </main>
  );
}
