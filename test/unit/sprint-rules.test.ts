import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, addPastSprint, assignToSprint, closeSprint, createSprint, deleteSprint, orderedItems, readSprints, setSprintExcluded, updateSprint } from '../../shared/index.js';
import { expectRejected } from '../helpers/model.js';

describe('sprint rules found by review', () => {
  it('refuse wrong arguments by name before writing anything', () => {
    const doc = new Y.Doc();
    const sprint = createSprint(doc, { name: 'S1', start: '2026-12-01', end: '2026-12-14' });
    expectRejected(doc, () => closeSprint(doc, sprint, orderedItems(doc), { carryTo: null, by: 123 as unknown as string }), /by must be a string/);
    expectRejected(doc, () => updateSprint(doc, sprint, { state: 'closed' } as never), /unknown field "state"/);
    expectRejected(doc, () => updateSprint(doc, sprint, { start: null } as never), /start cannot be removed/);
    expectRejected(doc, () => createSprint(doc, { name: 'Leap', start: '2026-02-30', end: '2026-03-10' }), /start must be a date as YYYY-MM-DD; got "2026-02-30"/);
    expectRejected(doc, () => addPastSprint(doc, { name: 'Typo', start: '2026-11-01', end: '2026-11-14', donePoints: 1e8 }), /donePoints must be a number of points from 0 to 100000/);
    expectRejected(doc, () => setSprintExcluded(doc, sprint, true), /is not closed/);
    const past = addPastSprint(doc, { name: 'S0', start: '2026-11-01', end: '2026-11-14', donePoints: 20 });
    expectRejected(doc, () => setSprintExcluded(doc, past, 'yes' as unknown as boolean), /excluded must be true or false/);
  });

  it('delete a mistaken sprint, its items back in the product backlog', () => {
    const doc = new Y.Doc();
    const item = addItem(doc, { title: 'Login', estimate: 3 });
    const typo = addPastSprint(doc, { name: 'S2', start: '2026-11-01', end: '2026-11-14', donePoints: 2200 });
    const planned = createSprint(doc, { name: 'Sprint 6', start: '2026-12-01', end: '2026-12-14' });
    assignToSprint(doc, [item], planned, { by: 'Ana' });
    deleteSprint(doc, typo, { by: 'Ana' });
    deleteSprint(doc, planned, { by: 'Bo' });
    expect(readSprints(doc)).toEqual([]);
    expect(orderedItems(doc)[0]).toMatchObject({ sprint: null, sprintBy: 'Bo' });
    expectRejected(doc, () => deleteSprint(doc, planned, { by: 'Bo' }), /unknown sprint id/);
  });

  it('name the person whose assignment won, when one commits an item and another returns it at once', () => {
    for (let run = 0; run < 30; run++) {
      const a = new Y.Doc();
      const item = addItem(a, { title: 'Login' });
      const sprint = createSprint(a, { name: 'S1', start: '2026-12-01', end: '2026-12-14' });
      const b = new Y.Doc();
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      assignToSprint(a, [item], sprint, { by: 'Ana' });
      assignToSprint(b, [item], null, { by: 'Bo' });
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      for (const doc of [a, b]) {
        const { sprint: placed, sprintBy } = orderedItems(doc)[0]!;
        expect(sprintBy).toBe(placed === null ? 'Bo' : 'Ana');
      }
    }
  });
});
