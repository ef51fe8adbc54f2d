import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptRound,
  valueDeck,
  addItem,
  castVote,
  deckCards,
  endSession,
  generateRoundKeys,
  joinSession,
  openRound,
  openRoundVotes,
  orderedItems,
  readRound,
  readSession,
  remaining,
  revealRound,
  roundResults,
  sealVote,
  openVote,
  sessionSummary,
  setFocus,
  startSession,
  summaryMarkdown,
  updateTimer,
  checkCustomDeck,
  type Vote,
} from '../../shared/index.js';

const T0 = 1_700_000_000_000;
const fib = deckCards({ id: 'fibonacci', unknownCard: true, coffeeCard: true });
const votes = (...cards: string[]): Vote[] => cards.map((card, i) => ({ voter: `v${i}`, card }));

describe('round results', () => {
  it('gives the distribution in deck order, median, mean and agreement', () => {
    const results = roundResults(votes('5', '3', '5', '8', '5'), fib);
    expect(results.distribution).toEqual([
      { card: '3', count: 1 },
      { card: '5', count: 3 },
      { card: '8', count: 1 },
    ]);
    expect(results.median).toBe(5);
    expect(results.mean).toBeCloseTo(5.2);
    expect(results.agreement).toBeCloseTo(0.6);
    expect(results.suggestion).toBe('5');
  });

  it('takes the middle of an even count, and leaves ? and coffee out of the numbers and the agreement', () => {
    const results = roundResults(votes('2', '8', '?', '☕'), fib);
    expect(results.median).toBe(5);
    expect(results.mean).toBe(5);
    expect(results.agreement).toBe(0.5);
    expect(results.distribution.map((d) => d.card)).toEqual(['2', '8', '?', '☕']);
  });

  it('names the lowest and highest voters, and nobody when all agree', () => {
    const results = roundResults(votes('1', '13', '3', '13'), fib);
    expect(results.lowest).toEqual(['v0']);
    expect(results.highest).toEqual(['v1', 'v3']);
    const agreed = roundResults(votes('3', '3'), fib);
    expect([agreed.lowest, agreed.highest, agreed.agreement]).toEqual([[], [], 1]);
  });

  it('suggests the card nearest the median when there is no clear favourite, rounding up', () => {
    expect(roundResults(votes('2', '3', '5', '8'), fib).suggestion).toBe('5');
    expect(roundResults(votes('1', '2'), fib).suggestion).toBe('2');
  });

  it('orders T-shirt sizes by the deck and has no numbers for them', () => {
    const tshirt = deckCards({ id: 'tshirt', unknownCard: false, coffeeCard: false });
    const results = roundResults(votes('M', 'XL', 'S', 'M'), tshirt);
    expect(results.median).toBeNull();
    expect(results.mean).toBeNull();
    expect(results.lowest).toEqual(['v2']);
    expect(results.highest).toEqual(['v1']);
    expect(results.suggestion).toBe('M');
  });

  it('reads ½ as a half in the modified Fibonacci deck', () => {
    const modified = deckCards({ id: 'modified-fibonacci', unknownCard: false, coffeeCard: false });
    expect(roundResults(votes('½', '1'), modified).mean).toBe(0.75);
  });

  it('checks custom decks', () => {
    expect(checkCustomDeck([' tiny ', 'huge'])).toEqual(['tiny', 'huge']);
    expect(() => checkCustomDeck([])).toThrow(/1 to 20 cards/);
    expect(() => checkCustomDeck(['a', 'a'])).toThrow(/twice/);
  });
});

