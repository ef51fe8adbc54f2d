import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  sprintDependencyWarnings,
  comingSprintEnd,
  groupForecast,
  groupItems,
  progress,
  addDependency,
  dependencyCycles,
  orderWarnings,
  respectDependencies,
  addItem,
  addPastSprint,
  assignToSprint,
  assumedPoints,
  closeSprint,
  createSprint,
  cutLines,
  forecastBacklog,
  orderedItems,
  pointsPerDay,
  readSprints,
  seededRandom,
  setPersonDays,
  setSprintExcluded,
  sprintCapacity,
  sprintLoad,
  updateItem,
  velocity,
} from '../../shared/index.js';
import { expectRejected } from '../helpers/model.js';

const SPRINT = { name: 'Sprint 1', start: '2026-12-01', end: '2026-12-14' };

describe('sprints', () => {
  it('are planned with a name, goal, dates and capacity, checked before anything is written', () => {
    const doc = new Y.Doc();
    const id = createSprint(doc, { ...SPRINT, goal: 'Pay by card' });
    expect(readSprints(doc)).toMatchObject([{ id, name: 'Sprint 1', goal: 'Pay by card', state: 'planned', capacityPoints: null, focusFactor: 0.8, people: [] }]);
    expectRejected(doc, () => createSprint(doc, { ...SPRINT, end: '2026-11-01' }), /ends \(2026-11-01\) before it starts/);
    expectRejected(doc, () => createSprint(doc, { ...SPRINT, start: '1st of May' }), /start must be a date as YYYY-MM-DD/);
    expectRejected(doc, () => createSprint(doc, { ...SPRINT, focusFactor: 1.5 }), /focusFactor must be above 0 and at most 1/);
  });

  it('have a capacity from people’s days times the focus factor, or entered in points', () => {
    const doc = new Y.Doc();
    const id = createSprint(doc, { ...SPRINT, focusFactor: 0.5 });
    setPersonDays(doc, id, { id: 'ana', name: 'Ana' }, 10);
    setPersonDays(doc, id, { id: 'bo', name: 'Bo' }, 6);
    const sprint = readSprints(doc)[0]!;
    // 16 available days at a focus factor of 0.5: 8 focused days; at 2 points a day, 16 points.
    expect(sprintCapacity(sprint, 2)).toEqual({ days: 8, points: 16 });
    expect(sprintCapacity(sprint, null)).toEqual({ days: 8, points: null });
    expect(sprintCapacity({ ...sprint, capacityPoints: 30 }, 2)).toEqual({ days: 8, points: 30 });
  });

  it('merge: two people entering their days at once both keep theirs', () => {
    const a = new Y.Doc();
    const id = createSprint(a, SPRINT);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setPersonDays(a, id, { id: 'ana', name: 'Ana' }, 9);
    setPersonDays(b, id, { id: 'bo', name: 'Bo' }, 7);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(readSprints(doc)[0]!.people.map((person) => [person.name, person.days])).toEqual([['Ana', 9], ['Bo', 7]]);
  });

  it('hold the items committed to them, with who put them there, and what they add up to', () => {
    const doc = new Y.Doc();
    const id = createSprint(doc, SPRINT);
    const [a, b, c] = ['a', 'b', 'c'].map((title, n) => addItem(doc, { title, ...(n < 2 ? { estimate: n + 3 } : {}) }));
    assignToSprint(doc, [a!, c!], id, { by: 'Ana' });
    expect(orderedItems(doc).map((item) => [item.title, item.sprint === id, item.sprintBy])).toEqual([['a', true, 'Ana'], ['b', false, null], ['c', true, 'Ana']]);
    expect(sprintLoad(orderedItems(doc), id)).toEqual({ points: 3, unestimated: 1, items: 2 });
    assignToSprint(doc, [c!], null, { by: 'Bo' });
    expect(sprintLoad(orderedItems(doc), id)).toEqual({ points: 3, unestimated: 0, items: 1 });
    expectRejected(doc, () => assignToSprint(doc, [b!], 'nope', { by: 'Bo' }), /unknown sprint id "nope"/);
  });

  it('close in one step: done points become the velocity, the rest go back to the top of the backlog or on', () => {
    const doc = new Y.Doc();
    const first = createSprint(doc, SPRINT);
    const next = createSprint(doc, { name: 'Sprint 2', start: '2026-12-15', end: '2026-12-28' });
    addItem(doc, { title: 'waiting in the backlog' });
    const done = addItem(doc, { title: 'done', estimate: 5, status: 'done' });
    const open = addItem(doc, { title: 'unfinished', estimate: 3, status: 'in-progress' });
    assignToSprint(doc, [done, open], first, { by: 'Ana' });
    const result = closeSprint(doc, first, orderedItems(doc), { carryTo: null, by: 'Ana' });
    expect(result).toEqual({ donePoints: 5, carried: [open] });
    expect(readSprints(doc)[0]).toMatchObject({ state: 'closed', donePoints: 5 });
    expect(orderedItems(doc).map((item) => [item.title, item.sprint])).toEqual([['unfinished', null], ['waiting in the backlog', null], ['done', first]]);
    expectRejected(doc, () => closeSprint(doc, first, orderedItems(doc), { carryTo: null, by: 'Ana' }), /already closed/);

    assignToSprint(doc, [open], next, { by: 'Ana' });
    const third = createSprint(doc, { name: 'Sprint 3', start: '2026-12-29', end: '2027-01-11' });
    closeSprint(doc, next, orderedItems(doc), { carryTo: third, by: 'Bo' });
    expect(orderedItems(doc).find((item) => item.id === open)!.sprint).toBe(third);
  });
});

