/**
 * Burn-ups: the facts they rest on (when an item was done, when it entered
 * its sprint, a closed sprint's scope) and the figures drawn from them, on
 * worked examples.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  addPastSprint,
  assignToSprint,
  closeSprint,
  createSprint,
  itemsMap,
  orderedItems,
  readSprints,
  releaseBurnup,
  sprintBurnup,
  startSprint,
  updateItem,
  updateItems,
} from '../../shared/index.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs `write` with the clock at `iso` (UTC). */
function at<T>(iso: string, write: () => T): T {
  vi.setSystemTime(new Date(iso));
  return write();
}
const ms = (iso: string) => Date.parse(iso);
const item = (doc: Y.Doc, id: string) => orderedItems(doc).find((entry) => entry.id === id)!;

describe('the facts a burn-up needs', () => {
  it('doneAt: set when an item becomes done, kept while it stays done, removed when it leaves done', () => {
    const doc = new Y.Doc();
    const id = at('2026-03-02T09:00:00Z', () => addItem(doc, { title: 'Login', estimate: 3 }));
    expect(item(doc, id).doneAt).toBeNull();
    at('2026-03-04T10:00:00Z', () => updateItem(doc, id, { status: 'done' }));
    expect(item(doc, id).doneAt).toBe(ms('2026-03-04T10:00:00Z'));
    // Another edit, or done written again, does not move it.
    at('2026-03-05T10:00:00Z', () => updateItem(doc, id, { title: 'Log in', status: 'done' }));
    expect(item(doc, id).doneAt).toBe(ms('2026-03-04T10:00:00Z'));
    at('2026-03-06T10:00:00Z', () => updateItem(doc, id, { status: 'in-progress' }));
    expect(item(doc, id).doneAt).toBeNull();
    expect(itemsMap(doc).get(id)!.has('doneAt')).toBe(false);
  });

  it('doneAt: a bulk status change and an item made done stamp it too', () => {
    const doc = new Y.Doc();
    const made = at('2026-03-02T09:00:00Z', () => addItem(doc, { title: 'Shipped', status: 'done' }));
    expect(item(doc, made).doneAt).toBe(ms('2026-03-02T09:00:00Z'));
    const ids = ['A', 'B'].map((title) => addItem(doc, { title }));
    at('2026-03-03T12:00:00Z', () => updateItems(doc, [...ids, made], { status: 'done' }));
    expect([...ids, made].map((id) => item(doc, id).doneAt)).toEqual([ms('2026-03-03T12:00:00Z'), ms('2026-03-03T12:00:00Z'), ms('2026-03-02T09:00:00Z')]);
    at('2026-03-04T12:00:00Z', () => updateItems(doc, ids, { status: 'ready' }));
    expect(ids.map((id) => item(doc, id).doneAt)).toEqual([null, null]);
  });

  it('doneAt is read only while the item is done (a concurrent reopen can leave the key behind)', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, { title: 'Login' });
    itemsMap(doc).get(id)!.set('doneAt', 123);
    expect(item(doc, id).doneAt).toBeNull();
    itemsMap(doc).get(id)!.set('status', 'done');
    expect(item(doc, id).doneAt).toBe(123);
  });

  it('sprintAt: when the item entered its sprint (or went back to the backlog), kept when assigned to the same sprint again', () => {
    const doc = new Y.Doc();
    const sprint = createSprint(doc, { name: 'Sprint 1', start: '2026-03-02', end: '2026-03-11' });
    const id = addItem(doc, { title: 'Login' });
    expect(item(doc, id).sprintAt).toBeNull();
    at('2026-03-03T08:00:00Z', () => assignToSprint(doc, [id], sprint, { by: 'Ana' }));
    expect(item(doc, id)).toMatchObject({ sprint, sprintBy: 'Ana', sprintAt: ms('2026-03-03T08:00:00Z') });
    at('2026-03-05T08:00:00Z', () => assignToSprint(doc, [id], sprint, { by: 'Bo' }));
    expect(item(doc, id)).toMatchObject({ sprintBy: 'Bo', sprintAt: ms('2026-03-03T08:00:00Z') });
    at('2026-03-06T08:00:00Z', () => assignToSprint(doc, [id], null, { by: 'Bo' }));
    expect(item(doc, id)).toMatchObject({ sprint: null, sprintAt: ms('2026-03-06T08:00:00Z') });
  });

  it('closeSprint records the scope left in the board’s backlog and when it closed; a past sprint has none', () => {
    const doc = new Y.Doc();
    const past = addPastSprint(doc, { name: 'Before', start: '2026-02-16', end: '2026-03-01', donePoints: 10 });
    const first = createSprint(doc, { name: 'Sprint 1', start: '2026-03-02', end: '2026-03-15' });
    const [old, done, open, , , archived, doneInBacklog] = [
      ['Old', 2],
      ['Done', 5],
      ['Open', 3],
      ['Waiting', 8],
      ['Card', 'M'],
      ['Archived', 2],
      ['Done in the backlog', 4],
    ].map(([title, estimate]) => addItem(doc, { title: title as string, estimate: estimate as number }));
    // A sprint closed before, whose done item stays its history.
    const zero = createSprint(doc, { name: 'Sprint 0', start: '2026-02-02', end: '2026-02-15' });
    assignToSprint(doc, [old!], zero, { by: 'Ana' });
    updateItem(doc, old!, { status: 'done' });
    closeSprint(doc, zero, orderedItems(doc), { carryTo: null, by: 'Ana' });
    assignToSprint(doc, [done!, open!], first, { by: 'Ana' });
    startSprint(doc, first);
    updateItems(doc, [done!, doneInBacklog!], { status: 'done' });
    updateItem(doc, archived!, { archived: true });
    at('2026-03-15T17:00:00Z', () => closeSprint(doc, first, orderedItems(doc), { carryTo: null, by: 'Ana' }));
    const sprints = new Map(readSprints(doc).map((sprint) => [sprint.id, sprint]));
    // Left in the backlog: Open (3, back from the sprint), Waiting (8) and the done Done in the backlog (4); not Old or
    // Done (done in closed sprints: their donePoints), the card (no points) or the archived item.
    expect(sprints.get(first)).toMatchObject({ state: 'closed', donePoints: 5, scopePoints: 15, closedAt: ms('2026-03-15T17:00:00Z') });
    // When Sprint 0 closed: Done, Open, Waiting, Archived (not yet archived) and Done in the backlog (not yet done).
    expect(sprints.get(zero)).toMatchObject({ donePoints: 2, scopePoints: 22 });
    expect(sprints.get(past)).toMatchObject({ donePoints: 10, scopePoints: null, closedAt: null });
  });
});

