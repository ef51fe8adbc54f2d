/**
 * Epics, themes and dates: what the roadmap reads. An epic groups backlog
 * items (their `parent`); a theme groups epics (an epic's `parent` is a
 * theme item). Progress counts numeric estimates; a forecast for a group is
 * the latest forecast of its open items.
 *
 * The roadmap counts in coming sprints: 1 is the first sprint not closed
 * (the open ones first, by start date, then sprints back to back, see
 * comingSprintEnd), and so does the board's forecast: product backlog items
 * fill the room left in the open sprints first, as the cut lines show, then
 * coming sprints of the team's velocity; an item committed to an open sprint
 * is done with that sprint. Each open item then has:
 *   likely, safe   the coming sprint it is done by at 50 % and 85 %
 *                  (null beyond the forecast's horizon, or with no forecast);
 *   start          the sprint work on it begins: the one the open item just
 *                  before it in the backlog is likely done by (the team
 *                  takes the next item then), never after its own likely
 *                  sprint; the first item starts in the first coming sprint. An item that fills its sprint exactly
 *                  makes the next one start a sprint early: a bar is drawn
 *                  a little long rather than too short.
 * An epic (or theme) starts with its earliest open item, is likely and
 * almost surely done with its latest (groupForecast), and is dated by the
 * end of that sprint. It is done when nothing under it is open and
 * something is done (or it is itself marked done); empty when it groups
 * nothing.
 */
import type { ItemSnapshot } from '../snapshot.js';
import { itemPlace, type SprintSnapshot } from './sprints.js';

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
  return itemsUnder(childrenOf(items), groupId);
}

/** Parent id to its items that are not archived, in order. */
function childrenOf(items: readonly ItemSnapshot[]): Map<string, ItemSnapshot[]> {
  const children = new Map<string, ItemSnapshot[]>();
  for (const item of items) {
    if (item.parent === null || item.archived) continue;
    const siblings = children.get(item.parent);
    if (siblings) siblings.push(item);
    else children.set(item.parent, [item]);
  }
  return children;
}

