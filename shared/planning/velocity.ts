/**
 * Velocity from closed sprints, capacity from people's days, and the board's
 * planning settings.
 *
 * Layout: `doc.getMap('planning')`, one key per setting:
 *   expectedVelocity   points per sprint the team expects, used while no sprint has closed
 *   unestimatedAs      points an unestimated item counts as in cut lines and forecasts;
 *                      absent: the median of the estimated items
 */
import type * as Y from 'yjs';
import { stampSchema } from '../board.js';
import type { ItemSnapshot } from '../snapshot.js';
import type { SprintSnapshot } from './sprints.js';

/** How many of the latest closed sprints the velocity uses. */
export const VELOCITY_SPRINTS = 6;

export function planningMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('planning');
}

function positiveNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

export function expectedVelocity(doc: Y.Doc): number | null {
  return positiveNumber(planningMap(doc).get('expectedVelocity'));
}

export function unestimatedAs(doc: Y.Doc): number | null {
  return positiveNumber(planningMap(doc).get('unestimatedAs'));
}

/** Sets a planning setting (null clears it). */
export function setPlanning(doc: Y.Doc, setting: 'expectedVelocity' | 'unestimatedAs', points: number | null): void {
  if (setting !== 'expectedVelocity' && setting !== 'unestimatedAs') throw new Error(`setPlanning: unknown setting ${JSON.stringify(setting)}`);
  if (points !== null && positiveNumber(points) === null) throw new Error(`setPlanning: ${setting} must be a number of points, 0 or more, or null`);
  doc.transact(() => {
    stampSchema(doc);
    if (points === null) planningMap(doc).delete(setting);
    else planningMap(doc).set(setting, points);
  });
}

export interface Velocity {
  /** The closed sprints counted, oldest first, with their points done. */
  sprints: { id: string; name: string; points: number }[];
  /** Closed sprints left out by the team. */
  excluded: { id: string; name: string; points: number }[];
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Where the figures come from: closed sprints, or the team's expectation while there are none. */
  basis: 'history' | 'expected' | 'none';
}

/** The velocity of the latest closed sprints (by end date), or the team's expectation when none has closed. */
export function velocity(sprints: readonly SprintSnapshot[], expected: number | null, last = VELOCITY_SPRINTS): Velocity {
  const closed = sprints.filter((sprint) => sprint.state === 'closed' && sprint.donePoints !== null).sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  const entry = (sprint: SprintSnapshot) => ({ id: sprint.id, name: sprint.name, points: sprint.donePoints! });
  const counted = closed.filter((sprint) => !sprint.excluded).slice(-last).map(entry);
  const excluded = closed.filter((sprint) => sprint.excluded).map(entry);
  if (counted.length === 0) {
    return { sprints: [], excluded, mean: expected, min: expected, max: expected, basis: expected === null ? 'none' : 'expected' };
  }
  const points = counted.map((sprint) => sprint.points);
  return { sprints: counted, excluded, mean: points.reduce((a, b) => a + b, 0) / points.length, min: Math.min(...points), max: Math.max(...points), basis: 'history' };
}

/** Points per focused person-day, from closed sprints that recorded their people's days; null without any. */
export function pointsPerDay(sprints: readonly SprintSnapshot[]): number | null {
  let points = 0;
  let days = 0;
  for (const sprint of sprints) {
    if (sprint.state !== 'closed' || sprint.excluded || sprint.donePoints === null) continue;
    const focused = focusedDays(sprint);
    if (focused === 0) continue;
    points += sprint.donePoints;
    days += focused;
  }
  return days === 0 ? null : points / days;
}

function focusedDays(sprint: SprintSnapshot): number {
  return sprint.people.reduce((sum, person) => sum + person.days, 0) * sprint.focusFactor;
}

/** A sprint's capacity: focused person-days, and points (entered, else days × the team's points per day). */
export function sprintCapacity(sprint: SprintSnapshot, rate: number | null): { days: number; points: number | null } {
  const days = focusedDays(sprint);
  return { days, points: sprint.capacityPoints ?? (rate !== null && days > 0 ? days * rate : null) };
}

/** What an unestimated item counts as: the board's setting, else the median of the estimated items, else 0. */
export function assumedPoints(items: readonly ItemSnapshot[], setting: number | null): number {
  if (setting !== null) return setting;
  const estimates = items.map((item) => item.estimate).filter((estimate): estimate is number => typeof estimate === 'number').sort((a, b) => a - b);
  if (estimates.length === 0) return 0;
  const middle = estimates.length >> 1;
  return estimates.length % 2 === 1 ? estimates[middle]! : (estimates[middle - 1]! + estimates[middle]!) / 2;
}

/** What a sprint holds: committed points, and how many items have no estimate (counted apart). */
export function sprintLoad(items: readonly ItemSnapshot[], sprintId: string): { points: number; unestimated: number; items: number } {
  let points = 0;
  let unestimated = 0;
  let count = 0;
  for (const item of items) {
    if (item.sprint !== sprintId || item.archived) continue;
    count++;
    if (typeof item.estimate === 'number') points += item.estimate;
    else unestimated++;
  }
  return { points, unestimated, items: count };
}

/**
 * Cut lines: where each coming sprint is expected to end in the ordered
 * product backlog. `capacities` are the coming sprints' points, in order.
 * The same rule as the forecast's: an item falls in the first sprint whose
 * cumulative capacity covers the points up to and including it, so room a
 * sprint leaves carries on, an item larger than a sprint spills into the
 * next, and a sprint with no capacity holds nothing. A line falls before the
 * first item past each sprint; none after the last item.
 */
export function cutLines(backlog: readonly ItemSnapshot[], capacities: readonly number[], unestimated: number): { before: number; sprint: number }[] {
  const lines: { before: number; sprint: number }[] = [];
  if (capacities.length === 0) return lines;
  let sprint = 0;
  let covered = capacities[0]!;
  let points = 0;
  for (let index = 0; index < backlog.length; index++) {
    const item = backlog[index]!;
    points += typeof item.estimate === 'number' ? item.estimate : unestimated;
    while (sprint < capacities.length && points > covered) {
      lines.push({ before: index, sprint: sprint + 1 });
      sprint++;
      covered += capacities[sprint] ?? 0;
    }
    if (sprint === capacities.length) break;
  }
  return lines;
}