describe('sealed votes', () => {
  it('opens only with the round key, for the round and voter it was sealed for', async () => {
    const keys = await generateRoundKeys();
    const sealed = await sealVote(keys.publicKey, '13', { roundId: 'r1', voter: 'ana' });
    expect(JSON.stringify(sealed)).not.toContain('13"');
    expect(await openVote(keys.privateKey, sealed, { roundId: 'r1', voter: 'ana' })).toBe('13');
    await expect(openVote(keys.privateKey, sealed, { roundId: 'r2', voter: 'ana' })).rejects.toThrow();
    await expect(openVote(keys.privateKey, sealed, { roundId: 'r1', voter: 'ben' })).rejects.toThrow();
    const other = await generateRoundKeys();
    await expect(openVote(other.privateKey, sealed, { roundId: 'r1', voter: 'ana' })).rejects.toThrow();
  });

  it('makes every card the same size on the wire', async () => {
    const keys = await generateRoundKeys();
    const sizes = new Set<number>();
    for (const card of ['0', '100', 'XXL', '☕', 'a much longer card']) {
      sizes.add((await sealVote(keys.publicKey, card, { roundId: 'r', voter: 'v' })).ct.length);
    }
    expect(sizes.size).toBe(1);
  });
});

/** A board with a running session and three items; Ana facilitates. */
function meeting() {
  const doc = new Y.Doc();
  const ids = ['A', 'B', 'C'].map((title) => addItem(doc, { title }));
  startSession(doc, { facilitator: { id: 'ana', name: 'Ana' }, agenda: ids, now: T0 });
  joinSession(doc, { id: 'ben', name: 'Ben' }, 'voter');
  joinSession(doc, { id: 'cat', name: 'Cat' }, 'observer');
  return { doc, ids };
}

async function round(doc: Y.Doc, roundId: string, itemId: string) {
  const keys = await generateRoundKeys();
  openRound(doc, { roundId, itemId, publicKey: keys.publicKey, deck: fib, now: T0 });
  return keys;
}

async function vote(doc: Y.Doc, roundId: string, voter: string, card: string, now = T0) {
  const publicKey = readRound(doc, roundId)!.publicKey!;
  castVote(doc, roundId, { id: voter, name: voter }, await sealVote(publicKey, card, { roundId, voter }), now);
}