describe('velocity', () => {
  it('comes from the latest closed sprints, leaves out excluded ones, and falls back to the expectation', () => {
    const doc = new Y.Doc();
    expect(velocity(readSprints(doc), 20)).toMatchObject({ mean: 20, basis: 'expected' });
    const ids = [18, 24, 60, 21].map((points, n) => addPastSprint(doc, { name: `S${n + 1}`, start: `2026-0${n + 1}-01`, end: `2026-0${n + 1}-14`, donePoints: points }));
    setSprintExcluded(doc, ids[2]!, true);
    const v = velocity(readSprints(doc), 20);
    expect(v.sprints.map((sprint) => sprint.points)).toEqual([18, 24, 21]);
    expect(v.excluded.map((sprint) => sprint.points)).toEqual([60]);
    expect(v).toMatchObject({ mean: 21, min: 18, max: 24, basis: 'history' });
    expect(velocity(readSprints(doc), null, 2).sprints.map((sprint) => sprint.points)).toEqual([24, 21]);
  });

  it('turns days into points at the rate past sprints achieved', () => {
    const doc = new Y.Doc();
    const id = addPastSprint(doc, { ...SPRINT, donePoints: 24 });
    setPersonDays(doc, id, { id: 'ana', name: 'Ana' }, 10);
    setPersonDays(doc, id, { id: 'bo', name: 'Bo' }, 5);
    // 15 days at the default focus factor of 0.8 = 12 focused days: 2 points a day.
    expect(pointsPerDay(readSprints(doc))).toBe(2);
  });
});

