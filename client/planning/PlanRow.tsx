/**
 * One item on the sprint board: draggable by mouse, touch and keyboard
 * (Space picks it up, arrows move it between rows and lanes, Space drops),
 * selectable (click, Ctrl/⌘-click, Shift-click, x) so several move at once,
 * and opened with Enter or its title.
 */
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import type { ItemSnapshot } from '../../shared/index.js';
import { UserText } from '../ui/UserText.js';

export interface PlanRowProps {
  item: ItemSnapshot;
  lane: string;
  epicTitle: string | null;
  selected: boolean;
  readOnly: boolean;
  /** A click: plain selects it alone and opens it, Ctrl/⌘ toggles, Shift extends (x toggles too). */
  onSelect: (id: string, event: { shiftKey: boolean; metaKey: boolean; ctrlKey: boolean }) => void;
  onOpen: (id: string) => void;
  /** What follows the estimate: who committed it, warnings, the way back. */
  children?: ReactNode;
}

export function PlanRow({ item, lane, epicTitle, selected, readOnly, onSelect, onOpen, children }: PlanRowProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging, isOver, active } = useSortable({ id: item.id, data: { lane }, disabled: readOnly });
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (active === null && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      // Not carrying anything: the arrows walk the rows of every lane, in reading order.
      const rows = [...(event.currentTarget.closest('.sprint-board')?.querySelectorAll<HTMLElement>('.plan-row') ?? [])];
      rows[rows.indexOf(event.currentTarget) + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
      event.preventDefault();
    } else if (event.key === 'Enter') onOpen(item.id);
    else if (event.key === 'x') onSelect(item.id, { shiftKey: false, metaKey: false, ctrlKey: true });
    else listeners?.onKeyDown?.(event);
  };
  return (
    <li
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      role="option"
      aria-selected={selected}
      aria-roledescription={readOnly ? undefined : 'draggable item'}
      aria-disabled={undefined}
      data-item-id={item.id}
      className={['plan-row', selected && 'plan-row-selected', isDragging && 'plan-row-dragging', isOver && 'plan-row-over'].filter(Boolean).join(' ')}
      style={{ transform: transform ? `translate3d(0, ${Math.round(transform.y)}px, 0)` : undefined, transition }}
      onClick={(event: MouseEvent) => onSelect(item.id, event)}
    >
      <span className="plan-row-title">
        <span className="plan-row-name">
          <UserText text={item.title || 'Untitled'} max={90} />
        </span>
        {epicTitle !== null && (
          <span className="plan-row-epic muted">
            <UserText text={epicTitle} max={30} />
          </span>
        )}
      </span>
      <span className="plan-row-points" title="Estimate">
        {item.estimate ?? '–'}
      </span>
      {children}
    </li>
  );
}