describe('the round state machine', () => {
  it('goes voting -> revealed -> accepted, and writes the estimate to the item', async () => {
    const { doc, ids } = meeting();
    const keys = await round(doc, 'r1', ids[0]!);
    expect(readRound(doc, 'r1')).toMatchObject({ status: 'voting', number: 1, privateKey: null });
    await vote(doc, 'r1', 'ana', '5');
    await vote(doc, 'r1', 'ben', '8');
    await vote(doc, 'r1', 'ben', '3'); // changed before the reveal
    expect(Object.keys(readRound(doc, 'r1')!.voters).sort()).toEqual(['ana', 'ben']);
    expect(await openRoundVotes(readRound(doc, 'r1')!)).toBeNull();
    expect(() => acceptRound(doc, 'r1', '5', T0)).toThrow(/not revealed/);

    revealRound(doc, 'r1', keys.privateKey, T0 + 1000);
    const opened = await openRoundVotes(readRound(doc, 'r1')!);
    expect(opened!.votes.map((v) => [v.voter, v.card]).sort()).toEqual([['ana', '5'], ['ben', '3']]);
    expect(opened!.results.median).toBe(4);
    await expect(vote(doc, 'r1', 'ben', '13')).rejects.toThrow(/revealed/);

    acceptRound(doc, 'r1', '5', T0 + 2000);
    expect(readRound(doc, 'r1')!.status).toBe('accepted');
    expect(orderedItems(doc)[0]!.estimate).toBe(5);
    expect(readSession(doc)!.outcomes[ids[0]!]).toBe('estimated');
    expect(() => acceptRound(doc, 'r1', '?', T0)).toThrow(/not an estimate/);
  });

  it('estimates business value in a sealed round, and accepting writes that input, not the estimate', async () => {
    const { doc, ids } = meeting();
    const keys = await generateRoundKeys();
    openRound(doc, { roundId: 'v1', itemId: ids[1]!, publicKey: keys.publicKey, deck: valueDeck(), now: T0, target: 'businessValue' });
    expect(readRound(doc, 'v1')).toMatchObject({ target: 'businessValue', deck: ['1', '2', '3', '5', '8', '13', '20', '?'] });
    await vote(doc, 'v1', 'ana', '8');
    await vote(doc, 'v1', 'ben', '13');
    revealRound(doc, 'v1', keys.privateKey, T0 + 1000);
    expect(() => acceptRound(doc, 'v1', '4', T0)).toThrow(/businessValue must be one of 1, 2, 3, 5, 8, 13, 20/);
    acceptRound(doc, 'v1', '13', T0 + 2000);
    const item = orderedItems(doc)[1]!;
    expect(item.scoreInputs.businessValue).toBe(13);
    expect(item.estimate).toBeNull();
    // Estimating effort is still to do: the item is not marked estimated.
    expect(readSession(doc)!.outcomes[ids[1]!]).toBeUndefined();
    // A round for an estimate says so too.
    await round(doc, 'r2', ids[1]!);
    expect(readRound(doc, 'r2')!.target).toBe('estimate');
    expect(() => openRound(doc, { roundId: 'x', itemId: ids[1]!, publicKey: keys.publicKey, deck: valueDeck(), now: T0, target: 'reach' as never })).toThrow(/a round estimates estimate, businessValue or timeCriticality/);
  });

  it('does not count a vote that reaches the round after its reveal', async () => {
    const { doc, ids } = meeting();
    const keys = await round(doc, 'r1', ids[0]!);
    // Ben votes on a replica that is offline; the reveal happens meanwhile.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(doc));
    await vote(offline, 'r1', 'ben', '21');
    await vote(doc, 'r1', 'ana', '2');
    revealRound(doc, 'r1', keys.privateKey, T0 + 1000);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline));
    const snapshot = readRound(doc, 'r1')!;
    expect(snapshot.lateVoters).toEqual(['ben']);
    expect((await openRoundVotes(snapshot))!.votes.map((v) => v.voter)).toEqual(['ana']);
  });

  it('counts an offline vote that arrives before the reveal', async () => {
    const { doc, ids } = meeting();
    const keys = await round(doc, 'r1', ids[0]!);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(doc));
    await vote(offline, 'r1', 'ben', '8');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline));
    revealRound(doc, 'r1', keys.privateKey, T0 + 1000);
    expect((await openRoundVotes(readRound(doc, 'r1')!))!.votes.map((v) => [v.voter, v.card])).toEqual([['ben', '8']]);
  });

  it('keeps a stale vote for an old round out of the re-vote', async () => {
    const { doc, ids } = meeting();
    const first = await round(doc, 'r1', ids[0]!);
    await vote(doc, 'r1', 'ana', '3');
    revealRound(doc, 'r1', first.privateKey, T0);
    const second = await round(doc, 'r2', ids[0]!);
    expect(readRound(doc, 'r2')!.number).toBe(2);
    expect(readSession(doc)!.currentRound).toBe('r2');
    // A vote meant for r1 cannot go into r2: its seal names r1.
    const stale = await sealVote(readRound(doc, 'r1')!.publicKey!, '21', { roundId: 'r1', voter: 'ben' });
    castVote(doc, 'r2', { id: 'ben', name: 'Ben' }, stale, T0);
    await vote(doc, 'r2', 'ana', '5');
    revealRound(doc, 'r2', second.privateKey, T0);
    const opened = (await openRoundVotes(readRound(doc, 'r2')!))!;
    expect(opened.votes.map((v) => [v.voter, v.card])).toEqual([['ana', '5']]);
    expect(opened.unreadable).toEqual(['ben']);
  });
});

