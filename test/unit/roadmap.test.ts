/**
 * The roadmap: themes and epics laid out by the forecast, counted in coming
 * sprints and dated by them, and the Markdown a stakeholder reads.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  addPastSprint,
  assignToSprint,
  comingSprintEnd,
  createSprint,
  forecastBacklog,
  moveItems,
  orderedItems,
  readSprints,
  roadmap,
  roadmapMarkdown,
  roadmapRow,
  seededRandom,
  type ItemSnapshot,
} from '../../shared/index.js';

const TODAY = '2026-11-30';
const OPTIONS = { today: TODAY, lengthDays: 14, isReady: (item: ItemSnapshot) => item.status === 'ready' };

/**
 * A theme with two epics, an epic without a theme, a done epic and an empty
 * one; one past sprint of 10 points that ended the day before today, so the
 * coming sprints end on 13 Dec, 27 Dec, 10 Jan and 24 Jan.
 */
function board() {
  const doc = new Y.Doc();
  const theme = addItem(doc, { title: 'Mobile', kind: 'theme' });
  const offline = addItem(doc, { title: 'Offline', kind: 'epic', parent: theme });
  const payments = addItem(doc, { title: 'Payments', kind: 'epic', parent: theme });
  const search = addItem(doc, { title: 'Search | filters', kind: 'epic' });
  const legacy = addItem(doc, { title: 'Legacy', kind: 'epic', status: 'done' });
  const empty = addItem(doc, { title: 'Empty', kind: 'epic' });
  const a1 = addItem(doc, { title: 'Cache pages', parent: offline, estimate: 5, status: 'done' });
  const a2 = addItem(doc, { title: 'Queue writes', parent: offline, estimate: 3, status: 'ready' });
  const a3 = addItem(doc, { title: 'Sync later', parent: offline, estimate: 8 });
  const b1 = addItem(doc, { title: 'Card form', parent: payments, estimate: 5 });
  const b2 = addItem(doc, { title: 'Receipts', parent: payments, estimate: 5 });
  const c1 = addItem(doc, { title: 'Filter by label', parent: search, estimate: 2 });
  const d1 = addItem(doc, { title: 'Old export', parent: legacy, estimate: 3, status: 'done' });
  // Themes and epics last: the forecast walks the backlog, and they are no work of their own.
  moveItems(doc, [theme, offline, payments, search, legacy, empty], { before: null });
  addPastSprint(doc, { name: 'S0', start: '2026-11-16', end: '2026-11-29', donePoints: 10 });
  return { doc, theme, offline, payments, search, legacy, empty, a1, a2, a3, b1, b2, c1, d1 };
}

/** The forecast planForecast would give at a steady 10 points a sprint (50 %), and a slower 85 % line, by hand. */
function handForecast(ids: ReturnType<typeof board>) {
  // Open stories in order: a2 3, a3 8, b1 5, b2 5, c1 2 → 3, 11, 16, 21, 23 points.
  const likely = new Map<string, number | null>([[ids.a2, 1], [ids.a3, 2], [ids.b1, 2], [ids.b2, 3], [ids.c1, 3]]);
  const safe = new Map<string, number | null>([[ids.a2, 2], [ids.a3, 3], [ids.b1, 3], [ids.b2, 4], [ids.c1, null]]);
  return { likely, safe };
}

