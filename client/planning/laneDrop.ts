/**
 * What a drop on the sprint board means, as data: the items dragged (the
 * whole selection when the dragged row is part of it), the lane they leave,
 * the lane and row they land on. Pure, so the rules are tested apart from
 * the drag library.
 *
 * - Within one lane a drop reorders, as in the backlog: the block lands
 *   after the row when it came from above, before it when from below.
 * - Into another lane the block is committed to that sprint (or returned to
 *   the product backlog) and lands before the row it was dropped on; dropped
 *   on the lane itself, it keeps its place in the backlog order (a sprint
 *   backlog is the product backlog's order, filtered).
 */
import type { Place } from '../../shared/index.js';

/** The product backlog's lane; every other lane is a sprint's id. */
export const BACKLOG_LANE = 'backlog';

export interface LaneDrop {
  /** Commit to this sprint (null: back to the product backlog); undefined: the sprint does not change. */
  sprint?: string | null;
  /** Where the block moves in the backlog order; null: it stays. */
  place: Place | null;
}

export function laneDrop({ block, fromLane, toLane, overItem, cameFromAbove }: { block: readonly string[]; fromLane: string; toLane: string; overItem: string | null; cameFromAbove: boolean }): LaneDrop | null {
  const onOther = overItem !== null && !block.includes(overItem);
  if (fromLane === toLane) {
    if (!onOther) return null;
    return { place: cameFromAbove ? { after: overItem } : { before: overItem } };
  }
  return { sprint: toLane === BACKLOG_LANE ? null : toLane, place: onOther ? { before: overItem } : null };
}
