/**
 * The relay's role policy (server/update-policy.ts) on boards in memory:
 * members keep every honest edit, and none of the ways around the rule that
 * a review found gets through.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_REQUEST_DESCRIPTION, addItem, answerRequest, castVote, declineRequest, fileRequest, generateRoundKeys, handOff, joinSession, openRound, requestsMap, sealVote, startSession, updateItem, type PublicKey } from '../../shared/index.js';
import { checkUpdate } from '../../server/update-policy.js';
import { craftUpdate } from '../helpers/craft-update.js';

let publicKey: PublicKey;
beforeAll(async () => {
  publicKey = (await generateRoundKeys()).publicKey;
});

/** A board with a running session (facilitated by "fay", joined by "mo") and an open round. */
function board() {
  const doc = new Y.Doc();
  const itemId = addItem(doc, { title: 'story' });
  startSession(doc, { facilitator: { id: 'fay', name: 'Fay' }, agenda: [itemId], now: 1000 });
  joinSession(doc, { id: 'mo', name: 'Mo' }, 'voter');
  openRound(doc, { roundId: 'r1', itemId, publicKey, deck: ['1', '2', '3'], now: 2000 });
  return { doc, itemId };
}

/** The update a member's replica of `doc` produces for `change`. */
function memberEdit(doc: Y.Doc, change: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(replica);
  change(replica);
  return Y.encodeStateAsUpdate(replica, before);
}

const verdict = (doc: Y.Doc, update: Uint8Array, role: 'member' | 'viewer' | 'facilitator' = 'member') => checkUpdate(doc, { role }, Y.decodeUpdate(update)).allowed;

const sessionMap = (doc: Y.Doc) => doc.getMap('grooming').get('session') as Y.Map<unknown>;

describe('the role policy', () => {
  it('lets members make every honest edit, and viewers none', async () => {
    const { doc, itemId } = board();
    const edits = [
      memberEdit(doc, (r) => addItem(r, { title: 'another' })),
      memberEdit(doc, (r) => updateItem(r, itemId, { title: 'renamed', estimate: 3, description: 'why' })),
      memberEdit(doc, (r) => joinSession(r, { id: 'mo', name: 'Mo' }, 'observer')),
    ];
    const sealed = await sealVote(publicKey, '2', { roundId: 'r1', voter: 'mo' });
    edits.push(memberEdit(doc, (r) => castVote(r, 'r1', { id: 'mo', name: 'Mo' }, sealed, 3000)));
    for (const edit of edits) {
      expect(verdict(doc, edit)).toBe(true);
      expect(verdict(doc, edit, 'viewer')).toBe(false);
    }
  });

  it('refuses a member writing the facilitator, the session, the current round or a round key', () => {
    const { doc } = board();
    expect(verdict(doc, memberEdit(doc, (r) => handOff(r, 'mo')))).toBe(false);
    expect(verdict(doc, memberEdit(doc, (r) => handOff(r, 'mo')), 'facilitator')).toBe(true);
    expect(verdict(doc, memberEdit(doc, (r) => r.getMap('grooming').set('session', new Y.Map())))).toBe(false);
    expect(verdict(doc, memberEdit(doc, (r) => sessionMap(r).set('currentRound', 'fake')))).toBe(false);
    const round = (r: Y.Doc) => (r.getMap('grooming').get('rounds') as Y.Map<Y.Map<unknown>>).get('r1')!;
    expect(verdict(doc, memberEdit(doc, (r) => round(r).set('publicKey', { forged: true })))).toBe(false);
    expect(verdict(doc, memberEdit(doc, (r) => round(r).set('privateKey', { forged: true })))).toBe(false);
    expect(verdict(doc, memberEdit(doc, (r) => (r.getMap('grooming').get('rounds') as Y.Map<unknown>).delete('r1')))).toBe(false);
    expect(verdict(doc, memberEdit(doc, (r) => sessionMap(r).delete('facilitator')))).toBe(false);
  });

  it('refuses an update that redefines an id the board has, to hide the key it overwrites', () => {
    const { doc } = board();
    const target = sessionMap(doc)._map.get('facilitator')!.id;
    const forged = craftUpdate([
      { client: target.client, clock: target.clock, items: [{ parentRoot: 'grooming', parentSub: 'harmless', values: ['x'] }] },
      { client: 4242, clock: 0, items: [{ origin: target, values: ['mallory'] }] },
    ]);
    expect(verdict(doc, forged)).toBe(false);
  });

  it('refuses updates that would wait for edits the board does not have yet', () => {
    const { doc } = board();
    const next = { client: doc.clientID, clock: Y.getState(doc.store, doc.clientID) };
    // Deleting the facilitator's future clocks, or anchoring to them: both would land on the next hand-over.
    expect(verdict(doc, craftUpdate([], [{ client: next.client, ranges: [[next.clock, 1_000_000]] }]))).toBe(false);
    expect(verdict(doc, craftUpdate([{ client: 4244, clock: 0, items: [{ origin: next, values: ['mallory'] }] }]))).toBe(false);
    // A gap in the sender's own clocks.
    expect(verdict(doc, craftUpdate([{ client: 4245, clock: 5, items: [{ parentRoot: 'items', parentSub: 'x', values: [1] }] }]))).toBe(false);
  });

  it('checks a large update in about the time Yjs takes to apply it', () => {
    // 16,000 prepends: each item's neighbour is the next one, the shape that once took 20 s to check.
    const source = new Y.Doc();
    const list = source.getArray('a');
    for (let i = 0; i < 16_000; i++) list.insert(0, [i]);
    expect(verdict(new Y.Doc(), Y.encodeStateAsUpdate(source))).toBe(true);
  });
});

