/**
 * One backlog row, at a fixed height, on the grid the header and totals
 * share (styles.css, --row-columns): type, then the title with what a
 * person scans for under it (the epic, labels, what the item still needs),
 * then priority, status and points.
 */
import { memo, useContext, type CSSProperties, type HTMLAttributes, type Ref } from 'react';
import { CycleContext, CycleMarker, WaitsContext, WaitsNote } from '../planning/WaitsContext.js';
import { DiscussionMarks, useRowDiscussion } from '../discussion/DiscussionContext.js';
import type { ItemSnapshot } from '../../shared/index.js';
import { useReadinessGaps } from '../health/ReadinessContext.js';
import type { Peer } from '../session/presence.js';
import { Avatar } from '../ui/Avatar.js';
import { UserText } from '../ui/UserText.js';
import { shorten } from '../ui/text.js';
import { ScoreCells } from '../prioritization/ScoreColumns.js';
import { KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS, needsText } from './labels.js';

export const ROW_HEIGHT = 44;

/** Labels shown in a row; the rest are counted. */
const ROW_LABELS = 3;

export interface RowProps {
  item: ItemSnapshot;
  /** The epic this item belongs to, when it is on the board. */
  epic?: ItemSnapshot | undefined;
  /** How many items have this one as their epic. */
  children?: number;
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
  epic,
  children = 0,
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
  const gaps = useReadinessGaps(item);
  const mover = movers[0];
  const title = item.title || 'Untitled';
  const waits = useContext(WaitsContext).has(item.id);
  const inCycle = useContext(CycleContext).has(item.id);
  const discussion = useRowDiscussion(item.id);
  const hasMeta = epic !== undefined || children > 0 || item.labels.length > 0 || gaps.length > 0 || waits || inCycle || discussion.mentionsMe || discussion.comments > 0;
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
      aria-label={`${position}. ${shorten(title, 120)}`}
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
      <span className={hasMeta ? 'row-main' : 'row-main row-main-single'}>
        <span className="row-line">
          <span className="row-title" title={title.length > 60 ? shorten(title, 500) : undefined}>
            {item.title ? <UserText text={item.title} /> : <em className="muted">Untitled</em>}
          </span>
          {editors.map((peer) => (
            <Avatar key={peer.clientId} user={peer.user} size="small" title={`${peer.user.name} is editing ${peer.editing?.field ?? ''}`} />
          ))}
        </span>
        {hasMeta && (
          <span className="row-meta">
            {epic && (
              <span className="row-epic" title={`Part of ${shorten(epic.title, 200)}`}>
                <UserText text={epic.title || 'Untitled'} max={40} />
              </span>
            )}
            <CycleMarker itemId={item.id} />
            <DiscussionMarks itemId={item.id} />
            {children > 0 && <span className="row-children">{children === 1 ? '1 item' : `${children} items`} in it</span>}
            {item.labels.slice(0, ROW_LABELS).map((label) => (
              <span key={label} className="label-chip">
                <UserText text={label} max={20} />
              </span>
            ))}
            {item.labels.length > ROW_LABELS && <span className="label-more">+{item.labels.length - ROW_LABELS} more</span>}
            <WaitsNote itemId={item.id} />
            {gaps.length > 0 && <span className="row-gaps">{needsText(gaps)}</span>}
          </span>
        )}
      </span>
      <span className={`priority priority-${item.priority ?? 'none'}`}>{item.priority ? PRIORITY_LABELS[item.priority] : ''}</span>
      <span className={`status status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
      <span className="estimate numeric" title={item.estimate === null ? 'Not estimated' : 'Estimate'}>
        {item.estimate ?? ''}
      </span>
      <ScoreCells item={item} />
      {onInsertBelow ? (
        <button
          type="button"
          className="row-insert"
          title="Insert a new item below"
          aria-label={`Insert a new item below ${shorten(title, 60)}`}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={(event) => {
            event.stopPropagation();
            onInsertBelow();
          }}
        >
          +
        </button>
      ) : (
        <span />
      )}
    </div>
  );
});
