/**
 * The ordered backlog: a virtualized list (only the rows in view are in the
 * DOM, so 5,000 items stay smooth) whose rows are sortable with dnd-kit by
 * mouse, touch and keyboard, with screen-reader announcements. Other
 * people's pointers are drawn over the item they point at.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { restrictToVerticalAxis } from '@dnd-kit/modifiers';
import { useVirtualizer } from '@tanstack/react-virtual';
import { moveItem, moveItems, type ItemSnapshot, type Place } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import type { Peer } from '../session/presence.js';
import { BacklogRow, ROW_HEIGHT, type RowProps } from './BacklogRow.js';
import { RemoteCursors } from './RemoteCursors.js';
import { CutLines } from '../planning/CutLines.js';

export interface BacklogListProps {
  session: BoardSession;
  items: ItemSnapshot[];
  /** Every item on the board, filtered or not: rows name their epic. */
  everyItem: ReadonlyMap<string, ItemSnapshot>;
  /** Epic id -> how many items belong to it. */
  childCounts: ReadonlyMap<string, number>;
  selection: ReadonlySet<string>;
  focusedId: string | null;
  openId: string | null;
  /** The grooming session's item under discussion. */
  focusItemId?: string | null;
  peers: Peer[];
  flashes: Map<string, number>;
  onRowClick: (id: string, event: { shiftKey: boolean; metaKey: boolean; ctrlKey: boolean }) => void;
  onOpen: (id: string) => void;
  onInsertBelow: (id: string) => void;
  /** False while the view is sorted by a field: rows then cannot be dragged (the order shown is not the backlog's). */
  reorderable: boolean;
  /** Where coming sprints are expected to end: a line drawn above each of these items. */
  cutLines: readonly { beforeId: string; name: string }[];
  /** Lets the page scroll a row into view before focusing it. */
  scrollToRef: { current: ((index: number) => void) | null };
}

type SortableRowProps = Omit<RowProps, 'style' | 'rowRef' | 'handleProps' | 'dragging'> & { top: number; readOnly: boolean; onClick: RowClick; onOpen: () => void };
type RowClick = BacklogListProps['onRowClick'];

function SortableRow({ top, readOnly, onClick, onOpen, ...row }: SortableRowProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: row.item.id, disabled: readOnly });
  return (
    <BacklogRow
      {...row}
      rowRef={setNodeRef}
      dragging={isDragging}
      style={{
        top,
        transform: transform ? `translate3d(0, ${Math.round(transform.y)}px, 0)` : undefined,
        transition,
      }}
      handleProps={{
        ...attributes,
        ...listeners,
        // dnd-kit's keyboard role is "button"; in a listbox each row is an option.
        role: 'option',
        'aria-roledescription': readOnly ? undefined : 'sortable item',
        // A view-only row cannot be dragged, but it can still be selected and opened.
        'aria-disabled': undefined,
        onClick: (event) => onClick(row.item.id, event),
        onDoubleClick: onOpen,
      }}
    />
  );
}

