/**
 * Burn-ups: scope and done over time, for a sprint by day and for the
 * release by sprint, with the forecast range. Pure: from the items and
 * sprints as read (no history is kept beyond the facts below).
 *
 * What they rest on:
 *   an item's `doneAt`       when it became done (items.ts); a done item without one (an older app, an
 *                            import) counts as done from its last edit (`updatedAt`), which is no earlier
 *   an item's `sprintAt`     when it entered its sprint (sprints.ts); before the start, or not known, it
 *                            counts from the sprint's first day
 *   a sprint's `donePoints`  its velocity, written when it closed
 *   a sprint's `scopePoints` the points left in the board's backlog when it closed (scopeLeft)
 *
 * Sprint burn-up, one entry a day from the sprint's start to its end (dates
 * 'YYYY-MM-DD', days in UTC): the points of the items in the sprint as of
 * the end of that day, and of those done by then. Items are the ones in the
 * sprint now, not archived: an item taken out of the sprint is not seen at
 * all (nothing records it was there). Unestimated items (a card or nothing)
 * are counted apart, as items, not as points. Days after today are null.
 * The ideal line goes from nothing to the latest scope by the end of the
 * last day, evenly (weekends included).
 *
 * Release burn-up, one entry a point in time: each closed sprint (by end
 * date), today, then the coming sprints. Epics and themes count for nothing,
 * as in the forecast (their stories carry the work). Done is cumulative donePoints (past
 * sprints entered by hand and left-out ones included: they are work done);
 * today adds the points of the done items not yet counted by a closed
 * sprint. Scope is done so far plus what was left in the backlog: at a
 * closed sprint, its cumulative done plus its scopePoints, else (not
 * recorded) the next sprint's that was, else today's; today, cumulative
 * donePoints plus scopeLeft now.
 * Ahead, at 50 % and 85 %: the open sprints' unfinished points, done by
 * their ends as committed, then `covered` (forecastBacklog's lines over the
 * product backlog, which it starts after the open sprints) added on top,
 * each line held at the scope once it reaches it, until both have. Without
 * a forecast only the open sprints are shown ahead. The coming sprints are
 * labelled with their end dates (comingSprintEnd).
 */
import type { ItemSnapshot } from '../snapshot.js';
import { comingSprintEnd } from './roadmap.js';
import { itemPlace, scopeLeft, type SprintSnapshot } from './sprints.js';

const DAY_MS = 86_400_000;
/** A sprint of other software's making may span years: a burn-up shows at most this many days. */
const MAX_DAYS = 400;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fromDay = (day: string) => Date.parse(`${day}T00:00:00Z`);
const pointsOf = (item: ItemSnapshot) => (typeof item.estimate === 'number' ? item.estimate : null);

export interface SprintBurnup {
  days: string[];
  /** Points in the sprint as of each day; null for days not yet come. */
  scope: (number | null)[];
  /** Points of those done by each day. */
  done: (number | null)[];
  /** Unestimated items, as counts: in the sprint, and done. */
  unestimated: { scope: (number | null)[]; done: (number | null)[] };
  /** The steady pace from nothing to the latest scope by the last day. */
  ideal: number[];
  /** Today's index in `days`; null when today is outside the sprint. */
  today: number | null;
  /** The last day with figures (today, or the end once it has passed); null before the start. */
  latest: { day: string; scope: number; done: number; unestimated: { scope: number; done: number } } | null;
}

export function sprintBurnup(items: readonly ItemSnapshot[], sprint: Pick<SprintSnapshot, 'id' | 'start' | 'end'>, options: { today: string }): SprintBurnup {
  const start = fromDay(sprint.start);
  const end = fromDay(sprint.end);
  const days: string[] = [];
  if (Number.isFinite(start) && Number.isFinite(end)) for (let at = start; at <= end && days.length < MAX_DAYS; at += DAY_MS) days.push(toDay(at));
  // Each item's first day in the sprint and the day it was done there, as 'YYYY-MM-DD' (compared as strings).
  const counted = items
    .filter((item) => item.sprint === sprint.id && !item.archived)
    .map((item) => {
      const from = item.sprintAt !== null && toDay(item.sprintAt) > sprint.start ? toDay(item.sprintAt) : sprint.start;
      const doneAt = item.status === 'done' ? (item.doneAt ?? item.updatedAt) : null;
      const doneFrom = item.status !== 'done' ? null : doneAt === null ? options.today : toDay(doneAt) > from ? toDay(doneAt) : from;
      return { points: pointsOf(item), from, doneFrom };
    });
  const scope: (number | null)[] = [];
  const done: (number | null)[] = [];
  const unestimated = { scope: [] as (number | null)[], done: [] as (number | null)[] };
  for (const day of days) {
    if (day > options.today) {
      scope.push(null);
      done.push(null);
      unestimated.scope.push(null);
      unestimated.done.push(null);
      continue;
    }
    let points = 0;
    let donePoints = 0;
    let items = 0;
    let doneItems = 0;
    for (const item of counted) {
      if (item.from > day) continue;
      const isDone = item.doneFrom !== null && item.doneFrom <= day;
      if (item.points === null) {
        items++;
        if (isDone) doneItems++;
      } else {
        points += item.points;
        if (isDone) donePoints += item.points;
      }
    }
    scope.push(points);
    done.push(donePoints);
    unestimated.scope.push(items);
    unestimated.done.push(doneItems);
  }
  const last = scope.findLastIndex((value) => value !== null);
  const latestScope = last < 0 ? 0 : scope[last]!;
  const index = days.indexOf(options.today);
  return {
    days,
    scope,
    done,
    unestimated,
    ideal: days.map((_, i) => (latestScope * (i + 1)) / days.length),
    today: index < 0 ? null : index,
    latest: last < 0 ? null : { day: days[last]!, scope: latestScope, done: done[last]!, unestimated: { scope: unestimated.scope[last]!, done: unestimated.done[last]! } },
  };
}

