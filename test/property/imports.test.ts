/**
 * Property: however imports of overlapping files interleave with partial
 * syncs on two or three replicas (the same file on two devices at once,
 * one person importing twice while offline), once everything is synced the
 * board holds exactly one item per source key, the same on every replica.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { applyImport, itemsMap, orderedItems, parseImport } from '../../shared/index.js';

const KEYS = Array.from({ length: 8 }, (_, index) => `PAY-${index + 1}`);

/** A Jira export holding some of the issues, with an estimate that may differ between files. */
function jiraFile(keys: string[], points: number): string {
  return ['Summary,Issue key,Issue Type,Custom field (Story Points)', ...keys.map((key) => `Issue ${key},${key},Story,${points}`)].join('\n');
}

type Op =
  | { type: 'import'; replica: number; keys: string[]; points: number; top: boolean }
  | { type: 'sync'; from: number; to: number };

const op = (replicas: number): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({
      type: fc.constant('import' as const),
      replica: fc.nat(replicas - 1),
      keys: fc.subarray(KEYS, { minLength: 1 }),
      points: fc.constantFrom(1, 2, 3, 5, 8),
      top: fc.boolean(),
    }),
    fc.record({ type: fc.constant('sync' as const), from: fc.nat(replicas - 1), to: fc.nat(replicas - 1) }),
  );

describe('concurrent imports', () => {
  it('leave exactly one item per source key after the replicas merge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((replicas) => fc.tuple(fc.constant(replicas), fc.array(op(replicas), { minLength: 1, maxLength: 12 }))),
        ([replicas, ops]) => {
          const docs = Array.from({ length: replicas }, () => new Y.Doc());
          const imported = new Set<string>();
          for (const step of ops) {
            if (step.type === 'import') {
              applyImport(docs[step.replica]!, parseImport(jiraFile(step.keys, step.points)), step.top ? { after: null } : { before: null });
              step.keys.forEach((key) => imported.add(key));
            } else if (step.from !== step.to) {
              Y.applyUpdate(docs[step.to]!, Y.encodeStateAsUpdate(docs[step.from]!, Y.encodeStateVector(docs[step.to]!)));
            }
          }
          for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
          const keys = (doc: Y.Doc) => [...itemsMap(doc).values()].map((item) => (item.get('source') as { key: string }).key).sort();
          expect(keys(docs[0]!)).toEqual([...imported].sort());
          for (const doc of docs.slice(1)) expect(orderedItems(doc)).toEqual(orderedItems(docs[0]!));
        },
      ),
      { numRuns: 150 },
    );
  });
});
