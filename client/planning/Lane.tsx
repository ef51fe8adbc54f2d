/** A lane of the sprint board: a drop target holding its rows in backlog order, highlighted while something is carried over it. */
import type { ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';

export const laneDropId = (lane: string) => `lane:${lane}`;

/** `over`: something from another lane is carried over this one (its rows or its empty space). */
export function Lane({ lane, label, ids, over, empty, children }: { lane: string; label: string; ids: string[]; over: boolean; empty: ReactNode; children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: laneDropId(lane), data: { lane } });
  return (
    <SortableContext id={lane} items={ids} strategy={verticalListSortingStrategy}>
      <ol ref={setNodeRef} className={over ? 'lane lane-over' : 'lane'} role="listbox" aria-label={label} aria-multiselectable="true" data-lane={lane}>
        {children}
        {ids.length === 0 && <li className="lane-empty muted">{empty}</li>}
      </ol>
    </SortableContext>
  );
}
