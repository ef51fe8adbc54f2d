/**
 * Property test of triage: two or three people triage the same requests at
 * once, with random partial syncs; once everything is synced, every replica
 * shows the same outcome for each request, and the backlog agrees with it
 * (an accepted request is in the backlog exactly once, anything else leaves
 * no item behind; a merge shows on its target only while it stands).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { acceptRequest, addItem, allRequests, declineRequest, fileRequest, mergeRequest, mergedRequests, orderedItems, requestMoreInfo } from '../../shared/index.js';

type Action = { replica: number; request: number; kind: 'accept' | 'merge' | 'ask' | 'decline' } | { sync: [number, number] };

const action = (replicas: number): fc.Arbitrary<Action> =>
  fc.oneof(
    fc.record({ replica: fc.nat(replicas - 1), request: fc.nat(2), kind: fc.constantFrom('accept' as const, 'merge' as const, 'ask' as const, 'decline' as const) }),
    fc.record({ sync: fc.tuple(fc.nat(replicas - 1), fc.nat(replicas - 1)) }),
  );

describe('concurrent triage', () => {
  it('ends with one outcome per request on every replica, and a backlog that agrees with it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }).chain((replicas) => fc.tuple(fc.constant(replicas), fc.array(action(replicas), { maxLength: 14 }))), ([replicas, actions]) => {
        const origin = new Y.Doc();
        const target = addItem(origin, { title: 'Target' });
        const requests = [0, 1, 2].map((n) => fileRequest(origin, { title: `Request ${n}`, source: 'customer' }, n));
        const docs = Array.from({ length: replicas }, () => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
          return doc;
        });
        for (const step of actions) {
          if ('sync' in step) {
            Y.applyUpdate(docs[step.sync[1]]!, Y.encodeStateAsUpdate(docs[step.sync[0]]!));
            continue;
          }
          const doc = docs[step.replica]!;
          const id = requests[step.request]!;
          if (step.kind === 'accept') acceptRequest(doc, id, { by: `p${step.replica}` }, 1);
          if (step.kind === 'merge') mergeRequest(doc, id, target, { by: `p${step.replica}` }, 1);
          if (step.kind === 'ask') requestMoreInfo(doc, id, { question: 'why?', by: `p${step.replica}` }, 1);
          if (step.kind === 'decline') declineRequest(doc, id, { reason: 'no', by: `p${step.replica}` }, 1);
        }
        for (const a of docs) for (const b of docs) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

        const outcomes = allRequests(docs[0]!).map((request) => request.triage);
        for (const doc of docs) {
          expect(allRequests(doc).map((request) => request.triage)).toEqual(outcomes);
          const titles = orderedItems(doc).map((item) => item.title);
          expect(titles.filter((title) => title === 'Target')).toHaveLength(1);
          allRequests(doc).forEach((request, n) => {
            const inBacklog = titles.filter((title) => title === `Request ${n}`).length;
            expect(inBacklog).toBe(request.triage?.action === 'accepted' ? 1 : 0);
          });
          expect(mergedRequests(doc, target).map((request) => request.id)).toEqual(allRequests(doc).filter((request) => request.triage?.action === 'merged').map((request) => request.id));
        }
      }),
      { numRuns: 300 },
    );
  });
});
