/**
 * Sprints: the sprint backlog beside the product backlog.
 *
 * Layout:
 *   doc.getMap('sprints')   sprint id -> Y.Map:
 *     name, goal            strings
 *     start, end            dates as 'YYYY-MM-DD' (a sprint is whole days)
 *     state                 'planned' | 'active' | 'closed'
 *     capacityPoints        capacity entered directly in points (absent: from the people below)
 *     focusFactor           the share of a person's available day spent on sprint work (0 to 1)
 *     people                Y.Map person id -> {name, days}: days available in the sprint, each under
 *                           its own key so two people entering their days at once both keep theirs
 *     donePoints            points done, written when the sprint closes (its velocity)
 *     scopePoints           written when it closes: the points left in the board's backlog (the product
 *                           backlog and the open sprints, done or not; archived items, epics and themes
 *                           left out), so a
 *                           release's scope then was the closed sprints' donePoints plus this (burnup.ts)
 *     closedAt              when it was closed (ms)
 *     excluded              true: an unusual sprint left out of the velocity
 *   an item's `sprint`      the id of the sprint it is committed to; absent: the product backlog.
 *                           One key, so two people assigning an item to different sprints at once end
 *                           with one assignment on every replica; `sprintBy` says who made it,
 *                           `sprintAt` when the item entered that sprint (or went back to the backlog).
 *
 * An item keeps its backlog `order` inside a sprint: the sprint backlog is
 * the product backlog's order, filtered. Where an item stands is read by
 * `itemPlace`, which never leaves an unfinished item in a closed sprint.
 */
import * as Y from 'yjs';
import { itemsMap, stampSchema } from '../board.js';
import { newId } from '../ids.js';
import { requireItems } from '../items.js';
import { moveItems } from '../ordering.js';
import { MAX_LABEL_LENGTH, MAX_TITLE_LENGTH, checkLine, checkString } from '../schema.js';
import type { ItemSnapshot } from '../snapshot.js';

export const SPRINT_STATES = ['planned', 'active', 'closed'] as const;
export type SprintState = (typeof SPRINT_STATES)[number];
export const DEFAULT_FOCUS_FACTOR = 0.8;

export interface SprintSnapshot {
  id: string;
  name: string;
  goal: string;
  start: string;
  end: string;
  state: SprintState;
  capacityPoints: number | null;
  focusFactor: number;
  people: { id: string; name: string; days: number }[];
  donePoints: number | null;
  /** Points left in the board's backlog as it closed (see scopeLeft); null: not recorded (a past sprint, an older app). */
  scopePoints: number | null;
  closedAt: number | null;
  excluded: boolean;
}

export interface SprintFields {
  name: string;
  goal?: string;
  start: string;
  end: string;
  capacityPoints?: number | null;
  focusFactor?: number;
}

export function sprintsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('sprints');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(field: string, value: unknown): void {
  // A real day of the calendar: 2026-02-30 parses in some engines, but it does not read back as itself.
  const real = typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!real) throw new Error(`${field} must be a date as YYYY-MM-DD; got ${JSON.stringify(value)}`);
}

/** More points than any team does in a sprint: what keeps a typo from costing the forecast seconds and memory. */
export const MAX_SPRINT_POINTS = 100_000;

function checkPoints(field: string, value: unknown): void {
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_SPRINT_POINTS)) throw new Error(`${field} must be a number of points from 0 to ${MAX_SPRINT_POINTS}; got ${JSON.stringify(value)}`);
}

const SPRINT_FIELDS = ['name', 'goal', 'start', 'end', 'capacityPoints', 'focusFactor'] as const;

