/**
 * Epics, themes and dates: what the roadmap reads. An epic groups backlog
 * items (their `parent`); a theme groups epics (an epic's `parent` is a
 * theme item). Progress counts numeric estimates; a forecast for a group is
 * the latest forecast of its open items.
 */
import type { ItemSnapshot } from '../snapshot.js';
import type { SprintSnapshot } from './sprints.js';

export interface Progress {
  items: number;
  done: number;
  /** Points of all its items, and of the done ones (numeric estimates only). */
  points: number;
  donePoints: number;
  /** Open items meeting a readiness test the caller gives (the board's definition of ready). */
  ready: number;
}

/** The items under a group: its children, and for a theme its epics' children too. */
export function groupItems(items: readonly ItemSnapshot[], groupId: string): ItemSnapshot[] {
  const children = new Map<string, ItemSnapshot[]>();
  for (const item of items) {
    if (item.parent === null || item.archived) continue;
    children.set(item.parent, [...(children.get(item.parent) ?? []), item]);
  }
  const out: ItemSnapshot[] = [];
  const seen = new Set<string>([groupId]);
  const queue = [groupId];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      if (child.kind === 'epic' || child.kind === 'theme') queue.push(child.id);
      else out.push(child);
    }
  }
  return out;
}

export function progress(items: readonly ItemSnapshot[], isReady: (item: ItemSnapshot) => boolean): Progress {
  let done = 0;
  let points = 0;
  let donePoints = 0;
  let ready = 0;
  for (const item of items) {
    const estimate = typeof item.estimate === 'number' ? item.estimate : 0;
    points += estimate;
    if (item.status === 'done') {
      done++;
      donePoints += estimate;
    } else if (isReady(item)) ready++;
  }
  return { items: items.length, done, points, donePoints, ready };
}

/**
 * A group's forecast sprint at one confidence: the latest of its open
 * items' (`forecast` maps item id to sprint, null beyond the horizon);
 * 0 when everything in it is done.
 */
export function groupForecast(items: readonly ItemSnapshot[], forecast: ReadonlyMap<string, number | null>): number | null {
  let latest = 0;
  for (const item of items) {
    if (item.status === 'done') continue;
    const sprint = forecast.get(item.id);
    if (sprint === undefined || sprint === null) return null;
    latest = Math.max(latest, sprint);
  }
  return latest;
}

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fromDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The end date of the k-th coming sprint (1-based): the planned sprints'
 * own end dates first, then sprints of the last one's length back to back.
 * `lengthDays` is used when no sprint has dates; `today` when none exists.
 */
export function comingSprintEnd(sprints: readonly SprintSnapshot[], k: number, options: { today: string; lengthDays: number }): string {
  const coming = sprints.filter((sprint) => sprint.state !== 'closed').sort((a, b) => (a.start < b.start ? -1 : 1));
  if (k <= coming.length) return coming[k - 1]!.end;
  const dated = [...sprints].filter((sprint) => sprint.end !== '').sort((a, b) => (a.end < b.end ? -1 : 1));
  const last = coming.at(-1) ?? dated.at(-1);
  const length = last ? Math.round((fromDay(last.end) - fromDay(last.start)) / DAY_MS) + 1 : options.lengthDays;
  const from = last ? fromDay(last.end) : fromDay(options.today);
  return toDay(from + (k - coming.length) * length * DAY_MS);
}
