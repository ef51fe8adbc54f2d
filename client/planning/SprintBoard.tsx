/**
 * The sprint board: the product backlog's lane beside a lane per open
 * sprint. Items are dragged between lanes by mouse, touch or keyboard, one
 * or the whole selection at once; a drop commits them to that sprint (or
 * returns them) and places them, as one change (laneDrop.ts says where).
 * The product lane shows where each coming sprint is expected to end.
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { assignToSprint, moveItems, type ItemSnapshot, type SprintSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { useSelection } from '../board/useSelection.js';
import { UserText } from '../ui/UserText.js';
import { BACKLOG_LANE, laneDrop } from './laneDrop.js';
import { Lane } from './Lane.js';
import { laneKeyboardCoordinates } from './laneKeyboard.js';
import { PlanRow } from './PlanRow.js';
import { SprintCard } from './SprintCard.js';
import type { PlanFigures } from './planFigures.js';

/** Rows of the product backlog shown at first: planning looks at the top; more on request. */
const PRODUCT_ROWS = 40;

export interface SprintBoardProps {
  session: BoardSession;
  items: readonly ItemSnapshot[];
  figures: PlanFigures;
  sprints: readonly SprintSnapshot[];
  onOpen: (id: string) => void;
  onDone: (text: string) => void;
  /** Under the sprints' lanes: the form that plans another. */
  children?: ReactNode;
}