describe('the role policy, second review', () => {
  it('refuses a client listed twice (Yjs would apply the second listing, not the one checked)', () => {
    const { doc } = board();
    const facilitator = sessionMap(doc)._map.get('facilitator')!.id;
    const forged = craftUpdate([
      { client: 4242, clock: 0, items: [{ parentRoot: 'junk', parentSub: 'harmless', values: ['x'] }] },
      { client: 4242, clock: 0, items: [{ origin: facilitator, values: ['mallory'] }] },
    ]);
    expect(verdict(doc, forged)).toBe(false);
  });

  it('refuses replacing a round through its key, and overlapping delete ranges', () => {
    const { doc } = board();
    const rounds = doc.getMap('grooming').get('rounds') as Y.Map<unknown>;
    expect(verdict(doc, craftUpdate([{ client: 4545, clock: 0, items: [{ origin: rounds._map.get('r1')!.id, values: ['gone'] }] }]))).toBe(false);
    const item = itemsOf(doc)[0]!;
    const ranges = Array.from({ length: 50 }, (): [number, number] => [item.clock, 1]);
    expect(verdict(doc, craftUpdate([], [{ client: item.client, ranges }]))).toBe(false);
  });

  it('refuses structs under a facilitator’s client id, and references forward within a client', () => {
    const { doc } = board();
    const facilitatorClient = doc.clientID;
    const next = Y.getState(doc.store, facilitatorClient);
    const gc = craftUpdate([{ client: facilitatorClient, clock: next, items: [{ parentRoot: 'items', parentSub: 'z', values: [1] }] }]);
    expect(checkUpdate(doc, { role: 'member', protectedClients: new Set([facilitatorClient]) }, Y.decodeUpdate(gc)).allowed).toBe(false);
    const forward = craftUpdate([{ client: 4646, clock: 0, items: [{ origin: { client: 4646, clock: 1 }, values: [1] }, { parentRoot: 'items', parentSub: 'y', values: [2] }] }]);
    expect(verdict(doc, forward)).toBe(false);
  });

  it('lets members use any label, even one named like a protected key', () => {
    const { doc, itemId } = board();
    for (const label of ['accepted', 'session', 'rounds', 'facilitator', 'publicKey']) {
      expect(verdict(doc, memberEdit(doc, (r) => updateItem(r, itemId, { labels: [label] })))).toBe(true);
    }
  });
});

/** The ids of the board's items (their entries in the items map). */
function itemsOf(doc: Y.Doc): Y.ID[] {
  return [...doc.getMap('items')._map.values()].map((item) => item.id);
}

