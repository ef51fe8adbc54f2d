/** The bars over the list: a sorted view's reminder that the order is unchanged, and what a multi-selection can do. */

export function SortedNotice({ onBacklogOrder }: { onBacklogOrder: () => void }) {
  return (
    <div className="selection-bar" role="status">
      Sorted for viewing; the backlog order is unchanged. Items move only in backlog order.
      <button type="button" className="link-button" onClick={onBacklogOrder}>
        Backlog order
      </button>
    </div>
  );
}

export function SelectionNotice({ count, onSetFields, onClear }: { count: number; onSetFields: (() => void) | null; onClear: () => void }) {
  return (
    <div className="selection-bar" role="status">
      {count} selected: drag any of them or press Alt + ↑ ↓ to move them together
      {onSetFields && (
        <button type="button" className="link-button" onClick={onSetFields}>
          Set fields…
        </button>
      )}
      <button type="button" className="link-button" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}

/** Commits the selected items (or the focused one) to an open sprint. */
export function MoveToSprint({ sprints, count, onMove }: { sprints: readonly { id: string; name: string }[]; count: number; onMove: (sprintId: string) => void }) {
  return (
    <label className="move-to-sprint">
      <span className="muted">{count === 1 ? 'Move the selected item to' : `Move ${count} items to`}</span>
      <select
        aria-label="Move to sprint"
        value=""
        onChange={(event) => {
          if (event.target.value) onMove(event.target.value);
        }}
      >
        <option value="">a sprint…</option>
        {sprints.map((sprint) => (
          <option key={sprint.id} value={sprint.id}>
            {sprint.name}
          </option>
        ))}
      </select>
    </label>
  );
}
