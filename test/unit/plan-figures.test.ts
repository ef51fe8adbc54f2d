import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, addPastSprint, createSprint, orderedItems, readSprints, updateSprint } from '../../shared/index.js';
import { forecastInput, planFigures, planForecast } from '../../client/planning/planFigures.js';

describe('the planning figures', () => {
  it('count the work in stories, not in the epics and themes that group them', () => {
    const doc = new Y.Doc();
    const theme = addItem(doc, { title: 'Mobile', kind: 'theme' });
    const epic = addItem(doc, { title: 'Checkout', kind: 'epic', parent: theme });
    addItem(doc, { title: 'Pay by card', estimate: 5, parent: epic });
    addItem(doc, { title: 'Refunds', estimate: 8, parent: epic });
    addPastSprint(doc, { name: 'S1', start: '2026-11-02', end: '2026-11-15', donePoints: 5 });
    const plan = planFigures(orderedItems(doc), readSprints(doc), { expected: null, unestimated: null });
    expect(plan.waiting.map((item) => item.title)).toEqual(['Pay by card', 'Refunds']);
    expect(forecastInput(plan).items.map((item) => item.points)).toEqual([5, 8]);
    // 5 points a sprint: the first sprint takes Pay by card; Refunds (8) needs two more, so the second ends before it too.
    expect(plan.cutLines.map((line) => [line.name, orderedItems(doc).find((item) => item.id === line.beforeId)!.title])).toEqual([
      ['Sprint +1', 'Refunds'],
      ['Sprint +2', 'Refunds'],
    ]);
  });

  it('agree with the cut lines: the product backlog fills the room left in the open sprints first, and planning an empty sprint delays nothing', () => {
    const doc = new Y.Doc();
    const stories = Array.from({ length: 12 }, (_, n) => addItem(doc, { title: `Story ${n + 1}`, estimate: 5 }));
    for (const [name, end] of [['S1', '2026-11-01'], ['S2', '2026-11-15'], ['S3', '2026-11-29']] as const) addPastSprint(doc, { name, start: '2026-10-19', end, donePoints: 20 });
    const forecastNow = () => planForecast(forecastInput(planFigures(orderedItems(doc), readSprints(doc), { expected: null, unestimated: null })))!;
    const before = forecastNow();
    expect(stories.map((id) => before.likely.get(id))).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    createSprint(doc, { name: 'Sprint 4', start: '2026-11-30', end: '2026-12-13' });
    const plan = planFigures(orderedItems(doc), readSprints(doc), { expected: null, unestimated: null });
    expect(plan.cutLines.map((line) => [line.name, orderedItems(doc).find((item) => item.id === line.beforeId)!.title])).toEqual([
      ['Sprint 4', 'Story 5'],
      ['Sprint +1', 'Story 9'],
    ]);
    const after = forecastNow();
    // Stories 1 to 4 fit in Sprint 4 (coming sprint 1), as its cut line says; the rest by the same velocity after it.
    expect(stories.map((id) => after.likely.get(id))).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    expect(stories.map((id) => after.safe.get(id))).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    // With room for 10 points in Sprint 4, Stories 1 and 2 finish in it, and the rest follow at 20 a sprint.
    const sprint = readSprints(doc).find((entry) => entry.name === 'Sprint 4')!.id;
    updateSprint(doc, sprint, { capacityPoints: 10 });
    expect(stories.map((id) => forecastNow().likely.get(id))).toEqual([1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4]);
  });
});