export function BacklogList(props: BacklogListProps) {
  const { session, items, selection, focusedId, openId, peers, flashes } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const indexOf = useMemo(() => new Map(ids.map((id, index) => [id, index])), [ids]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => ids[index]!,
  });
  props.scrollToRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'auto' });

  // Someone else adding or moving items above what I am reading must not
  // push it out of view: keep the first visible row where it was.
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const lastChangeWasRemote = useRef(false);
  useEffect(() => {
    const onUpdate = (_update: Uint8Array, origin: unknown) => (lastChangeWasRemote.current = origin === session.remote);
    session.doc.on('update', onUpdate);
    return () => session.doc.off('update', onUpdate);
  }, [session]);
  const rememberAnchor = () => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const index = Math.floor(scroller.scrollTop / ROW_HEIGHT);
    const id = ids[index];
    anchor.current = id === undefined || scroller.scrollTop === 0 ? null : { id, offset: scroller.scrollTop - index * ROW_HEIGHT };
  };
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const kept = anchor.current;
    if (scroller && kept && lastChangeWasRemote.current) {
      const index = indexOf.get(kept.id);
      if (index !== undefined) scroller.scrollTop = index * ROW_HEIGHT + kept.offset;
    }
    rememberAnchor();
    // Runs when the list changes; rememberAnchor reads the latest ids through the closure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids, indexOf]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter opens an item; Space picks it up and drops it.
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] },
    }),
  );

  /** The items a drag moves: the whole selection when the dragged row is part of it. */
  const blockFor = (id: string): string[] => (selection.has(id) ? ids.filter((candidate) => selection.has(candidate)) : [id]);

  const titleOf = (id: UniqueIdentifier) => byId.get(String(id))?.title || 'Untitled';
  const positionOf = (id: UniqueIdentifier) => (indexOf.get(String(id)) ?? 0) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const count = blockFor(String(active.id)).length;
      return `Picked up ${titleOf(active.id)}${count > 1 ? ` and ${count - 1} more` : ''}, at position ${positionOf(active.id)} of ${items.length}.`;
    },
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over position ${positionOf(over.id)} of ${items.length}.` : `${titleOf(active.id)} is no longer over the list.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${titleOf(active.id)} at position ${positionOf(over.id)} of ${items.length}.` : `Dropped ${titleOf(active.id)}; nothing moved.`),
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled; it is back at position ${positionOf(active.id)}.`,
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveId(String(active.id));
    session.setDragging(blockFor(String(active.id)));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    session.setDragging(null);
    if (!over || active.id === over.id) return;
    const block = blockFor(String(active.id));
    const target = String(over.id);
    if (block.includes(target)) return;
    const place: Place = indexOf.get(String(active.id))! < indexOf.get(target)! ? { after: target } : { before: target };
    session.act(() => (block.length === 1 ? moveItem(session.doc, block[0]!, place) : moveItems(session.doc, block, place)));
  };
  const onDragCancel = () => {
    setActiveId(null);
    session.setDragging(null);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const box = innerRef.current?.getBoundingClientRect();
    if (!box) return;
    const offset = event.clientY - box.top;
    const index = Math.floor(offset / ROW_HEIGHT);
    const id = ids[index];
    if (id === undefined) {
      session.setCursor(null);
      return;
    }
    session.setCursor({
      itemId: id,
      x: Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)),
      y: Math.min(1, Math.max(0, (offset - index * ROW_HEIGHT) / ROW_HEIGHT)),
    });
  };

  const others = peers.filter((peer) => !peer.isMe);
  const rowPeople = (id: string) => ({
    editors: others.filter((peer) => peer.editing?.itemId === id),
    movers: others.filter((peer) => peer.dragging?.includes(id)),
  });
  const activeItem = activeId ? byId.get(activeId) : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[restrictToVerticalAxis]}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: 'To move an item, press Space to pick it up, the arrow keys to move it, Space again to drop it, or Escape to cancel. Alt with the arrow keys moves the selection one step.',
        },
      }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <div ref={scrollRef} className="list-scroll" onScroll={rememberAnchor}>
          <div
            ref={innerRef}
            className="list-inner"
            role="listbox"
            aria-label="Backlog"
            aria-multiselectable="true"
            style={{ height: virtualizer.getTotalSize() }}
            onPointerMove={onPointerMove}
            onPointerLeave={() => session.setCursor(null)}
          >
            {virtualizer.getVirtualItems().map((virtual) => {
              const item = items[virtual.index]!;
              return (
                <SortableRow
                  key={item.id}
                  readOnly={props.session.readOnly || !props.reorderable}
                  item={item}
                  epic={item.parent === null ? undefined : props.everyItem.get(item.parent)}
                  children={props.childCounts.get(item.id)}
                  position={virtual.index + 1}
                  top={virtual.start}
                  selected={selection.has(item.id)}
                  focused={focusedId === item.id}
                  open={openId === item.id}
                  inFocus={props.focusItemId === item.id}
                  flashAt={flashes.get(item.id)}
                  onInsertBelow={props.session.readOnly ? undefined : () => props.onInsertBelow(item.id)}
                  onClick={props.onRowClick}
                  onOpen={() => props.onOpen(item.id)}
                  {...rowPeople(item.id)}
                />
              );
            })}
            <RemoteCursors peers={others} indexOf={indexOf} />
            <CutLines lines={props.cutLines} indexOf={indexOf} />
          </div>
        </div>
      </SortableContext>
      <DragOverlay dropAnimation={null}>
        {activeItem && (
          <BacklogRow
            item={activeItem}
            epic={activeItem.parent === null ? undefined : props.everyItem.get(activeItem.parent)}
            position={positionOf(activeItem.id)}
            selected
            focused={false}
            open={false}
            editors={[]}
            movers={[]}
            flashAt={undefined}
            overlay
          />
        )}
      </DragOverlay>
    </DndContext>
  );
}