function checkFields(fields: Partial<SprintFields>, context: string): void {
  try {
    for (const key of Object.keys(fields)) if (!(SPRINT_FIELDS as readonly string[]).includes(key)) throw new Error(`unknown field ${JSON.stringify(key)}; a sprint has ${SPRINT_FIELDS.join(', ')}`);
    for (const key of ['name', 'start', 'end'] as const) if (key in fields && fields[key] === null) throw new Error(`${key} cannot be removed`);
    if (fields.name !== undefined) {
      checkLine('name', fields.name, MAX_TITLE_LENGTH);
      if (fields.name.trim() === '') throw new Error('a sprint needs a name');
    }
    if (fields.goal !== undefined) checkString('goal', fields.goal, 2_000);
    if (fields.start !== undefined) checkDate('start', fields.start);
    if (fields.end !== undefined) checkDate('end', fields.end);
    if (fields.start !== undefined && fields.end !== undefined && fields.end < fields.start) throw new Error(`the sprint ends (${fields.end}) before it starts (${fields.start})`);
    if (fields.capacityPoints !== undefined && fields.capacityPoints !== null) checkPoints('capacityPoints', fields.capacityPoints);
    if (fields.focusFactor !== undefined && !(Number.isFinite(fields.focusFactor) && fields.focusFactor > 0 && fields.focusFactor <= 1)) throw new Error('focusFactor must be above 0 and at most 1');
  } catch (error) {
    throw new Error(`${context}: ${(error as Error).message}`, { cause: error });
  }
}

function requireSprint(doc: Y.Doc, id: unknown): Y.Map<unknown> {
  const sprint = typeof id === 'string' ? sprintsMap(doc).get(id) : undefined;
  if (!(sprint instanceof Y.Map)) throw new Error(`unknown sprint id ${JSON.stringify(id)}`);
  return sprint;
}

/** Plans a sprint and returns its id. */
export function createSprint(doc: Y.Doc, fields: SprintFields): string {
  checkFields(fields, 'createSprint');
  if (fields.name === undefined || fields.start === undefined || fields.end === undefined) throw new Error('createSprint: a sprint needs a name, a start and an end');
  const id = newId();
  doc.transact(() => {
    stampSchema(doc);
    const sprint = new Y.Map<unknown>();
    sprintsMap(doc).set(id, sprint);
    sprint.set('name', fields.name.trim());
    sprint.set('goal', fields.goal ?? '');
    sprint.set('start', fields.start);
    sprint.set('end', fields.end);
    sprint.set('state', 'planned');
    if (fields.capacityPoints !== undefined && fields.capacityPoints !== null) sprint.set('capacityPoints', fields.capacityPoints);
    sprint.set('focusFactor', fields.focusFactor ?? DEFAULT_FOCUS_FACTOR);
    sprint.set('people', new Y.Map());
  });
  return id;
}

/** Changes a sprint's fields; null clears the capacity entered in points. */
export function updateSprint(doc: Y.Doc, id: string, patch: Partial<SprintFields>): void {
  const sprint = requireSprint(doc, id);
  const current = readSprint(id, sprint);
  // The patch as given first (unknown fields, a date or name removed), then with the dates it leaves in place.
  checkFields(patch, `updateSprint ${JSON.stringify(current.name)}`);
  checkFields({ ...patch, start: patch.start ?? current.start, end: patch.end ?? current.end }, `updateSprint ${JSON.stringify(current.name)}`);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) sprint.delete(key);
      else if (value !== undefined) sprint.set(key, typeof value === 'string' ? value.trim() : value);
    }
  });
}

/** A person's days available in a sprint (0 removes them from its capacity). */
export function setPersonDays(doc: Y.Doc, sprintId: string, person: { id: string; name: string }, days: number): void {
  const sprint = requireSprint(doc, sprintId);
  checkLine('person name', person.name, MAX_LABEL_LENGTH);
  if (typeof person.id !== 'string' || person.id === '') throw new Error('setPersonDays: a person needs an id');
  if (!(Number.isFinite(days) && days >= 0 && days <= 366)) throw new Error(`setPersonDays: days must be a number from 0 to 366; got ${days}`);
  const people = sprint.get('people');
  if (!(people instanceof Y.Map)) throw new Error(`sprint ${JSON.stringify(sprintId)} has no people map`);
  doc.transact(() => {
    if (days === 0) people.delete(person.id);
    else people.set(person.id, { name: person.name, days });
  });
}