function itemsUnder(children: ReadonlyMap<string, ItemSnapshot[]>, groupId: string): ItemSnapshot[] {
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

/** Sprints not closed, by start date: the first coming sprints. */
function openSprints(sprints: readonly SprintSnapshot[]): SprintSnapshot[] {
  return sprints.filter((sprint) => sprint.state !== 'closed').sort((a, b) => (a.start < b.start ? -1 : 1));
}

/**
 * The end date of the k-th coming sprint (1-based): the planned sprints'
 * own end dates first, then sprints of the last one's length back to back.
 * `lengthDays` is used when no sprint has dates; `today` when none exists.
 * Those back-to-back sprints keep the last one's cadence but the first of
 * them ends today or later: a team that stopped entering sprints a while
 * ago still plans from now.
 */
export function comingSprintEnd(sprints: readonly SprintSnapshot[], k: number, options: { today: string; lengthDays: number }): string {
  const coming = openSprints(sprints);
  if (k <= coming.length) return coming[k - 1]!.end;
  const dated = [...sprints].filter((sprint) => sprint.end !== '').sort((a, b) => (a.end < b.end ? -1 : 1));
  const last = coming.at(-1) ?? dated.at(-1);
  const length = (last ? Math.round((fromDay(last.end) - fromDay(last.start)) / DAY_MS) + 1 : options.lengthDays) * DAY_MS;
  let from = last ? fromDay(last.end) : fromDay(options.today);
  from += Math.max(0, Math.ceil((fromDay(options.today) - from) / length) - 1) * length;
  return toDay(from + (k - coming.length) * length);
}

interface SprintDates {
  end(k: number): string;
  /** The first day: an open sprint's own, else the day after the one before ends. */
  start(k: number): string;
}

/** The coming sprints' dates, each worked out once. */
function sprintDates(sprints: readonly SprintSnapshot[], options: { today: string; lengthDays: number }): SprintDates {
  const ends = new Map<number, string>();
  const coming = openSprints(sprints);
  const end = (k: number) => ends.get(k) ?? ends.set(k, comingSprintEnd(sprints, k, options)).get(k)!;
  return {
    end,
    start(k) {
      if (k <= coming.length) return coming[k - 1]!.start;
      if (k > 1) return toDay(fromDay(end(k - 1)) + DAY_MS);
      return toDay(2 * fromDay(end(1)) - fromDay(end(2)) + DAY_MS);
    },
  };
}

/** The board's forecast: item id to the coming sprint (1: the first open one) it is done by, at 50 % and 85 % (null beyond the horizon); null when there is none. */
export type RoadmapForecast = { likely: ReadonlyMap<string, number | null>; safe: ReadonlyMap<string, number | null> } | null;

export interface RoadmapOptions {
  /** YYYY-MM-DD. */
  today: string;
  /** Sprint length when no sprint has dates. */
  lengthDays: number;
  /** The board's definition of ready, for the progress' ready count. */
  isReady: (item: ItemSnapshot) => boolean;
  /** Coming sprints to list at least (a timeline's columns); 0 by default. */
  minSprints?: number;
}

/** One epic or theme on the roadmap. Sprints are coming sprints (header); dates are YYYY-MM-DD. */
export interface RoadmapRow {
  id: string;
  title: string;
  state: 'open' | 'done' | 'empty';
  progress: Progress;
  /** Null when not known (beyond the horizon, no forecast, or not open); likely and safe are 0 when done. */
  start: number | null;
  likely: number | null;
  safe: number | null;
  startDate: string | null;
  likelyDate: string | null;
  safeDate: string | null;
}

export interface RoadmapTheme {
  /** Null for the epics without a theme ("No theme"). */
  theme: RoadmapRow | null;
  title: string;
  epics: RoadmapRow[];
}

export interface RoadmapSprint {
  number: number;
  /** An open sprint's name, else "Sprint +n" counted after the open ones. */
  name: string;
  start: string;
  end: string;
}

export interface Roadmap {
  /** By when they start and are likely done; done and empty ones after the open ones; "No theme" last. */
  themes: RoadmapTheme[];
  /** Coming sprints 1 to the last one a row reaches (at least minSprints). */
  sprints: RoadmapSprint[];
  /** Whether there was a forecast (past velocities or an expected one) to lay the product backlog out by. */
  forecast: boolean;
}

interface Placed {
  start: Map<string, number | null>;
  likely: Map<string, number | null>;
  safe: Map<string, number | null>;
}

/** Where each open item stands in coming sprints (the header's rules). Items the forecast did not walk are left out. */
function placeItems(items: readonly ItemSnapshot[], sprints: readonly SprintSnapshot[], forecast: RoadmapForecast): Placed {
  const coming = openSprints(sprints);
  const committed = new Map(coming.map((sprint, index) => [sprint.id, index + 1]));
  const byId = new Map(sprints.map((sprint) => [sprint.id, sprint]));
  const placed: Placed = { start: new Map(), likely: new Map(), safe: new Map() };
  const at = (sprint: number | null | undefined) => (sprint === undefined || sprint === null ? null : sprint);
  let previous: number | null = 1;
  for (const item of items) {
    if (item.archived || item.status === 'done') continue;
    const inSprint = committed.get(itemPlace(item, byId));
    if (inSprint !== undefined) {
      for (const map of [placed.start, placed.likely, placed.safe]) map.set(item.id, inSprint);
      continue;
    }
    if (!forecast?.likely.has(item.id)) continue;
    const likely = at(forecast.likely.get(item.id));
    placed.start.set(item.id, likely === null || previous === null ? (previous ?? likely) : Math.min(previous, likely));
    placed.likely.set(item.id, likely);
    placed.safe.set(item.id, at(forecast.safe.get(item.id)));
    previous = likely;
  }
  return placed;
}

function rowOf(group: ItemSnapshot, children: ReadonlyMap<string, ItemSnapshot[]>, placed: Placed, dates: SprintDates, options: RoadmapOptions): RoadmapRow {
  const under = itemsUnder(children, group.id);
  const open = under.filter((item) => item.status !== 'done');
  const state = open.length > 0 ? 'open' : under.length > 0 || group.status === 'done' ? 'done' : 'empty';
  const starts = open.map((item) => placed.start.get(item.id)).filter((sprint): sprint is number => typeof sprint === 'number');
  const sprint = (value: number | null) => (state === 'open' ? value : state === 'done' ? 0 : null);
  const start = state === 'open' && starts.length > 0 ? Math.min(...starts) : null;
  const likely = sprint(groupForecast(under, placed.likely));
  const safe = sprint(groupForecast(under, placed.safe));
  const end = (k: number | null) => (k ? dates.end(k) : null);
  return {
    id: group.id,
    title: group.title,
    state,
    progress: progress(under, options.isReady),
    start,
    likely,
    safe,
    startDate: start === null ? null : dates.start(start),
    likelyDate: end(likely),
    safeDate: end(safe),
  };
}

/** The roadmap figures of one epic or theme (the item panel's line); null for an item that groups nothing and is neither. */
export function roadmapRow(items: readonly ItemSnapshot[], sprints: readonly SprintSnapshot[], forecast: RoadmapForecast, groupId: string, options: RoadmapOptions): RoadmapRow | null {
  const group = items.find((item) => item.id === groupId);
  if (!group || (group.kind !== 'epic' && group.kind !== 'theme' && !items.some((item) => item.parent === groupId && !item.archived))) return null;
  return rowOf(group, childrenOf(items), placeItems(items, sprints, forecast), sprintDates(sprints, options), options);
}

/**
 * Themes with their epics, laid out in coming sprints by the forecast.
 * `items` in backlog order (the order the forecast walked). An epic is an
 * item of the epic kind or any other item, not a theme, that others belong
 * to; its theme is the first theme up its parents.
 */
export function roadmap(items: readonly ItemSnapshot[], sprints: readonly SprintSnapshot[], forecast: RoadmapForecast, options: RoadmapOptions): Roadmap {
  const live = items.filter((item) => !item.archived);
  const byId = new Map(live.map((item) => [item.id, item]));
  const parents = new Set(live.map((item) => item.parent));
  const placed = placeItems(items, sprints, forecast);
  const children = childrenOf(items);
  const dates = sprintDates(sprints, options);
  const position = new Map(items.map((item, index) => [item.id, index]));
  const themeOf = (epic: ItemSnapshot): string | null => {
    const seen = new Set<string>();
    for (let up = epic.parent === null ? undefined : byId.get(epic.parent); up && !seen.has(up.id); up = up.parent === null ? undefined : byId.get(up.parent)) {
      if (up.kind === 'theme') return up.id;
      seen.add(up.id);
    }
    return null;
  };
  const groups = new Map<string | null, RoadmapRow[]>(live.filter((item) => item.kind === 'theme').map((theme) => [theme.id, []]));
  for (const item of live) {
    if (item.kind === 'theme' || (item.kind !== 'epic' && !parents.has(item.id))) continue;
    const theme = themeOf(item);
    const row = rowOf(item, children, placed, dates, options);
    const rows = groups.get(theme);
    if (rows) rows.push(row);
    else groups.set(theme, [row]);
  }
  const rank = { open: 0, empty: 1, done: 2 } as const;
  const key = (row: RoadmapRow) => [rank[row.state], row.start ?? Infinity, row.likely ?? Infinity, row.safe ?? Infinity, position.get(row.id)!];
  const byKey = (a: RoadmapRow, b: RoadmapRow) => {
    const [x, y] = [key(a), key(b)];
    const at = x.findIndex((value, index) => value !== y[index]);
    return at < 0 ? 0 : x[at]! - y[at]!;
  };
  const themes: RoadmapTheme[] = [...groups]
    .filter(([id, epics]) => id !== null || epics.length > 0)
    .map(([id, epics]) => {
      const theme = id === null ? null : rowOf(byId.get(id)!, children, placed, dates, options);
      return { theme, title: theme?.title ?? 'No theme', epics: epics.sort(byKey) };
    })
    .sort((a, b) => (a.theme === null ? 1 : b.theme === null ? -1 : byKey(a.theme, b.theme)));
  const rows = themes.flatMap((theme) => (theme.theme ? [theme.theme, ...theme.epics] : theme.epics));
  const last = Math.max(0, ...rows.flatMap((row) => [row.start, row.likely, row.safe]).filter((sprint): sprint is number => sprint !== null));
  const open = openSprints(sprints);
  const coming = Array.from({ length: Math.max(last, options.minSprints ?? 0) }, (_, index) => ({
    number: index + 1,
    name: open[index]?.name ?? `Sprint +${index + 1 - open.length}`,
    start: dates.start(index + 1),
    end: dates.end(index + 1),
  }));
  return { themes, sprints: coming, forecast: forecast !== null };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A YYYY-MM-DD date as "13 Dec 2026": the same in every locale, for documents and the item panel. */
export function dayText(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${MONTHS[month! - 1]} ${year}`;
}

const pointsText = (points: number) => String(Math.round(points * 10) / 10);

/** "12 of 30 points · 3 ready" ("… points done" with `done`); the ready count only while something is open. */
export function progressText(p: Progress, options: { done?: boolean } = {}): string {
  if (p.items === 0) return 'no items yet';
  const points = `${pointsText(p.donePoints)} of ${pointsText(p.points)} points${options.done ? ' done' : ''}`;
  return p.done === p.items ? points : `${points} · ${p.ready} ready`;
}

/** When a row is done at one confidence, in words: a date, done, beyond the horizon, or no forecast. */
function whenText(row: RoadmapRow, which: 'likely' | 'safe', map: Pick<Roadmap, 'sprints' | 'forecast'>, withSprint: boolean): string {
  if (row.state === 'done') return 'done';
  if (row.state === 'empty') return '–';
  const sprint = row[which];
  const date = row[which === 'likely' ? 'likelyDate' : 'safeDate'];
  if (sprint === null || date === null) return map.forecast ? 'beyond the horizon' : 'no forecast';
  const name = map.sprints[sprint - 1]?.name;
  return withSprint && name ? `${dayText(date)} (${name})` : dayText(date);
}

/** "12 of 30 points done · 3 ready · likely done by 10 Jan 2027 (85 %: 24 Jan 2027)": an epic's or theme's line. */
export function roadmapLine(row: RoadmapRow, map: Pick<Roadmap, 'sprints' | 'forecast'>): string {
  const done = progressText(row.progress, { done: true });
  if (row.state !== 'open') return row.state === 'done' ? `${done} · all done` : done;
  const likely = whenText(row, 'likely', map, false);
  const safe = whenText(row, 'safe', map, false);
  return `${done} · ${row.likely === null ? likely : `likely done by ${likely}`} (85 %: ${safe})`;
}

/** Text people wrote, in a Markdown table cell: markup and the cell separator escaped. */
const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]<>#|])/g, '\\$1');

/** The roadmap as a Markdown document for stakeholders: a table per theme, and what the forecast assumes. */
export function roadmapMarkdown(map: Roadmap, options: { boardName: string; today: string; assumptions: string }): string {
  const name = cell(options.boardName.trim());
  const lines = [
    name ? `# Roadmap: ${name}` : '# Roadmap',
    '',
    `As of ${dayText(options.today)}. Each date is the end of the sprint an epic is done by: likely (in half of the simulated futures, 50 %) and almost surely (85 %). ${options.assumptions}`.trim(),
  ];
  for (const { theme, title, epics } of map.themes) {
    lines.push('', `## ${cell(title)}`, '');
    if (theme) lines.push(roadmapLine(theme, map), '');
    if (epics.length === 0) {
      lines.push('No epics under this theme.');
      continue;
    }
    lines.push('| Epic | Progress | Likely (50 %) | Almost surely (85 %) |', '| --- | --- | --- | --- |');
    for (const epic of epics) lines.push(`| ${cell(epic.title) || 'Untitled'} | ${progressText(epic.progress)} | ${whenText(epic, 'likely', map, true)} | ${whenText(epic, 'safe', map, true)} |`);
  }
  return `${lines.join('\n')}\n`;
}
