/**
 * Property tests: two or three replicas make random edits with random
 * partial syncs in between, then sync fully. Whatever happened, the merged
 * board must be a sane backlog, the same on every replica, and the same
 * again when all updates are replayed shuffled and duplicated.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  MAX_KEY_LENGTH,
  addItem,
  isValidOrderKey,
  itemsMap,
  moveItem,
  moveItems,
  orderedIds,
  orderedItems,
  removeItem,
  updateItem,
  type Place,
} from '../../shared/index.js';

/** A place as drawn: an anchor picked by position at run time, so every operation is valid. */
type PlaceSpec = { side: 'after' | 'before'; pick: number | null };

type Op =
  | { type: 'add'; replica: number; place: PlaceSpec }
  | { type: 'move'; replica: number; pick: number; place: PlaceSpec }
  | { type: 'moveBlock'; replica: number; picks: number[]; place: PlaceSpec }
  | { type: 'rename'; replica: number; pick: number; title: string }
  | { type: 'estimate'; replica: number; pick: number; estimate: number }
  | { type: 'remove'; replica: number; pick: number }
  | { type: 'sync'; from: number; to: number };

const placeSpec = fc.record({
  side: fc.constantFrom<'after' | 'before'>('after', 'before'),
  pick: fc.option(fc.nat(), { nil: null, freq: 4 }),
});

function opArbitrary(replicas: number): fc.Arbitrary<Op> {
  const replica = fc.integer({ min: 0, max: replicas - 1 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ type: fc.constant('add' as const), replica, place: placeSpec }) },
    { weight: 5, arbitrary: fc.record({ type: fc.constant('move' as const), replica, pick: fc.nat(), place: placeSpec }) },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('moveBlock' as const),
        replica,
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        place: placeSpec,
      }),
    },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('rename' as const), replica, pick: fc.nat(), title: fc.string({ maxLength: 12 }) }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('estimate' as const), replica, pick: fc.nat(), estimate: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('remove' as const), replica, pick: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('sync' as const), from: replica, to: replica }) },
  );
}

interface MoveRecord {
  replica: number;
  step: number;
  moved: string[];
  before: string | null;
  after: string | null;
  stateVector: Map<number, number>;
}

interface Written {
  replica: number;
  step: number;
  client: number;
  clock: number;
  /** Items whose order this operation wrote. */
  ordered: Set<string>;
}

function resolvePlace(ids: string[], spec: PlaceSpec, exclude: Set<string>): Place {
  const candidates = ids.filter((id) => !exclude.has(id));
  const anchor = spec.pick === null || candidates.length === 0 ? null : candidates[spec.pick % candidates.length]!;
  return spec.side === 'after' ? { after: anchor } : { before: anchor };
}

function orderSnapshot(doc: Y.Doc): Map<string, unknown> {
  const out = new Map<string, unknown>();
  itemsMap(doc).forEach((item, id) => out.set(id, item.get('order')));
  return out;
}

