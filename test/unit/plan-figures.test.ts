import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, addPastSprint, orderedItems, readSprints } from '../../shared/index.js';
import { forecastInput, planFigures } from '../../client/planning/planFigures.js';

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
});
