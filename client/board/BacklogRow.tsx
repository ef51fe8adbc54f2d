/** One backlog row: what a person scans for during refinement, at a fixed height. */
import { memo, type CSSProperties, type HTMLAttributes, type Ref } from 'react';
import { READINESS_LABELS, READINESS_SHORT, readinessGaps, type ItemSnapshot } from '../../shared/index.js';
import type { Peer } from '../session/presence.js';
import { Avatar } from '../ui/Avatar.js';
import { KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS } from './labels.js';

export const ROW_HEIGHT = 48;

export interface RowProps {
  item: ItemSnapshot;
  position: number;
  selected: boolean;
  focused: boolean;
  open: boolean;
  /** Under discussion in the grooming session. */
  inFocus?: boolean;
  /** People editing this item, and people dragging it. */
  editors: Peer[];
  movers: Peer[];
  /** When someone else last changed it (restarts the flash). */
  flashAt: number | undefined;
  onInsertBelow?: () => void;
  style?: CSSProperties;
  rowRef?: Ref<HTMLDivElement>;
  handleProps?: HTMLAttributes<HTMLElement>;
  dragging?: boolean;
  overlay?: boolean;
}

export const BacklogRow = memo(function BacklogRow({
  item,
  position,
  selected,
  focused,
  open,
  inFocus,
  editors,
  movers,
  flashAt,
  onInsertBelow,
  style,
  rowRef,
  handleProps,
  dragging,
  overlay,
}: RowProps) {
  const gaps = readinessGaps(item);
  const mover = movers[0];
  const className = [
    'row',
    selected && 'row-selected',
    focused && 'row-focused',
    open && 'row-open',
    inFocus && 'row-in-focus',
    item.archived && 'row-archived',
    dragging && 'row-dragging',
    overlay && 'row-overlay',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={rowRef}
      className={className}
      style={{ ...style, ...(mover && { outlineColor: mover.user.color }) }}
      data-item-id={item.id}
      data-in-focus={inFocus || undefined}
      data-moved-by={mover?.user.name}
      role="option"
      aria-selected={selected}
      aria-label={`${position}. ${item.title || 'Untitled'}`}
      tabIndex={focused ? 0 : -1}
      {...handleProps}
    >
      {flashAt !== undefined && <span key={flashAt} className="row-flash" aria-hidden="true" />}
      {mover && (
        <span className="row-mover" style={{ background: mover.user.color }}>
          {mover.user.name} is moving
        </span>
      )}
      <span className="row-grip" aria-hidden="true">
        ⋮⋮
      </span>
      <span className={`kind kind-${item.kind}`}>{KIND_LABELS[item.kind]}</span>
      <span className="row-main">
        <span className="row-title">{item.title || <em className="muted">Untitled</em>}</span>
        {item.labels.slice(0, 3).map((label) => (
          <span key={label} className="label-chip">
            {label}
          </span>
        ))}
        {item.labels.length > 3 && <span className="label-chip">+{item.labels.length - 3}</span>}
      </span>
      <span
        className="readiness"
        title={gaps.length ? `Not ready: ${gaps.map((gap) => READINESS_LABELS[gap]).join(', ')}` : 'Has a description, acceptance criteria and an estimate'}
        aria-label={gaps.length ? `Not ready: ${gaps.map((gap) => READINESS_LABELS[gap]).join(', ')}` : undefined}
      >
        {gaps.length > 0 && `${READINESS_SHORT[gaps[0]!]}${gaps.length > 1 ? ` +${gaps.length - 1}` : ''}`}
      </span>
      <span className={`priority priority-${item.priority ?? 'none'}`}>{item.priority ? PRIORITY_LABELS[item.priority] : ''}</span>
      <span className={`status status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
      <span className="estimate" title="Estimate">
        {item.estimate ?? ''}
      </span>
      <span className="row-people">
        {editors.map((peer) => (
          <Avatar key={peer.clientId} user={peer.user} size="small" title={`${peer.user.name} is editing ${peer.editing?.field ?? ''}`} />
        ))}
      </span>
      {onInsertBelow && (
        <button
          type="button"
          className="row-insert"
          title="Insert a new item below"
          aria-label={`Insert a new item below ${item.title}`}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={(event) => {
            event.stopPropagation();
            onInsertBelow();
          }}
        >
          +
        </button>
      )}
    </div>
  );
});