function run(replicaCount: number, ops: Op[]): void {
  const docs = Array.from({ length: replicaCount }, () => new Y.Doc());
  const emitted: Uint8Array[] = [];
  for (const doc of docs) doc.on('update', (update: Uint8Array) => emitted.push(update));
  const moves: MoveRecord[] = [];
  const writes: Written[] = [];
  /** Last value written per item and field, with the replicas that wrote it. */
  const fieldWrites = new Map<string, { replicas: Set<number>; value: unknown }>();

  const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

  ops.forEach((op, step) => {
    if (op.type === 'sync') {
      if (op.from !== op.to) sync(docs[op.from]!, docs[op.to]!);
      return;
    }
    const doc = docs[op.replica]!;
    const ids = orderedIds(doc);
    const before = orderSnapshot(doc);
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    if (op.type === 'add') {
      addItem(doc, { title: `item ${step}` }, resolvePlace(ids, op.place, new Set()));
    } else {
      if (ids.length === 0) return;
      const target = ids[(op.type === 'moveBlock' ? op.picks[0]! : op.pick) % ids.length]!;
      switch (op.type) {
        case 'move':
        case 'moveBlock': {
          const moved = op.type === 'move' ? [target] : [...new Set(op.picks.map((p) => ids[p % ids.length]!))];
          const place = resolvePlace(ids, op.place, new Set(moved));
          if (op.type === 'move') moveItem(doc, target, place);
          else moveItems(doc, moved, place);
          const now = orderedIds(doc);
          const start = now.indexOf(moved[0]!);
          // Directly after (or before) the anchor, contiguous and in the given order.
          expect(now.slice(start, start + moved.length)).toEqual(moved);
          const anchor = 'after' in place ? place.after : place.before;
          if ('after' in place) expect(start === 0 ? null : now[start - 1]).toBe(anchor);
          else expect(start + moved.length === now.length ? null : now[start + moved.length]).toBe(anchor);
          moves.push({
            replica: op.replica,
            step,
            moved,
            before: start === 0 ? null : now[start - 1]!,
            after: now[start + moved.length] ?? null,
            stateVector: sv,
          });
          break;
        }
        case 'rename':
        case 'estimate': {
          const field = op.type === 'rename' ? 'title' : 'estimate';
          const value = op.type === 'rename' ? op.title : op.estimate;
          updateItem(doc, target, { [field]: value });
          const key = `${target}/${field}`;
          const record = fieldWrites.get(key) ?? { replicas: new Set<number>(), value };
          record.replicas.add(op.replica);
          record.value = value;
          fieldWrites.set(key, record);
          break;
        }
        case 'remove':
          removeItem(doc, target);
          break;
      }
    }
    const after = orderSnapshot(doc);
    const ordered = new Set<string>();
    for (const [id, key] of after) if (before.get(id) !== key) ordered.add(id);
    writes.push({ replica: op.replica, step, client: doc.clientID, clock: Y.getState(doc.store, doc.clientID), ordered });
  });

  // Full sync, twice round so every replica has everything.
  for (let round = 0; round < 2; round++) {
    for (const from of docs) for (const to of docs) if (from !== to) sync(from, to);
  }

  const reference = orderedItems(docs[0]!);
  const referenceIds = reference.map((item) => item.id);
  for (const doc of docs) {
    // Same order and the same content everywhere.
    expect(orderedItems(doc)).toEqual(reference);
  }
  // Every live item exactly once.
  expect(new Set(referenceIds).size).toBe(referenceIds.length);
  expect(new Set(referenceIds)).toEqual(new Set(itemsMap(docs[0]!).keys()));
  // (order, id) strictly increases; keys valid and within the cap.
  for (let i = 1; i < reference.length; i++) {
    const a = reference[i - 1]!;
    const b = reference[i]!;
    expect(a.order < b.order || (a.order === b.order && a.id < b.id)).toBe(true);
  }
  for (const item of reference) {
    expect(isValidOrderKey(item.order)).toBe(true);
    expect(item.order.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
  }

  // A move whose items and neighbours nobody else touched lands between those neighbours.
  const position = new Map(referenceIds.map((id, i) => [id, i]));
  for (const move of moves) {
    const watched = [...move.moved, move.before, move.after].filter((id): id is string => id !== null);
    const touched = writes.some(
      (w) =>
        w.step !== move.step &&
        !(w.step < move.step && (move.stateVector.get(w.client) ?? 0) >= w.clock) &&
        watched.some((id) => w.ordered.has(id)),
    );
    // A removed item or neighbour leaves nothing to compare against.
    if (touched || watched.some((id) => !position.has(id))) continue;
    const first = position.get(move.moved[0]!)!;
    const last = position.get(move.moved.at(-1)!)!;
    if (move.before !== null) expect(position.get(move.before)!).toBeLessThan(first);
    if (move.after !== null) expect(position.get(move.after)!).toBeGreaterThan(last);
    // Items placed in one block stay in their order.
    expect(move.moved.map((id) => position.get(id)!)).toEqual([...move.moved.map((id) => position.get(id)!)].sort((x, y) => x - y));
  }

  // Edits to other fields survive moves: a field only one replica wrote keeps that replica's last value.
  const snapshots = new Map(reference.map((item) => [item.id, item]));
  for (const [key, record] of fieldWrites) {
    const [id, field] = key.split('/') as [string, 'title' | 'estimate'];
    const item = snapshots.get(id);
    if (item === undefined || record.replicas.size !== 1) continue;
    expect(item[field]).toEqual(record.value);
  }

  // Replaying every update, shuffled and duplicated, gives the same board.
  const replay = new Y.Doc();
  const shuffled = [...emitted, ...emitted.filter((_, i) => i % 3 === 0)];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = (i * 7919 + 13) % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  for (const update of shuffled) Y.applyUpdate(replay, update);
  expect(orderedItems(replay)).toEqual(reference);
}

describe('replicas editing concurrently', () => {
  for (const replicas of [2, 3]) {
    it(`converge to one sane backlog (${replicas} replicas)`, () => {
      fc.assert(
        fc.property(fc.array(opArbitrary(replicas), { minLength: 1, maxLength: 60 }), (ops) => run(replicas, ops)),
        { numRuns: 150 },
      );
    });
  }

  it('keep two blocks contiguous when both are moved into the same gap at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }), fc.nat(), (sizeA, sizeB, gapPick) => {
        const a = new Y.Doc();
        const ids = Array.from({ length: sizeA + sizeB + 4 }, (_, i) => addItem(a, { title: `${i}` }));
        const b = new Y.Doc();
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        const blockA = ids.slice(0, sizeA);
        const blockB = ids.slice(sizeA, sizeA + sizeB);
        const rest = ids.slice(sizeA + sizeB);
        const anchor = rest[gapPick % rest.length]!;
        moveItems(a, blockA, { after: anchor });
        moveItems(b, blockB, { after: anchor });
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        const merged = orderedIds(a);
        expect(orderedIds(b)).toEqual(merged);
        for (const block of [blockA, blockB]) {
          const start = merged.indexOf(block[0]!);
          expect(merged.slice(start, start + block.length)).toEqual(block);
        }
      }),
      { numRuns: 300 },
    );
  });
});
