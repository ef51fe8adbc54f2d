import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, dependencyCycles, itemsMap, orderedItems } from '../../shared/index.js';

/** Writes dependency keys directly, as merged concurrent edits can leave them (addDependency would refuse a cycle). */
function graph(edges: [string, string][]): { doc: Y.Doc; id: Map<string, string> } {
  const doc = new Y.Doc();
  const names = [...new Set(edges.flat())];
  const id = new Map(names.map((name) => [name, addItem(doc, { title: name })]));
  for (const [from, to] of edges) itemsMap(doc).get(id.get(from)!)!.set(`dependsOn:${id.get(to)}`, true);
  return { doc, id };
}

describe('dependency cycles', () => {
  it('flag every item that is in a cycle, also one reached only through an item already in another cycle', () => {
    // A and B wait for each other; A → C → B closes a second cycle through C. Ids are random, and so is the
    // order a search meets A's two dependencies in: twenty boards meet both orders.
    for (let board = 0; board < 20; board++) expectAllFlagged();
  });

  function expectAllFlagged() {
    const { doc, id } = graph([['A', 'B'], ['B', 'A'], ['A', 'C'], ['C', 'B']]);
    const cycles = dependencyCycles(orderedItems(doc));
    const flagged = new Set(cycles.flat());
    expect(flagged).toEqual(new Set(['A', 'B', 'C'].map((name) => id.get(name))));
    // Each reported cycle is a real one: every step is a dependency and the last waits for the first.
    const items = new Map(orderedItems(doc).map((item) => [item.id, item]));
    for (const cycle of cycles) cycle.forEach((at, n) => expect(items.get(at)!.dependsOn).toContain(cycle[(n + 1) % cycle.length]));
  }

  it('tell each cycle from the item that comes first in the backlog, whatever the ids', () => {
    for (let board = 0; board < 10; board++) {
      const { doc, id } = graph([['A', 'B'], ['B', 'C'], ['C', 'A']]);
      expect(dependencyCycles(orderedItems(doc))).toEqual([['A', 'B', 'C'].map((name) => id.get(name))]);
    }
  });

  it('leave out items that only wait for a cycle', () => {
    const { doc, id } = graph([['A', 'B'], ['B', 'A'], ['D', 'A']]);
    expect(new Set(dependencyCycles(orderedItems(doc)).flat())).toEqual(new Set([id.get('A'), id.get('B')]));
  });
});