describe('the role policy on a board just loaded from storage', () => {
  /** The board as the relay holds it after loading its stored state: no accessor has touched a top-level type yet. */
  function loaded(doc: Y.Doc): Y.Doc {
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    return fresh;
  }
  const entry = (type: Y.Map<unknown>, key: string) => type._map.get(key)!.id;
  const groomingOf = (doc: Y.Doc) => doc.getMap('grooming');
  const roundOf = (doc: Y.Doc) => (groomingOf(doc).get('rounds') as Y.Map<Y.Map<unknown>>).get('r1')!;

  /** Each protected place, written by a member as an honest replica would and as a crafted update without a delete set. */
  function attempts(doc: Y.Doc): [string, Uint8Array][] {
    const grooming = groomingOf(doc);
    const session = sessionMap(doc);
    const rounds = grooming.get('rounds') as Y.Map<unknown>;
    const round = roundOf(doc);
    const overwrite = (id: Y.ID) => craftUpdate([{ client: 7070, clock: 0, items: [{ origin: id, values: ['mallory'] }] }]);
    return [
      ['grooming.session, replaced', memberEdit(doc, (r) => groomingOf(r).set('session', new Y.Map()))],
      ['grooming.session, crafted', overwrite(entry(grooming, 'session'))],
      ['grooming.session, by root name', craftUpdate([{ client: 7071, clock: 0, items: [{ parentRoot: 'grooming', parentSub: 'session', values: ['x'] }] }])],
      ['grooming.rounds, replaced', memberEdit(doc, (r) => groomingOf(r).set('rounds', new Y.Map()))],
      ['grooming.rounds, crafted', overwrite(entry(grooming, 'rounds'))],
      ['the facilitator', memberEdit(doc, (r) => handOff(r, 'mo'))],
      ['the facilitator, crafted', overwrite(entry(session, 'facilitator'))],
      ['the current round', memberEdit(doc, (r) => sessionMap(r).set('currentRound', 'fake'))],
      ['the current round, crafted', overwrite(entry(session, 'currentRound'))],
      ['a new round', craftUpdate([{ client: 7072, clock: 0, items: [{ parentId: rounds._item!.id, parentSub: 'r2', values: ['x'] }] }])],
      ['a round, replaced', overwrite(entry(rounds, 'r1'))],
      ["a round's key", memberEdit(doc, (r) => roundOf(r).set('publicKey', { forged: true }))],
      ["a round's key, crafted", overwrite(entry(round, 'publicKey'))],
      ["a round's reveal", craftUpdate([{ client: 7073, clock: 0, items: [{ parentId: round._item!.id, parentSub: 'privateKey', values: ['x'] }] }])],
      ['a round, deleted', memberEdit(doc, (r) => (groomingOf(r).get('rounds') as Y.Map<unknown>).delete('r1'))],
      ['the facilitator, deleted', memberEdit(doc, (r) => sessionMap(r).delete('facilitator'))],
      ['the session, deleted', memberEdit(doc, (r) => groomingOf(r).delete('session'))],
    ];
  }

  it('refuses a member writing or deleting every protected place, whatever the document holds for its top-level types', () => {
    const { doc } = board();
    const tried = attempts(doc);
    expect(tried.filter(([, update]) => verdict(loaded(doc), update)).map(([what]) => what)).toEqual([]);
    expect(tried.filter(([, update]) => !verdict(loaded(doc), update, 'facilitator')).map(([what]) => what)).toEqual([]);
  });

  it('still lets members make honest edits on a board just loaded', async () => {
    const { doc, itemId } = board();
    const sealed = await sealVote(publicKey, '2', { roundId: 'r1', voter: 'mo' });
    for (const edit of [
      memberEdit(doc, (r) => addItem(r, { title: 'another' })),
      memberEdit(doc, (r) => updateItem(r, itemId, { labels: ['session'] })),
      memberEdit(doc, (r) => castVote(r, 'r1', { id: 'mo', name: 'Mo' }, sealed, 3000)),
    ]) {
      expect(verdict(loaded(doc), edit)).toBe(true);
    }
  });
});

describe('structure, for every role', () => {
  /** A chain of maps `depth` deep under `parent`, as one update from a replica of `doc`. */
  const nested = (doc: Y.Doc, at: (r: Y.Doc) => Y.Map<unknown>, depth: number) =>
    memberEdit(doc, (r) =>
      r.transact(() => {
        let map = at(r);
        for (let i = 0; i < depth; i++) {
          const next = new Y.Map<unknown>();
          map.set('d', next);
          map = next;
        }
      }),
    );

  it('refuses shared types nested deeper than the limit, from a facilitator too, and lets the board’s own nesting through', () => {
    const { doc } = board();
    const votes = (r: Y.Doc) => (r.getMap('grooming').get('rounds') as Y.Map<Y.Map<unknown>>).get('r1')!.get('votes') as Y.Map<unknown>;
    for (const role of ['member', 'facilitator'] as const) {
      expect(verdict(doc, nested(doc, votes, 20), role)).toBe(false);
      expect(verdict(doc, nested(doc, (r) => r.getMap('items'), 17), role)).toBe(false);
      expect(verdict(doc, nested(doc, (r) => r.getMap('items'), 8), role)).toBe(true);
    }
  });

  it('refuses deletions of edits the board does not have, from a facilitator too (they would wait and be re-read on every update)', () => {
    const { doc } = board();
    const unknown = Array.from({ length: 1000 }, (_, i) => ({ client: 900_000 + i, ranges: [[0, 5]] as [number, number][] }));
    expect(checkUpdate(doc, { role: 'facilitator' }, Y.decodeUpdate(craftUpdate([], unknown)))).toMatchObject({ allowed: false, breach: 'structure' });
  });
});