/** Commits items to a sprint (or, with null, returns them to the product backlog), noting who did it. */
export function assignToSprint(doc: Y.Doc, ids: string[], sprintId: string | null, options: { by: string }): void {
  const items = requireItems(doc, ids, 'assignToSprint');
  if (sprintId !== null) {
    const sprint = requireSprint(doc, sprintId);
    if (sprint.get('state') === 'closed') throw new Error(`sprint ${JSON.stringify(sprint.get('name'))} is closed`);
  }
  checkLine('by', options.by, MAX_LABEL_LENGTH);
  if (items.length === 0) return;
  const now = Date.now();
  doc.transact(() => {
    for (const item of items) {
      // Assigned again to the sprint it is in, it keeps the time it came in: the sprint's scope grew then.
      if (item.get('sprint') !== (sprintId ?? undefined) || typeof item.get('sprintAt') !== 'number') item.set('sprintAt', now);
      // null rather than a delete: a set and a concurrent set resolve alike on every key, so `sprint` and
      // `sprintBy` always come from the same person; a delete and a set would not.
      item.set('sprint', sprintId);
      item.set('sprintBy', options.by);
    }
  });
}

/** Starts a sprint: it becomes the active one (an active sprint already running is left as it is). */
export function startSprint(doc: Y.Doc, id: string): void {
  const sprint = requireSprint(doc, id);
  if (sprint.get('state') !== 'planned') throw new Error(`sprint ${JSON.stringify(sprint.get('name'))} is not planned`);
  doc.transact(() => sprint.set('state', 'active'));
}

/** Points an item counts for: its estimate when that is a number, else null. */
function pointsOf(item: ItemSnapshot): number | null {
  return typeof item.estimate === 'number' ? item.estimate : null;
}

/**
 * The points (numeric estimates) of the non-archived items in the board's
 * backlog: the product backlog and the open sprints, done or not. Not the
 * done items of closed sprints: those are in their sprints' donePoints. Not
 * epics or themes either, as in the forecast: their stories carry the work.
 */
export function scopeLeft(items: readonly ItemSnapshot[], sprints: ReadonlyMap<string, SprintSnapshot>): number {
  let points = 0;
  for (const item of items) {
    if (item.archived || item.kind === 'epic' || item.kind === 'theme' || sprints.get(itemPlace(item, sprints))?.state === 'closed') continue;
    points += pointsOf(item) ?? 0;
  }
  return points;
}

/**
 * Closes a sprint in one step: the points of its done items become its
 * velocity; its unfinished items go to the top of the product backlog, or
 * into the sprint `carryTo`. It notes the scope left in the board's backlog
 * (scopeLeft, as it stands once closed) and when, for the release burn-up.
 */
export function closeSprint(doc: Y.Doc, id: string, items: readonly ItemSnapshot[], options: { carryTo: string | null; by: string }): { donePoints: number; carried: string[] } {
  const sprint = requireSprint(doc, id);
  if (sprint.get('state') === 'closed') throw new Error(`sprint ${JSON.stringify(sprint.get('name'))} is already closed`);
  checkLine('by', options.by, MAX_LABEL_LENGTH);
  if (options.carryTo !== null) {
    if (options.carryTo === id) throw new Error('closeSprint: unfinished items cannot carry over into the sprint being closed');
    const next = requireSprint(doc, options.carryTo);
    if (next.get('state') === 'closed') throw new Error(`sprint ${JSON.stringify(next.get('name'))} is closed`);
  }
  const inSprint = items.filter((item) => item.sprint === id);
  const done = inSprint.filter((item) => item.status === 'done');
  const unfinished = inSprint.filter((item) => item.status !== 'done' && !item.archived).map((item) => item.id);
  const donePoints = done.reduce((sum, item) => sum + (pointsOf(item) ?? 0), 0);
  const closed = new Map(readSprints(doc).map((entry) => [entry.id, entry.id === id ? { ...entry, state: 'closed' as const } : entry]));
  const scopePoints = scopeLeft(items, closed);
  const now = Date.now();
  doc.transact(() => {
    sprint.set('state', 'closed');
    sprint.set('donePoints', donePoints);
    sprint.set('scopePoints', scopePoints);
    sprint.set('closedAt', now);
    if (unfinished.length === 0) return;
    if (options.carryTo !== null) assignToSprint(doc, unfinished, options.carryTo, { by: options.by });
    else {
      assignToSprint(doc, unfinished, null, { by: options.by });
      moveItems(doc, unfinished, { after: null });
    }
  });
  return { donePoints, carried: unfinished };
}