describe('cut lines', () => {
  const items = (points: (number | null)[]) => {
    const doc = new Y.Doc();
    for (const [n, estimate] of points.entries()) addItem(doc, { title: `i${n}`, ...(estimate === null ? {} : { estimate }) });
    return orderedItems(doc);
  };

  it('fall before the first item past each coming sprint, room left carrying on as in the forecast', () => {
    // Sprints of 10 and 8 points: 5 + 3 fit the first; the next 5 passes 10; by the second sprint 18 points are
    // covered: 5, 3 and 2 (up to 18); the last 1 is beyond both.
    expect(cutLines(items([5, 3, 5, 3, 2, 1]), [10, 8], 0)).toEqual([
      { before: 2, sprint: 1 },
      { before: 5, sprint: 2 },
    ]);
  });

  it('count unestimated items as assumed, spill an oversized item into the next sprint, and skip a sprint with no capacity', () => {
    expect(cutLines(items([null, null, null]), [4], 2)).toEqual([{ before: 2, sprint: 1 }]);
    expect(cutLines(items([20, 1]), [10, 10], 0)).toEqual([{ before: 0, sprint: 1 }, { before: 1, sprint: 2 }]);
    expect(cutLines(items([3, 3]), [0, 10], 0)).toEqual([{ before: 0, sprint: 1 }]);
    expect(assumedPoints(items([1, 3, 8, null]), null)).toBe(3);
    expect(assumedPoints(items([1, 3, null]), 5)).toBe(5);
  });
});