describe('sprintBurnup', () => {
  /**
   * A 10-day sprint, 2026-03-02 to 2026-03-11, looked at on 2026-03-08:
   *   A 5  committed before the start, done 03-04
   *   B 3  committed at an unknown time (older app), done on the first day
   *   C 8  added 03-05, not done
   *   D M  (a card, no points) added 03-03, done 03-06
   *   H 4  done 03-01, before it was added on 03-06
   *   an archived item and one in another sprint do not count.
   */
  function tenDays() {
    const doc = new Y.Doc();
    const sprint = at('2026-02-20T09:00:00Z', () => createSprint(doc, { name: 'Sprint 7', start: '2026-03-02', end: '2026-03-11' }));
    const other = createSprint(doc, { name: 'Other', start: '2026-03-02', end: '2026-03-11' });
    const add = (title: string, estimate: number | string) => addItem(doc, { title, estimate: estimate as number });
    const [a, b, c, d, h, archived, elsewhere] = [add('A', 5), add('B', 3), add('C', 8), add('D', 'M'), add('H', 4), add('Archived', 13), add('Elsewhere', 20)];
    at('2026-02-27T15:00:00Z', () => assignToSprint(doc, [a!, archived!], sprint, { by: 'Ana' }));
    assignToSprint(doc, [b!], sprint, { by: 'Ana' });
    itemsMap(doc).get(b!)!.delete('sprintAt');
    assignToSprint(doc, [elsewhere!], other, { by: 'Ana' });
    at('2026-03-01T12:00:00Z', () => updateItem(doc, h!, { status: 'done' }));
    at('2026-03-02T16:00:00Z', () => updateItem(doc, b!, { status: 'done' }));
    at('2026-03-03T09:00:00Z', () => assignToSprint(doc, [d!], sprint, { by: 'Bo' }));
    at('2026-03-04T10:00:00Z', () => updateItem(doc, a!, { status: 'done' }));
    at('2026-03-05T23:59:00Z', () => assignToSprint(doc, [c!], sprint, { by: 'Bo' }));
    at('2026-03-06T00:01:00Z', () => assignToSprint(doc, [h!], sprint, { by: 'Bo' }));
    at('2026-03-06T11:00:00Z', () => updateItem(doc, d!, { status: 'done' }));
    updateItem(doc, archived!, { archived: true });
    return { items: orderedItems(doc), sprint: readSprints(doc).find((entry) => entry.id === sprint)! };
  }

  it('gives scope and done by day up to today, unestimated items counted apart, and the ideal line', () => {
    const { items, sprint } = tenDays();
    const burnup = sprintBurnup(items, sprint, { today: '2026-03-08' });
    expect(burnup.days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11']);
    expect(burnup.today).toBe(6);
    expect(burnup.scope).toEqual([8, 8, 8, 16, 20, 20, 20, null, null, null]);
    expect(burnup.done).toEqual([3, 3, 8, 8, 12, 12, 12, null, null, null]);
    expect(burnup.unestimated.scope).toEqual([0, 1, 1, 1, 1, 1, 1, null, null, null]);
    expect(burnup.unestimated.done).toEqual([0, 0, 0, 0, 1, 1, 1, null, null, null]);
    // From nothing to the latest scope by the end of the last day.
    expect(burnup.ideal).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(burnup.latest).toEqual({ day: '2026-03-08', scope: 20, done: 12, unestimated: { scope: 1, done: 1 } });
  });

  it('is empty before the sprint starts and whole after it ends', () => {
    const { items, sprint } = tenDays();
    const before = sprintBurnup(items, sprint, { today: '2026-02-28' });
    expect(before.today).toBeNull();
    expect(before.scope.every((value) => value === null)).toBe(true);
    expect(before.latest).toBeNull();
    const after = sprintBurnup(items, sprint, { today: '2026-04-01' });
    expect(after.today).toBeNull();
    expect(after.scope.at(-1)).toBe(20);
    expect(after.done.at(-1)).toBe(12);
    expect(after.latest).toMatchObject({ day: '2026-03-11', done: 12 });
  });

  it('counts a done item with no doneAt (an older app) from its last edit', () => {
    const doc = new Y.Doc();
    const sprint = createSprint(doc, { name: 'S', start: '2026-03-02', end: '2026-03-04' });
    const id = at('2026-03-01T08:00:00Z', () => addItem(doc, { title: 'Old app', estimate: 2 }));
    at('2026-03-01T08:00:00Z', () => assignToSprint(doc, [id], sprint, { by: 'Ana' }));
    at('2026-03-03T08:00:00Z', () => updateItem(doc, id, { status: 'done' }));
    itemsMap(doc).get(id)!.delete('doneAt');
    const burnup = sprintBurnup(orderedItems(doc), readSprints(doc)[0]!, { today: '2026-03-04' });
    expect(burnup.done).toEqual([0, 2, 2]);
  });
});

describe('releaseBurnup', () => {
  /**
   * Before (past, 10 points, no recorded scope); Sprint 2 closed with 5 done and 16 left in the backlog; Sprint 3
   * active (C 8 open, I 2 done); Sprint 4 planned (D 5); in the backlog B 3, H 4 and a card. Today 2026-02-03.
   */
  function release() {
    const doc = new Y.Doc();
    addPastSprint(doc, { name: 'Before', start: '2026-01-01', end: '2026-01-14', donePoints: 10 });
    const add = (title: string, estimate: number | string) => addItem(doc, { title, estimate: estimate as number });
    const [a, b, c, d] = [add('A', 5), add('B', 3), add('C', 8), add('D', 5)];
    add('E', 'M');
    const f = add('F', 2);
    updateItem(doc, f, { archived: true });
    const s2 = createSprint(doc, { name: 'Sprint 2', start: '2026-01-15', end: '2026-01-28' });
    assignToSprint(doc, [a!, b!], s2, { by: 'Ana' });
    startSprint(doc, s2);
    updateItem(doc, a!, { status: 'done' });
    closeSprint(doc, s2, orderedItems(doc), { carryTo: null, by: 'Ana' });
    const s3 = createSprint(doc, { name: 'Sprint 3', start: '2026-01-29', end: '2026-02-11' });
    const s4 = createSprint(doc, { name: 'Sprint 4', start: '2026-02-12', end: '2026-02-25' });
    add('H', 4);
    const i = add('I', 2);
    assignToSprint(doc, [c!, i], s3, { by: 'Ana' });
    startSprint(doc, s3);
    updateItem(doc, i, { status: 'done' });
    assignToSprint(doc, [d!], s4, { by: 'Ana' });
    return { items: orderedItems(doc), sprints: readSprints(doc) };
  }

  it('gives done and scope per closed sprint, today, then the committed sprints and the forecast range until it meets the scope', () => {
    const { items, sprints } = release();
    const covered = { likely: [5, 10, 15], safe: [3, 6, 9] };
    const burnup = releaseBurnup(sprints, items, covered, { today: '2026-02-03' });
    expect(burnup.points).toEqual([
      // No scope was recorded before the board: the earliest recorded one stands in.
      { label: 'Before', kind: 'closed', done: 10, scope: 31, likely: null, safe: null },
      // 5 + 10 done, and 16 left in the backlog when it closed.
      { label: 'Sprint 2', kind: 'closed', done: 15, scope: 31, likely: null, safe: null },
      // Today: 15 + I's 2; scope 15 done before + B 3, C 8, D 5, H 4, I 2.
      { label: '2026-02-03', kind: 'today', done: 17, scope: 37, likely: 17, safe: 17 },
      // The open sprints' commitments (C 8, then D 5), then the forecast over the product backlog.
      { label: '2026-02-11', kind: 'coming', done: null, scope: 37, likely: 25, safe: 25 },
      { label: '2026-02-25', kind: 'coming', done: null, scope: 37, likely: 30, safe: 30 },
      { label: '2026-03-11', kind: 'coming', done: null, scope: 37, likely: 35, safe: 33 },
      { label: '2026-03-25', kind: 'coming', done: null, scope: 37, likely: 37, safe: 36 },
      { label: '2026-04-08', kind: 'coming', done: null, scope: 37, likely: 37, safe: 37 },
    ]);
    expect(burnup.done).toBe(17);
    expect(burnup.scope).toBe(37);
    expect(burnup.reaches).toEqual({ likely: '2026-03-25', safe: '2026-04-08' });
  });

  it('shows only the open sprints’ commitments without a forecast, and says when the forecast does not reach the scope', () => {
    const { items, sprints } = release();
    const none = releaseBurnup(sprints, items, null, { today: '2026-02-03' });
    expect(none.points.map((point) => [point.kind, point.likely])).toEqual([['closed', null], ['closed', null], ['today', 17], ['coming', 25], ['coming', 30]]);
    expect(none.reaches).toEqual({ likely: null, safe: null });
    const short = releaseBurnup(sprints, items, { likely: [5], safe: [3] }, { today: '2026-02-03' });
    expect(short.points.at(-1)).toMatchObject({ label: '2026-03-11', likely: 35, safe: 33 });
    expect(short.reaches).toEqual({ likely: null, safe: null });
  });

  it('takes today’s scope for a closed sprint when no later one recorded any', () => {
    const doc = new Y.Doc();
    addPastSprint(doc, { name: 'Before', start: '2026-01-01', end: '2026-01-14', donePoints: 10 });
    addItem(doc, { title: 'Left', estimate: 6 });
    expect(releaseBurnup(readSprints(doc), orderedItems(doc), null, { today: '2026-02-03' }).points.map((point) => [point.label, point.done, point.scope])).toEqual([
      ['Before', 10, 16],
      ['2026-02-03', 10, 16],
    ]);
  });

  it('counts epics and themes as no work, as the forecast does (their stories carry it)', () => {
    const { items, sprints } = release();
    const doc = new Y.Doc();
    const epic = addItem(doc, { title: 'Checkout', kind: 'epic', estimate: 40 });
    const theme = addItem(doc, { title: 'Payments', kind: 'theme', estimate: 100, status: 'done' });
    const groups = orderedItems(doc).filter((item) => item.id === epic || item.id === theme);
    const burnup = releaseBurnup(sprints, [...items, ...groups], { likely: [5, 10, 15], safe: [3, 6, 9] }, { today: '2026-02-03' });
    expect([burnup.done, burnup.scope, burnup.reaches.safe]).toEqual([17, 37, '2026-04-08']);
    const sprint = createSprint(doc, { name: 'S', start: '2026-03-02', end: '2026-03-15' });
    assignToSprint(doc, [epic], sprint, { by: 'Ana' });
    startSprint(doc, sprint);
    closeSprint(doc, sprint, orderedItems(doc), { carryTo: null, by: 'Ana' });
    expect(readSprints(doc)[0]!.scopePoints).toBe(0);
  });

  it('shows no more coming sprints than asked', () => {
    const { items, sprints } = release();
    const slow = releaseBurnup(sprints, items, { likely: [1, 2, 3, 4, 5, 6, 7], safe: [1, 2, 3, 4, 5, 6, 7] }, { today: '2026-02-03', maxComing: 4 });
    expect(slow.points.filter((point) => point.kind === 'coming')).toHaveLength(4);
    expect(slow.reaches.safe).toBeNull();
  });
});