/** A sprint that happened before the board: its name, end date and points done, for the velocity history. */
export function addPastSprint(doc: Y.Doc, fields: { name: string; start: string; end: string; donePoints: number }): string {
  try {
    checkPoints('donePoints', fields.donePoints);
  } catch (error) {
    throw new Error(`addPastSprint: ${(error as Error).message}`, { cause: error });
  }
  let id = '';
  doc.transact(() => {
    id = createSprint(doc, { name: fields.name, start: fields.start, end: fields.end });
    const sprint = sprintsMap(doc).get(id)!;
    sprint.set('state', 'closed');
    sprint.set('donePoints', fields.donePoints);
  });
  return id;
}

/** Leaves an unusual closed sprint out of the velocity (or takes it back in). */
export function setSprintExcluded(doc: Y.Doc, id: string, excluded: boolean): void {
  const sprint = requireSprint(doc, id);
  if (typeof excluded !== 'boolean') throw new Error(`setSprintExcluded: excluded must be true or false; got ${JSON.stringify(excluded)}`);
  if (sprint.get('state') !== 'closed') throw new Error(`sprint ${JSON.stringify(sprint.get('name'))} is not closed: only a closed sprint counts toward the velocity`);
  doc.transact(() => sprint.set('excluded', excluded));
}

/**
 * Deletes a sprint, a mistaken one (a typo in a past sprint's points, a
 * sprint planned twice): the items committed to it go back to the product
 * backlog in their places; a closed sprint's velocity goes with it.
 */
export function deleteSprint(doc: Y.Doc, id: string, options: { by: string }): void {
  requireSprint(doc, id);
  checkLine('by', options.by, MAX_LABEL_LENGTH);
  doc.transact(() => {
    for (const item of itemsMap(doc).values()) {
      if (item.get('sprint') !== id) continue;
      item.set('sprint', null);
      item.set('sprintBy', options.by);
    }
    sprintsMap(doc).delete(id);
  });
}

function readSprint(id: string, sprint: Y.Map<unknown>): SprintSnapshot {
  const text = (key: string) => (typeof sprint.get(key) === 'string' ? (sprint.get(key) as string) : '');
  const number = (key: string) => (typeof sprint.get(key) === 'number' && Number.isFinite(sprint.get(key)) ? (sprint.get(key) as number) : null);
  const state = sprint.get('state');
  const people: SprintSnapshot['people'] = [];
  const peopleMap = sprint.get('people');
  if (peopleMap instanceof Y.Map) {
    peopleMap.forEach((value, personId) => {
      const { name, days } = (value ?? {}) as { name?: unknown; days?: unknown };
      if (typeof days === 'number' && Number.isFinite(days) && days > 0) people.push({ id: personId, name: typeof name === 'string' ? name : '', days });
    });
  }
  people.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const focus = number('focusFactor');
  return {
    id,
    name: text('name'),
    goal: text('goal'),
    start: text('start'),
    end: text('end'),
    state: (SPRINT_STATES as readonly unknown[]).includes(state) ? (state as SprintState) : 'planned',
    capacityPoints: number('capacityPoints'),
    focusFactor: focus !== null && focus > 0 && focus <= 1 ? focus : DEFAULT_FOCUS_FACTOR,
    people,
    donePoints: number('donePoints'),
    scopePoints: number('scopePoints'),
    closedAt: number('closedAt'),
    excluded: sprint.get('excluded') === true,
  };
}

/**
 * Where an item stands: the sprint it is committed to while that sprint is
 * open; a closed sprint keeps only its done items (they are its history);
 * anything else is in the product backlog. So an item assigned to a sprint
 * at the moment someone else closed it, or to a sprint that was removed,
 * shows in the backlog rather than nowhere.
 */
export function itemPlace(item: ItemSnapshot, sprints: ReadonlyMap<string, SprintSnapshot>): string | 'backlog' {
  const sprint = item.sprint === null ? undefined : sprints.get(item.sprint);
  if (sprint === undefined) return 'backlog';
  if (sprint.state === 'closed' && item.status !== 'done') return 'backlog';
  return sprint.id;
}

/** Every sprint, by start date (then id). */
export function readSprints(doc: Y.Doc): SprintSnapshot[] {
  const out: SprintSnapshot[] = [];
  sprintsMap(doc).forEach((sprint, id) => {
    if (sprint instanceof Y.Map) out.push(readSprint(id, sprint));
  });
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