describe('the Monte Carlo forecast', () => {
  it('gives a single sprint for every item under a constant velocity', () => {
    const forecast = forecastBacklog([4, 6, 5, 5, 10], { velocities: [10, 10, 10], runs: 2000, random: seededRandom(1) });
    // Cumulative points 4, 10, 15, 20, 30 at 10 a sprint: sprints 1, 1, 2, 2, 3 at any confidence.
    expect(forecast.sprints.get(0.5)).toEqual([1, 1, 2, 2, 3]);
    expect(forecast.sprints.get(0.85)).toEqual([1, 1, 2, 2, 3]);
  });

  it('matches the exact binomial quantiles for a velocity of 5 or 15 points, half the time each', () => {
    // After k sprints the velocity sums to 5k + 10·B with B ~ Binomial(k, 1/2): an item whose backlog prefix holds C
    // points is done by sprint k with probability P(B ≥ (C − 5k) / 10).
    const choose = (n: number, r: number) => {
      let c = 1;
      for (let i = 1; i <= r; i++) c = (c * (n - r + i)) / i;
      return c;
    };
    const doneBy = (k: number, c: number) => {
      const need = Math.max(0, Math.ceil((c - 5 * k) / 10));
      let p = 0;
      for (let b = need; b <= k; b++) p += choose(k, b) / 2 ** k;
      return p;
    };
    const exact = (c: number, q: number) => {
      for (let k = 1; ; k++) if (doneBy(k, c) >= q) return k;
    };
    const points = Array.from({ length: 30 }, () => 7);
    const forecast = forecastBacklog(points, { velocities: [5, 15], runs: 20_000, random: seededRandom(7) });
    let checked = 0;
    for (const q of [0.5, 0.85]) {
      points.forEach((_, i) => {
        const c = 7 * (i + 1);
        const k = exact(c, q);
        // Only where the exact probabilities sit clear of q (Monte Carlo with 20,000 runs is within about 1%).
        if (doneBy(k, c) - q < 0.02 || (k > 1 && q - doneBy(k - 1, c) < 0.02)) return;
        expect(forecast.sprints.get(q)![i], `item ${i} at ${q}`).toBe(k);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('is the same for the same seed, and refuses what it cannot forecast', () => {
    const run = (seed: number) => forecastBacklog([3, 5, 8, 2, 13], { velocities: [8, 12, 20], runs: 500, random: seededRandom(seed) }).sprints.get(0.85);
    expect(run(42)).toEqual(run(42));
    expect(() => forecastBacklog([1], { velocities: [], runs: 10, random: seededRandom(1) })).toThrow(/at least one past velocity/);
    expect(() => forecastBacklog([1], { velocities: [0], runs: 10, random: seededRandom(1), maxSprints: 5 }).sprints.get(0.5)).not.toThrow();
    expect(forecastBacklog([1], { velocities: [0], runs: 10, random: seededRandom(1), maxSprints: 5 }).sprints.get(0.5)).toEqual([null]);
  });

  it('draws the same numbers in bulk as one at a time, so any random source gives the same forecast for the same numbers', () => {
    const single = seededRandom(9);
    const words = new Uint32Array(5);
    const bulk = seededRandom(9);
    bulk.fillWords!(words.subarray(0, 3));
    bulk.fillWords!(words.subarray(3));
    expect([...words]).toEqual(Array.from({ length: 5 }, () => single() * 2 ** 32));
    expect(bulk()).toBe(single());
    // The forecast takes a bulk form when the source has one; a plain function giving the same numbers gives the same forecast.
    const plain = seededRandom(3);
    const options = { velocities: [8, 12, 20, 9], runs: 999 };
    const points = [3, 5, 8, 2, 13, 1, 40, 21];
    expect(forecastBacklog(points, { ...options, random: () => plain() })).toEqual(forecastBacklog(points, { ...options, random: seededRandom(3) }));
  });

  it('simulates only until every confidence covers the whole backlog, and no further than maxSprints', () => {
    // 30 points at 10 a sprint: covered after sprint 3 at any confidence, so no fourth sprint is simulated.
    const steady = forecastBacklog([10, 10, 10], { velocities: [10], runs: 100, random: seededRandom(1) });
    expect(steady.covered.get(0.5)).toEqual([10, 20, 30]);
    expect(steady.covered.get(0.85)).toEqual([10, 20, 30]);
    const capped = forecastBacklog([100], { velocities: [4, 6], runs: 100, random: seededRandom(1), maxSprints: 11 });
    expect(capped.covered.get(0.5)).toHaveLength(11);
    expect(capped.sprints.get(0.5)).toEqual([null]);
  });
});

describe('estimates inside the planning model', () => {
  it('count only numeric estimates as points', () => {
    const doc = new Y.Doc();
    const id = createSprint(doc, SPRINT);
    const card = addItem(doc, { title: 'sized', estimate: 'M' });
    assignToSprint(doc, [card], id, { by: 'Ana' });
    updateItem(doc, card, { status: 'done' });
    expect(closeSprint(doc, id, orderedItems(doc), { carryTo: null, by: 'Ana' }).donePoints).toBe(0);
  });
});

describe('dependencies', () => {
  it('refuse a cycle, naming it, and write nothing', () => {
    const doc = new Y.Doc();
    const [a, b, c] = ['Schema', 'API', 'Screen'].map((title) => addItem(doc, { title }));
    addDependency(doc, c!, b!);
    addDependency(doc, b!, a!);
    expect(orderedItems(doc).find((item) => item.id === c)!.dependsOn).toEqual([b]);
    expectRejected(doc, () => addDependency(doc, a!, c!), /that would make a cycle: “Schema” waits for “Screen” waits for “API” waits for “Schema”/);
    expectRejected(doc, () => addDependency(doc, a!, a!), /cannot depend on itself/);
  });

  it('flag a cycle two people closed at once, and the forecast ignores the edge that closes it', () => {
    const a = new Y.Doc();
    const [x, y] = ['X', 'Y'].map((title) => addItem(a, { title }));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addDependency(a, x!, y!);
    addDependency(b, y!, x!);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(dependencyCycles(orderedItems(doc)).map((cycle) => [...cycle].sort())).toEqual([[x, y].sort()]);
    expect(respectDependencies(orderedItems(a), [1, 2])).toHaveLength(2);
  });

  it('warn about an item ordered above what it waits for, and make the forecast wait too', () => {
    const doc = new Y.Doc();
    const [screen, api, done] = ['Screen', 'API', 'Old'].map((title) => addItem(doc, { title }));
    addDependency(doc, screen!, api!);
    addDependency(doc, screen!, done!);
    updateItem(doc, done!, { status: 'done' });
    const backlog = orderedItems(doc);
    expect(orderWarnings(backlog)).toEqual([{ id: screen, waitsFor: [api] }]);
    // Screen alone would be done in sprint 1, but the API it waits for lands in sprint 3.
    expect(respectDependencies(backlog, [1, 3, 1])).toEqual([3, 3, 1]);
    expect(respectDependencies(backlog, [1, null, 1])).toEqual([null, null, 1]);
  });
});

describe('epics, themes and dates', () => {
  it('count an epic’s and a theme’s progress and forecast over the items under them', () => {
    const doc = new Y.Doc();
    const theme = addItem(doc, { title: 'Improve mobile experience', kind: 'theme' });
    const epic = addItem(doc, { title: 'Offline mode', kind: 'epic', parent: theme });
    const a = addItem(doc, { title: 'Cache pages', parent: epic, estimate: 5, status: 'done' });
    const b = addItem(doc, { title: 'Sync later', parent: epic, estimate: 8, status: 'ready' });
    const c = addItem(doc, { title: 'Smaller app', parent: theme, estimate: 3 });
    const items = orderedItems(doc);
    expect(groupItems(items, epic).map((item) => item.id)).toEqual([a, b]);
    expect(groupItems(items, theme).map((item) => item.id).sort()).toEqual([a, b, c].sort());
    expect(progress(groupItems(items, theme), (item) => item.status === 'ready')).toEqual({ items: 3, done: 1, points: 16, donePoints: 5, ready: 1 });
    const forecast = new Map<string, number | null>([[b, 2], [c, 4]]);
    expect(groupForecast(groupItems(items, epic), forecast)).toBe(2);
    expect(groupForecast(groupItems(items, theme), forecast)).toBe(4);
    expect(groupForecast(groupItems(items, theme), new Map([[b, 2]]))).toBeNull();
  });

  it('date the coming sprints: planned ones by their own dates, then back to back at the last one’s length', () => {
    const doc = new Y.Doc();
    addPastSprint(doc, { name: 'S0', start: '2026-11-16', end: '2026-11-29', donePoints: 20 });
    createSprint(doc, { name: 'S1', start: '2026-11-30', end: '2026-12-13' });
    const sprints = readSprints(doc);
    expect(comingSprintEnd(sprints, 1, { today: '2026-11-30', lengthDays: 14 })).toBe('2026-12-13');
    expect(comingSprintEnd(sprints, 3, { today: '2026-11-30', lengthDays: 14 })).toBe('2027-01-10');
    expect(comingSprintEnd([], 2, { today: '2026-11-30', lengthDays: 14 })).toBe('2026-12-28');
  });
});

describe('dependencies in sprint planning', () => {
  it('warn when an item in a sprint waits for something neither done nor in the same or an earlier sprint', () => {
    const doc = new Y.Doc();
    const first = createSprint(doc, SPRINT);
    const second = createSprint(doc, { name: 'Sprint 2', start: '2026-12-15', end: '2026-12-28' });
    const [screen, api, schema, old] = ['Screen', 'API', 'Schema', 'Old'].map((title) => addItem(doc, { title }));
    addDependency(doc, screen!, api!);
    addDependency(doc, screen!, schema!);
    addDependency(doc, screen!, old!);
    updateItem(doc, old!, { status: 'done' });
    assignToSprint(doc, [screen!, schema!], first, { by: 'Ana' });
    assignToSprint(doc, [api!], second, { by: 'Ana' });
    const warnings = () => sprintDependencyWarnings(orderedItems(doc), readSprints(doc));
    // API is planned for a later sprint; Schema is in the same one; Old is done.
    expect(warnings()).toEqual([{ id: screen, waitsFor: [api] }]);
    assignToSprint(doc, [api!], null, { by: 'Ana' });
    expect(warnings()).toEqual([{ id: screen, waitsFor: [api] }]);
    assignToSprint(doc, [api!], first, { by: 'Ana' });
    expect(warnings()).toEqual([]);
  });
});