export interface ReleasePoint {
  /** A closed sprint's name, today's date, or a coming sprint's end date. */
  label: string;
  kind: 'closed' | 'today' | 'coming';
  /** Cumulative points done; null ahead of today. */
  done: number | null;
  scope: number;
  /** The forecast of cumulative points done at 50 % (likely) and 85 % (safe); null before today. */
  likely: number | null;
  safe: number | null;
}

export interface ReleaseBurnup {
  points: ReleasePoint[];
  /** Today's figures. */
  done: number;
  scope: number;
  /** The label of the point where each forecast line meets the scope; null when it does not within the forecast. */
  reaches: { likely: string | null; safe: string | null };
}

export interface ReleaseBurnupOptions {
  today: string;
  /** A coming sprint's length in days when no sprint has dates (comingSprintEnd). */
  lengthDays?: number;
  /** The most coming sprints shown, the open ones included. */
  maxComing?: number;
}

/** Points of the product backlog covered by the end of each coming sprint after the open ones, at 50 % and 85 %. */
export interface CoveredLines {
  likely: readonly number[];
  safe: readonly number[];
}

/**
 * The release burn-up. `covered` holds forecastBacklog's `covered` lines at
 * 0.5 and 0.85 (the board's forecast carries them); null without a forecast.
 */
export function releaseBurnup(sprints: readonly SprintSnapshot[], items: readonly ItemSnapshot[], covered: CoveredLines | null, options: ReleaseBurnupOptions): ReleaseBurnup {
  const { today, lengthDays = 14, maxComing = 30 } = options;
  const byId = new Map(sprints.map((sprint) => [sprint.id, sprint]));
  const closed = sprints.filter((sprint) => sprint.state === 'closed').sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const history = closed.reduce((sum, sprint) => sum + (sprint.donePoints ?? 0), 0);
  const scope = history + scopeLeft(items, byId);
  let done = history;
  const committed = new Map<string, number>();
  for (const item of items) {
    const points = pointsOf(item);
    const place = itemPlace(item, byId);
    // Done items of closed sprints are in their donePoints already; epics and themes are no work of their own.
    if (points === null || item.archived || item.kind === 'epic' || item.kind === 'theme' || byId.get(place)?.state === 'closed') continue;
    if (item.status === 'done') done += points;
    else if (place !== 'backlog') committed.set(place, (committed.get(place) ?? 0) + points);
  }

  const points: ReleasePoint[] = [];
  let cumulative = 0;
  for (const sprint of closed) {
    cumulative += sprint.donePoints ?? 0;
    points.push({ label: sprint.name, kind: 'closed', done: cumulative, scope: sprint.scopePoints === null ? -1 : cumulative + sprint.scopePoints, likely: null, safe: null });
  }
  // Not recorded (-1: a past sprint entered by hand, an older app): the next recorded scope, else today's.
  for (let i = points.length - 1; i >= 0; i--) if (points[i]!.scope < 0) points[i]!.scope = points[i + 1]?.scope ?? scope;
  points.push({ label: today, kind: 'today', done, scope, likely: done, safe: done });
  const reaches: ReleaseBurnup['reaches'] = { likely: null, safe: null };
  const likelyLine = covered?.likely ?? [];
  const safeLine = covered?.safe ?? [];
  // The open sprints, in the order comingSprintEnd counts them, finish what they hold; then the forecast.
  const open = sprints.filter((sprint) => sprint.state !== 'closed').sort((a, b) => (a.start < b.start ? -1 : 1));
  let base = done;
  const ahead = open.map((sprint) => ({ likely: (base += committed.get(sprint.id) ?? 0), safe: base }));
  for (let i = 0; i < Math.min(likelyLine.length, safeLine.length); i++) ahead.push({ likely: base + likelyLine[i]!, safe: base + safeLine[i]! });
  for (const [index, next] of ahead.slice(0, maxComing).entries()) {
    const label = comingSprintEnd(sprints, index + 1, { today, lengthDays });
    const likely = Math.min(scope, next.likely);
    const safe = Math.min(scope, next.safe);
    if (likely >= scope) reaches.likely ??= label;
    if (safe >= scope) reaches.safe ??= label;
    points.push({ label, kind: 'coming', done: null, scope, likely, safe });
    if (reaches.likely !== null && reaches.safe !== null) break;
  }
  return { points, done, scope, reaches };
}