export function SprintBoard({ session, items, figures, sprints, onOpen, onDone, children }: SprintBoardProps) {
  const [shown, setShown] = useState(PRODUCT_ROWS);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overLane, setOverLane] = useState<string | null>(null);
  const product = useMemo(() => figures.waiting.slice(0, shown), [figures.waiting, shown]);
  const lanes = useMemo(() => [{ lane: BACKLOG_LANE, name: 'the product backlog', items: product }, ...figures.open.map((plan) => ({ lane: plan.sprint.id, name: plan.sprint.name, items: plan.items }))], [product, figures.open]);
  // Every row in reading order: the selection's ranges and keyboard focus follow it.
  const rows = useMemo(() => lanes.flatMap((lane) => lane.items), [lanes]);
  const select = useSelection(rows, () => {});
  const laneOf = useMemo(() => new Map(lanes.flatMap((lane) => lane.items.map((item) => [item.id, lane.lane] as const))), [lanes]);
  const laneName = (lane: string | undefined) => lanes.find((candidate) => candidate.lane === lane)?.name ?? 'nowhere';
  const position = useMemo(() => new Map(items.map((item, at) => [item.id, at])), [items]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const epicTitle = (item: ItemSnapshot) => (item.parent === null ? null : (byId.get(item.parent)?.title ?? null));

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: laneKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] } }),
  );
  /** What a drag carries: the selection (in backlog order) when the dragged row is in it. */
  const blockFor = (id: string) => (select.set.has(id) ? rows.filter((row) => select.set.has(row.id)).map((row) => row.id) : [id]);
  const titleOf = (id: UniqueIdentifier) => byId.get(String(id))?.title || 'Untitled';
  const targetLane = (over: DragOverEvent['over']) => (over ? (over.data.current?.lane as string | undefined) : undefined);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const count = blockFor(String(active.id)).length;
      return `Picked up ${titleOf(active.id)}${count > 1 ? ` and ${count - 1} more` : ''} from ${laneName(laneOf.get(String(active.id)))}.`;
    },
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over ${laneName(targetLane(over))}.` : `${titleOf(active.id)} is over no lane.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${titleOf(active.id)} into ${laneName(targetLane(over))}.` : `Dropped ${titleOf(active.id)}; nothing moved.`),
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    setOverLane(null);
    session.setDragging(null);
    const toLane = targetLane(over);
    const fromLane = laneOf.get(String(active.id));
    if (!over || toLane === undefined || fromLane === undefined) return;
    const block = blockFor(String(active.id));
    const overItem = over.data.current?.sortable ? String(over.id) : null;
    const drop = laneDrop({ block, fromLane, toLane, overItem, cameFromAbove: (position.get(String(active.id)) ?? 0) < (position.get(overItem ?? '') ?? 0) });
    if (!drop) return;
    session.act(() =>
      session.doc.transact(() => {
        if (drop.sprint !== undefined) assignToSprint(session.doc, block, drop.sprint, { by: session.me.name });
        if (drop.place) moveItems(session.doc, block, drop.place);
      }),
    );
  };

  const rowProps = (item: ItemSnapshot, lane: string) => ({
    item,
    lane,
    epicTitle: epicTitle(item),
    selected: select.set.has(item.id),
    readOnly: session.readOnly,
    onOpen,
    onSelect: (id: string, event: { shiftKey: boolean; metaKey: boolean; ctrlKey: boolean }) => {
      if (event.metaKey || event.ctrlKey) select.toggle(id);
      else if (event.shiftKey) select.focusRow(id, { extend: true });
      else {
        select.single(id);
        onOpen(id);
      }
    },
  });
  const cutBefore = new Map(figures.cutLines.map((line) => [line.beforeId, line.name]));
  const active = activeId === null ? undefined : byId.get(activeId);
  const carried = activeId === null ? 0 : blockFor(activeId).length;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: 'To move an item to a sprint, press Space to pick it up, the arrow keys to carry it over a lane or a row, Space again to drop it, or Escape to cancel. x selects several items to carry together.' },
      }}
      onDragStart={({ active: start }) => {
        setActiveId(String(start.id));
        session.setDragging(blockFor(String(start.id)));
      }}
      onDragOver={({ over }) => setOverLane(targetLane(over) ?? null)}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActiveId(null);
        setOverLane(null);
        session.setDragging(null);
      }}
    >
      <div className="sprint-board">
        <section className="product-lane" aria-label="Product backlog">
          <h3 className="section-title">
            Product backlog <span className="muted">· {figures.waiting.length} open items</span>
          </h3>
          <Lane lane={BACKLOG_LANE} label="Product backlog items" ids={product.map((item) => item.id)} over={overLane === BACKLOG_LANE && laneOf.get(activeId ?? '') !== BACKLOG_LANE} empty="Nothing open in the product backlog.">
            {product.map((item) => (
              <Fragment key={item.id}>
                {cutBefore.has(item.id) && (
                  <li className="lane-cut" aria-hidden="true" data-lane-cut={cutBefore.get(item.id)}>
                    {cutBefore.get(item.id)} ends here
                  </li>
                )}
                <PlanRow {...rowProps(item, BACKLOG_LANE)} />
              </Fragment>
            ))}
          </Lane>
          {figures.waiting.length > shown && (
            <button type="button" className="link-button" onClick={() => setShown(shown + PRODUCT_ROWS)}>
              Show {Math.min(PRODUCT_ROWS, figures.waiting.length - shown)} more
            </button>
          )}
        </section>
        <div className="sprint-lanes">
          {figures.open.map((plan) => (
            <SprintCard key={plan.sprint.id} session={session} plan={plan} next={sprints.find((sprint) => sprint.state === 'planned' && sprint.id !== plan.sprint.id && sprint.start >= plan.sprint.start) ?? null} onDone={onDone}>
              <Lane lane={plan.sprint.id} label={`${plan.sprint.name} items`} ids={plan.items.map((item) => item.id)} over={overLane === plan.sprint.id && laneOf.get(activeId ?? '') !== plan.sprint.id} empty="Nothing committed yet: drag items here from the product backlog.">
                {plan.items.map((item) => (
                  <PlanRow key={item.id} {...rowProps(item, plan.sprint.id)}>
                    {item.sprintBy && <span className="muted sprint-by">by {item.sprintBy}</span>}
                    {figures.lateDependencies.has(item.id) && (
                      <span className="row-waits" data-late={item.id}>
                        waits for <UserText text={figures.lateDependencies.get(item.id)!.join(', ')} max={50} />, not planned before this sprint
                      </span>
                    )}
                    {!session.readOnly && (
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Back to the backlog: ${item.title}`}
                        title="Back to the backlog"
                        onClick={(event) => {
                          event.stopPropagation();
                          session.act(() => assignToSprint(session.doc, [item.id], null, { by: session.me.name }));
                        }}
                      >
                        ↩
                      </button>
                    )}
                  </PlanRow>
                ))}
              </Lane>
            </SprintCard>
          ))}
          {figures.open.length === 0 && <p className="muted">No sprint is planned yet: plan one below, then drag items into it.</p>}
          {children}
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {active && (
          <div className="plan-row plan-row-overlay">
            <span className="plan-row-title">
              <UserText text={active.title || 'Untitled'} max={90} />
              {carried > 1 && <span className="muted"> and {carried - 1} more</span>}
            </span>
            <span className="plan-row-points">{active.estimate ?? '–'}</span>
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
