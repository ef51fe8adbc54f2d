/** The done epics, folded away at the end of the roadmap. */
import { progressText, type RoadmapRow } from '../../shared/index.js';
import { UserText } from '../ui/UserText.js';

export function DoneEpics({ rows, onOpen }: { rows: RoadmapRow[]; onOpen: (id: string) => void }) {
  if (rows.length === 0) return null;
  return (
    <details className="roadmap-done">
      <summary>
        Done · {rows.length === 1 ? '1 epic' : `${rows.length} epics`}
      </summary>
      <ul>
        {rows.map((row) => (
          <li key={row.id} data-epic={row.id} data-epic-likely="done">
            <button type="button" className="link-button" onClick={() => onOpen(row.id)}>
              <UserText text={row.title || 'Untitled'} max={80} />
            </button>
            <span className="muted">{progressText(row.progress)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
