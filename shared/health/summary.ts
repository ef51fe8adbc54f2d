/**
 * What the health view shows, computed from the items in backlog order:
 * how much of the top is ready, what to groom next, what lacks a priority
 * or an estimate, how old items are, and how the backlog grew.
 */
import type { ItemSnapshot } from '../snapshot.js';
import type { Framework } from '../prioritization/frameworks.js';
import { readinessGaps, type ReadinessContext, type ReadinessGap } from '../readiness.js';
import type { DefinitionOfReady } from './settings.js';
import { lastChange } from './staleness.js';

const DAY_MS = 86_400_000;
/** Age buckets, in days: under a week, a month, a quarter, half a year, three quarters, and older. */
export const AGE_BUCKETS = [7, 30, 90, 180, 270] as const;
const GROOM_NEXT = 10;

export interface BacklogHealth {
  /** Open items: neither done nor archived. */
  open: number;
  /** The first `top` open items not in progress, in backlog order. */
  top: ItemSnapshot[];
  topReady: number;
  /** The first open items, in backlog order, that miss the definition of ready, with what they miss. */
  groomNext: { item: ItemSnapshot; gaps: ReadinessGap[] }[];
  withoutPriority: ItemSnapshot[];
  withoutEstimate: ItemSnapshot[];
  /** Open items per age bucket (AGE_BUCKETS, then older): by creation and by last change. */
  ages: { created: number[]; changed: number[] };
  /** Open items at the end of each of the last 26 weeks (estimated: see below). */
  sizeOverTime: { at: number; size: number }[];
}

function bucket(ageMs: number): number {
  const days = ageMs / DAY_MS;
  const index = AGE_BUCKETS.findIndex((limit) => days < limit);
  return index < 0 ? AGE_BUCKETS.length : index;
}

/** `openQuestions` is discussion/comments.ts openQuestions: the health view passes what the rows get, or it would count items with open questions as ready. */
export function backlogHealth(items: readonly ItemSnapshot[], options: { definition: DefinitionOfReady; frameworks: readonly Framework[]; top: number; now: number; openQuestions?: ReadonlyMap<string, number> }): BacklogHealth {
  // The same context as the rows' hints, so an item a row says needs work is not counted ready here
  const context: ReadinessContext = { definition: options.definition, frameworks: options.frameworks, openQuestions: options.openQuestions };
  const open = items.filter((item) => !item.archived && item.status !== 'done' && item.kind !== 'epic' && item.kind !== 'theme');
  // Work already in progress is past refinement: the top and what to groom next are the items not started.
  const waiting = open.filter((item) => item.status !== 'in-progress');
  const top = waiting.slice(0, options.top);
  const gapsOf = (item: ItemSnapshot) => readinessGaps(item, context);
  const groomNext: BacklogHealth['groomNext'] = [];
  for (const item of waiting) {
    if (groomNext.length === GROOM_NEXT) break;
    const gaps = gapsOf(item);
    if (gaps.length > 0) groomNext.push({ item, gaps });
  }
  const ages = { created: new Array<number>(AGE_BUCKETS.length + 1).fill(0), changed: new Array<number>(AGE_BUCKETS.length + 1).fill(0) };
  for (const item of open) {
    if (item.createdAt !== null) ages.created[bucket(options.now - item.createdAt)]!++;
    ages.changed[bucket(options.now - lastChange(item))]!++;
  }
  return {
    open: open.length,
    top,
    topReady: top.filter((item) => gapsOf(item).length === 0).length,
    groomNext,
    withoutPriority: open.filter((item) => gapsOf(item).includes('no-priority') || (item.priority === null && !options.definition.priority)),
    withoutEstimate: open.filter((item) => item.estimate === null),
    ages,
    sizeOverTime: sizeOverTime(items, options.now),
  };
}

/**
 * The backlog's size at the end of each of the last 26 weeks. The document
 * keeps when an item was created but not when it was closed, so an item
 * done or archived counts as open until its last change: an estimate that
 * is exact for open items and close for closed ones.
 */
function sizeOverTime(items: readonly ItemSnapshot[], now: number): { at: number; size: number }[] {
  const weeks: { at: number; size: number }[] = [];
  for (let week = 25; week >= 0; week--) {
    const at = now - week * 7 * DAY_MS;
    let size = 0;
    for (const item of items) {
      if (item.kind === 'epic' || (item.createdAt ?? 0) > at) continue;
      const closed = item.archived || item.status === 'done';
      if (!closed || lastChange(item) > at) size++;
    }
    weeks.push({ at, size });
  }
  return weeks;
}
