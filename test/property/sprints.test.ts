/**
 * Property test of sprint planning: two or three people assign items to
 * sprints, take them out and close sprints, with random partial syncs;
 * once everything is synced, every replica puts every item in the same one
 * place, and no unfinished item is left in a closed sprint.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { addItem, assignToSprint, closeSprint, createSprint, itemPlace, orderedItems, readSprints, updateItem } from '../../shared/index.js';

type Op =
  | { kind: 'assign'; replica: number; items: number[]; sprint: number | null }
  | { kind: 'close'; replica: number; sprint: number; carry: number | null }
  | { kind: 'finish'; replica: number; item: number }
  | { kind: 'sync'; from: number; to: number };

const op = (replicas: number): fc.Arbitrary<Op> => {
  const replica = fc.nat(replicas - 1);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('assign' as const), replica, items: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 3 }), sprint: fc.option(fc.nat(2), { nil: null }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), replica, sprint: fc.nat(2), carry: fc.option(fc.nat(2), { nil: null }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('finish' as const), replica, item: fc.nat(5) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica }) },
  );
};

function places(doc: Y.Doc): [string, string][] {
  const sprints = new Map(readSprints(doc).map((sprint) => [sprint.id, sprint]));
  return orderedItems(doc)
    .map((item): [string, string] => [item.id, itemPlace(item, sprints)])
    .sort();
}

describe('sprint planning under concurrent edits', () => {
  it('keeps every item in exactly one place, the same on every replica', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }).chain((replicas) => fc.tuple(fc.constant(replicas), fc.array(op(replicas), { maxLength: 16 }))), ([replicas, ops]) => {
        const origin = new Y.Doc();
        const items = Array.from({ length: 6 }, (_, n) => addItem(origin, { title: `i${n}`, estimate: n + 1 }));
        const sprints = [0, 1, 2].map((n) => createSprint(origin, { name: `S${n}`, start: `2026-0${n + 1}-01`, end: `2026-0${n + 1}-14` }));
        const docs = Array.from({ length: replicas }, () => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
          return doc;
        });
        for (const step of ops) {
          if (step.kind === 'sync') {
            Y.applyUpdate(docs[step.to]!, Y.encodeStateAsUpdate(docs[step.from]!));
            continue;
          }
          const doc = docs[step.replica]!;
          const closed = new Set(readSprints(doc).filter((sprint) => sprint.state === 'closed').map((sprint) => sprint.id));
          if (step.kind === 'assign') {
            const target = step.sprint === null ? null : sprints[step.sprint]!;
            if (target !== null && closed.has(target)) continue;
            assignToSprint(doc, step.items.map((n) => items[n]!), target, { by: `p${step.replica}` });
          } else if (step.kind === 'finish') {
            updateItem(doc, items[step.item]!, { status: 'done' });
          } else {
            const sprint = sprints[step.sprint]!;
            const carry = step.carry === null ? null : sprints[step.carry]!;
            if (closed.has(sprint) || (carry !== null && (carry === sprint || closed.has(carry)))) continue;
            closeSprint(doc, sprint, orderedItems(doc), { carryTo: carry, by: `p${step.replica}` });
          }
        }
        for (const a of docs) for (const b of docs) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

        const expected = places(docs[0]!);
        expect(expected.map(([id]) => id).sort()).toEqual([...items].sort());
        for (const doc of docs) {
          expect(places(doc)).toEqual(expected);
          const sprintById = new Map(readSprints(doc).map((sprint) => [sprint.id, sprint]));
          for (const item of orderedItems(doc)) {
            const place = itemPlace(item, sprintById);
            if (item.status !== 'done' && place !== 'backlog') expect(sprintById.get(place)!.state).not.toBe('closed');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