describe('the roadmap', () => {
  it('groups epics under their themes, with progress, start, likely and safe sprints and their dates', () => {
    const ids = board();
    const map = roadmap(orderedItems(ids.doc), readSprints(ids.doc), handForecast(ids), OPTIONS);
    expect(map.forecast).toBe(true);
    expect(map.themes.map((theme) => [theme.title, theme.epics.map((epic) => epic.title)])).toEqual([
      ['Mobile', ['Offline', 'Payments']],
      ['No theme', ['Search | filters', 'Empty', 'Legacy']],
    ]);
    const [mobile, none] = map.themes;
    expect(none!.theme).toBeNull();
    // Offline: Queue writes starts at once and is done in sprint 1; Sync later is done in sprint 2.
    expect(mobile!.epics[0]).toMatchObject({
      id: ids.offline,
      state: 'open',
      progress: { items: 3, done: 1, points: 16, donePoints: 5, ready: 1 },
      start: 1,
      likely: 2,
      safe: 3,
      startDate: '2026-11-30',
      likelyDate: '2026-12-27',
      safeDate: '2027-01-10',
    });
    // Payments starts when Sync later, just above it, is likely done: in sprint 2.
    expect(mobile!.epics[1]).toMatchObject({ id: ids.payments, start: 2, likely: 3, safe: 4, startDate: '2026-12-14', likelyDate: '2027-01-10', safeDate: '2027-01-24' });
    // The theme spans its epics.
    expect(mobile!.theme).toMatchObject({ id: ids.theme, start: 1, likely: 3, safe: 4, progress: { points: 26, donePoints: 5 } });
    // Search is likely done in sprint 3, but at 85 % beyond the horizon.
    expect(none!.epics[0]).toMatchObject({ id: ids.search, state: 'open', start: 3, likely: 3, safe: null, likelyDate: '2027-01-10', safeDate: null });
    expect(none!.epics[1]).toMatchObject({ id: ids.empty, state: 'empty', start: null, likely: null, safe: null });
    expect(none!.epics[2]).toMatchObject({ id: ids.legacy, state: 'done', likely: 0, safe: 0, likelyDate: null });
    expect(map.sprints).toEqual([
      { number: 1, name: 'Sprint +1', start: '2026-11-30', end: '2026-12-13' },
      { number: 2, name: 'Sprint +2', start: '2026-12-14', end: '2026-12-27' },
      { number: 3, name: 'Sprint +3', start: '2026-12-28', end: '2027-01-10' },
      { number: 4, name: 'Sprint +4', start: '2027-01-11', end: '2027-01-24' },
    ]);
  });

  it('moves with the backlog: a reorder changes the forecast and the epics’ dates and order', () => {
    const ids = board();
    const at = (doc: Y.Doc) => {
      const items = orderedItems(doc);
      const waiting = items.filter((item) => item.status !== 'done' && item.kind !== 'epic' && item.kind !== 'theme');
      const points = waiting.map((item) => (typeof item.estimate === 'number' ? item.estimate : 0));
      const result = forecastBacklog(points, { velocities: [10], runs: 100, random: seededRandom(1) });
      const toMap = (sprints: (number | null)[]) => new Map(waiting.map((item, index) => [item.id, sprints[index]!]));
      const map = roadmap(items, readSprints(doc), { likely: toMap(result.sprints.get(0.5)!), safe: toMap(result.sprints.get(0.85)!) }, OPTIONS);
      return map.themes[0]!.epics.map((epic) => [epic.title, epic.start, epic.likely, epic.likelyDate]);
    };
    expect(at(ids.doc)).toEqual([
      ['Offline', 1, 2, '2026-12-27'],
      ['Payments', 2, 3, '2027-01-10'],
    ]);
    // Payments' stories above Offline's: Payments first, done in sprint 1; Offline after it.
    moveItems(ids.doc, [ids.b1, ids.b2], { before: ids.a1 });
    expect(at(ids.doc)).toEqual([
      ['Payments', 1, 1, '2026-12-13'],
      ['Offline', 1, 3, '2027-01-10'],
    ]);
  });

  it('counts the forecast from the first open sprint, as the cut lines do, and an item in an open sprint is done with that sprint', () => {
    const ids = board();
    const sprint = createSprint(ids.doc, { name: 'Sprint 5', start: '2026-11-30', end: '2026-12-13' });
    assignToSprint(ids.doc, [ids.a2], sprint, { by: 'Ana' });
    // The forecast of the product backlog, counted from Sprint 5 (coming sprint 1): a3 8, b1 5, b2 5, c1 2 at 10 a
    // sprint, Sprint 5 being full.
    const likely = new Map<string, number | null>([[ids.a3, 2], [ids.b1, 3], [ids.b2, 3], [ids.c1, 4]]);
    const map = roadmap(orderedItems(ids.doc), readSprints(ids.doc), { likely, safe: likely }, OPTIONS);
    expect(map.sprints.slice(0, 2).map((coming) => coming.name)).toEqual(['Sprint 5', 'Sprint +1']);
    // Offline: Queue writes in Sprint 5 (coming sprint 1), Sync later in the first sprint after it.
    expect(map.themes[0]!.epics[0]).toMatchObject({ id: ids.offline, start: 1, likely: 2, likelyDate: '2026-12-27' });
    const row = roadmapRow(orderedItems(ids.doc), readSprints(ids.doc), { likely, safe: likely }, ids.offline, OPTIONS);
    expect(row).toMatchObject({ start: 1, likely: 2, safe: 2 });
  });

  it('says when there is no forecast at all, and gives nothing for an item that groups nothing', () => {
    const ids = board();
    const items = orderedItems(ids.doc);
    const map = roadmap(items, readSprints(ids.doc), null, OPTIONS);
    expect(map.forecast).toBe(false);
    expect(map.themes[0]!.epics[0]).toMatchObject({ state: 'open', likely: null, safe: null, likelyDate: null });
    expect(map.sprints).toEqual([]);
    expect(roadmapRow(items, readSprints(ids.doc), null, ids.a2, OPTIONS)).toBeNull();
  });
});