describe('the requester policy', () => {
  const requesterVerdict = (doc: Y.Doc, update: Uint8Array) => checkUpdate(doc, { role: 'requester' }, Y.decodeUpdate(update));
  function intakeBoard() {
    const doc = new Y.Doc();
    const itemId = addItem(doc, { title: 'Existing story' });
    const requestId = fileRequest(doc, { title: 'Filed by the team', source: 'internal' }, 1000);
    return { doc, itemId, requestId };
  }
  /** A new request written by hand with whatever entries the test gives. */
  const handmade = (doc: Y.Doc, entries: Record<string, unknown>) =>
    memberEdit(doc, (replica) =>
      replica.transact(() => {
        const request = new Y.Map<unknown>();
        requestsMap(replica).set('handmade', request);
        for (const [key, value] of Object.entries(entries)) request.set(key, value);
      }),
    );

  it('lets a requester file a request and answer a question, as the app writes them', () => {
    const { doc, requestId } = intakeBoard();
    expect(requesterVerdict(doc, memberEdit(doc, (replica) => void fileRequest(replica, { title: 'PDF export', description: 'Monthly', source: 'customer', sourceName: 'Acme', requester: 'Rita', link: 'https://example.com/1' }, 5))).allowed).toBe(true);
    expect(requesterVerdict(doc, memberEdit(doc, (replica) => void answerRequest(replica, requestId, { text: 'All of them', requester: 'Rita' }, 6))).allowed).toBe(true);
    // On a board nobody wrote to yet, too: filing writes nothing else (no schema version).
    const fresh = new Y.Doc();
    expect(requesterVerdict(fresh, memberEdit(fresh, (replica) => void fileRequest(replica, { title: 'First', source: 'other' }, 5))).allowed).toBe(true);
  });

  it('refuses a request that arrives already triaged, holds nested types, unknown fields or oversized text', () => {
    const { doc, itemId } = intakeBoard();
    const base = { title: 'Pay vendor X now', source: 'internal', receivedAt: 5 };
    for (const extra of [
      { 'decision:x': { action: 'merged', itemId, by: 'Paula (PO)', at: 5, replaces: null } },
      { triage: { action: 'declined', reason: 'no', by: 'PO', at: 5 } },
      { nested: new Y.Map() },
      { title: 'x'.repeat(MAX_REQUEST_DESCRIPTION + 1) },
      { sneaky: 'field' },
      { receivedAt: { when: 'now' } },
    ]) {
      const verdict = requesterVerdict(doc, handmade(doc, { ...base, ...extra }));
      expect(verdict, JSON.stringify(Object.keys(extra))).toMatchObject({ allowed: false, breach: 'role' });
    }
  });

  it('refuses the schema version, overwriting or naming an existing request, and writing into one', () => {
    const { doc, requestId } = intakeBoard();
    const fresh = new Y.Doc();
    expect(requesterVerdict(fresh, memberEdit(fresh, (replica) => replica.getMap('meta').set('schemaVersion', 99))).allowed).toBe(false);
    expect(requesterVerdict(doc, memberEdit(doc, (replica) => requestsMap(replica).set(requestId, new Y.Map()))).allowed).toBe(false);
    expect(requesterVerdict(doc, craftUpdate([{ client: 777, clock: 0, items: [{ parentRoot: 'requests', parentSub: requestId, values: ['x'] }] }])).allowed).toBe(false);
    expect(requesterVerdict(doc, memberEdit(doc, (replica) => requestsMap(replica).get(requestId)!.set('title', 'changed'))).allowed).toBe(false);
    expect(requesterVerdict(doc, memberEdit(doc, (replica) => declineRequest(replica, requestId, { reason: 'no', by: 'Rita' }, 9))).allowed).toBe(false);
  });
});