describe('the session', () => {
  it('runs timers on the relay clock, tracks time per item, and summarises the meeting', async () => {
    const { doc, ids } = meeting();
    expect(remaining(readSession(doc)!.itemTimer, T0 + 60_000)).toBe(4 * 60_000);
    updateTimer(doc, 'item', 'pause', T0 + 60_000);
    expect(remaining(readSession(doc)!.itemTimer, T0 + 600_000)).toBe(4 * 60_000);
    updateTimer(doc, 'item', 'add-minute', T0 + 60_000);
    updateTimer(doc, 'item', 'start', T0 + 120_000);
    expect(remaining(readSession(doc)!.itemTimer, T0 + 180_000)).toBe(4 * 60_000);
    expect(() => updateTimer(doc, 'item', 'explode' as never, T0)).toThrow(/timer action/);

    const keys = await round(doc, 'r1', ids[0]!);
    await vote(doc, 'r1', 'ben', '8');
    revealRound(doc, 'r1', keys.privateKey, T0);
    acceptRound(doc, 'r1', '8', T0);
    setFocus(doc, ids[1]!, T0 + 240_000);
    // The item timebox starts again for the new focus, since the meeting clock runs.
    expect(remaining(readSession(doc)!.itemTimer, T0 + 240_000)).toBe(5 * 60_000);
    endSession(doc, T0 + 300_000);
    const summary = sessionSummary(doc, T0 + 300_000)!;
    expect(summary.rows.map((r) => [r.title, r.estimate, r.spentMs, r.rounds, r.outcome])).toEqual([
      ['A', '8', 240_000, 1, 'estimated'],
      ['B', null, 60_000, 0, null],
    ]);
    const markdown = summaryMarkdown(summary, T0 + 300_000);
    expect(markdown).toContain('| 1 | A | 8 | 4:00 | 1 | estimated |');
    expect(markdown).toContain('facilitated by Ana');
    expect(() => setFocus(doc, ids[2]!, T0)).toThrow(/no grooming session/);
  });

  it('refuses a second session and bad arguments, writing nothing', () => {
    const { doc } = meeting();
    const before = Y.encodeStateVector(doc);
    expect(() => startSession(doc, { facilitator: { id: 'ben', name: 'Ben' }, agenda: [], now: T0 })).toThrow(/already running/);
    expect(() => joinSession(doc, { id: 'dan', name: 'Dan' }, 'boss' as never)).toThrow(/role/);
    expect(() => setFocus(doc, 'missing', T0)).toThrow(/"missing"/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('reading a session and its rounds', () => {
  it('never recurses into what a client stored: a 20,000-deep map in a vote or in the time spent does not break the readers', async () => {
    const { generateRoundKeys: keys, openRound: open, readRound: round, readSession: session, startSession: start, addItem: add } = await import('../../shared/index.js');
    const Y = await import('yjs');
    const doc = new Y.Doc();
    const itemId = add(doc, { title: 'story' });
    start(doc, { facilitator: { id: 'fay', name: 'Fay' }, agenda: [itemId], now: 1000 });
    open(doc, { roundId: 'r1', itemId, publicKey: (await keys()).publicKey, deck: ['1', '2'], now: 2000 });
    const grooming = doc.getMap('grooming');
    const votes = (grooming.get('rounds') as InstanceType<typeof Y.Map<InstanceType<typeof Y.Map>>>).get('r1')!.get('votes') as InstanceType<typeof Y.Map>;
    const spent = (grooming.get('session') as InstanceType<typeof Y.Map>).get('spent') as InstanceType<typeof Y.Map>;
    for (const parent of [votes, spent]) {
      doc.transact(() => {
        let map = parent;
        for (let i = 0; i < 20_000; i++) {
          const next = new Y.Map<unknown>();
          map.set(i === 0 ? 'mallory' : 'd', next);
          map = next;
        }
      });
    }
    expect(() => session(doc)).not.toThrow();
    expect(session(doc)!.spent).toEqual({});
    expect(round(doc, 'r1')!.voters).toEqual({});
  });
});
