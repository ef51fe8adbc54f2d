/**
 * Property tests of rank-by-score: on random boards (tied and malformed
 * order keys included), with random hand moves between the preview and
 * applying it, every item stays exactly once, items that take no part stay
 * at their index, and the ranked items come out in the preview's order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  RELATIVE_SCALE,
  addItem,
  applyRanking,
  itemsMap,
  moveItem,
  orderedIds,
  rankPreview,
  rankingMovedSince,
  setFramework,
  updateItem,
} from '../../shared/index.js';

const itemSpec = fc.record({
  value: fc.option(fc.constantFrom(...RELATIVE_SCALE), { nil: null, freq: 3 }),
  status: fc.constantFrom('new', 'ready', 'done' as const),
  archived: fc.boolean(),
  rawOrder: fc.option(fc.constantFrom('', 'a0', 'zz!', 'a0'), { nil: null, freq: 4 }),
});

const boardSpec = fc.record({
  items: fc.array(itemSpec, { minLength: 0, maxLength: 25 }),
  handMoves: fc.array(fc.record({ pick: fc.nat(), to: fc.nat() }), { maxLength: 3 }),
  overrideMoved: fc.boolean(),
});

describe('rank by score', () => {
  it('keeps every item once, leaves the others in place, and orders the ranked ones as previewed', () => {
    fc.assert(
      fc.property(boardSpec, ({ items, handMoves, overrideMoved }) => {
        const doc = new Y.Doc();
        setFramework(doc, 'value-effort', true);
        for (const spec of items) {
          const id = addItem(doc, { title: 'x', status: spec.status, archived: spec.archived });
          if (spec.value !== null) updateItem(doc, id, { scoreInputs: { businessValue: spec.value, jobSize: 1 } });
          if (spec.rawOrder !== null) itemsMap(doc).get(id)!.set('order', spec.rawOrder);
        }
        const preview = rankPreview(doc, 'value-effort');
        expect([...preview.proposed].sort()).toEqual([...orderedIds(doc)].sort());
        for (const move of handMoves) {
          const ids = orderedIds(doc);
          if (ids.length < 2) break;
          const id = ids[move.pick % ids.length]!;
          const others = ids.filter((other) => other !== id);
          moveItem(doc, id, { after: others[move.to % others.length]! });
        }
        const movedSince = new Set(rankingMovedSince(doc, preview));
        const before = orderedIds(doc);
        const { kept } = applyRanking(doc, preview, { overrideMoved });
        const after = orderedIds(doc);

        expect([...after].sort()).toEqual([...before].sort());
        const taking = new Set(preview.ranked.filter((id) => overrideMoved || !movedSince.has(id)));
        expect(kept.every((id) => movedSince.has(id) && !taking.has(id))).toBe(true);
        before.forEach((id, at) => {
          if (!taking.has(id)) expect(after[at]).toBe(id);
        });
        expect(after.filter((id) => taking.has(id))).toEqual(preview.ranked.filter((id) => taking.has(id)));
      }),
      { numRuns: 300 },
    );
  });
});