describe('coming sprint dates', () => {
  it('keep the last sprint’s cadence but end today or later when sprints stopped being entered a while ago', () => {
    const doc = new Y.Doc();
    addPastSprint(doc, { name: 'S0', start: '2026-09-21', end: '2026-10-04', donePoints: 10 });
    // 18 Oct, 1 Nov, 15 Nov and 29 Nov have passed: the first coming sprint ends on 13 Dec.
    expect(comingSprintEnd(readSprints(doc), 1, { today: TODAY, lengthDays: 14 })).toBe('2026-12-13');
    expect(comingSprintEnd(readSprints(doc), 2, { today: TODAY, lengthDays: 14 })).toBe('2026-12-27');
    expect(comingSprintEnd(readSprints(doc), 1, { today: '2026-11-29', lengthDays: 14 })).toBe('2026-11-29');
  });
});

describe('the roadmap in Markdown', () => {
  it('is a table per theme with progress, likely and almost-sure dates, and what the forecast assumes', () => {
    const ids = board();
    const map = roadmap(orderedItems(ids.doc), readSprints(ids.doc), handForecast(ids), OPTIONS);
    const text = roadmapMarkdown(map, { boardName: 'Mobile app', today: TODAY, assumptions: 'From 1 past sprint (10 points); unestimated items count as 3 points.' });
    expect(text).toBe(
      [
        '# Roadmap: Mobile app',
        '',
        'As of 30 Nov 2026. Each date is the end of the sprint an epic is done by: likely (in half of the simulated futures, 50 %) and almost surely (85 %). From 1 past sprint (10 points); unestimated items count as 3 points.',
        '',
        '## Mobile',
        '',
        '5 of 26 points done · 1 ready · likely done by 10 Jan 2027 (85 %: 24 Jan 2027)',
        '',
        '| Epic | Progress | Likely (50 %) | Almost surely (85 %) |',
        '| --- | --- | --- | --- |',
        '| Offline | 5 of 16 points · 1 ready | 27 Dec 2026 (Sprint +2) | 10 Jan 2027 (Sprint +3) |',
        '| Payments | 0 of 10 points · 0 ready | 10 Jan 2027 (Sprint +3) | 24 Jan 2027 (Sprint +4) |',
        '',
        '## No theme',
        '',
        '| Epic | Progress | Likely (50 %) | Almost surely (85 %) |',
        '| --- | --- | --- | --- |',
        '| Search \\| filters | 0 of 2 points · 0 ready | 10 Jan 2027 (Sprint +3) | beyond the horizon |',
        '| Empty | no items yet | – | – |',
        '| Legacy | 3 of 3 points | done | done |',
        '',
      ].join('\n'),
    );
  });
});
