/**
 * Planning-poker rounds. A round belongs to one item and one session:
 *
 *   doc.getMap('grooming').get('rounds')  Y.Map round id -> Y.Map:
 *     sessionId, itemId, number (1 for the first round of an item, 2 for a re-vote, ...)
 *     target          what the round estimates: absent for the estimate, else a prioritization
 *                     input on the relative scale ('businessValue' or 'timeCriticality')
 *     deck            the cards of this round, lowest first
 *     publicKey       the round's ECDH public key (JWK), written by the relay
 *     createdAt
 *     votes           Y.Map voter id -> { name, at, epk, iv, ct }: sealed, changeable until the reveal
 *     -- written by the relay at the reveal:
 *     privateKey      the round's private key (JWK): from now on anyone can open the votes
 *     revealedVotes   the votes as they stood at the reveal; only these count
 *     revealedAt
 *     -- written when the team settles:
 *     accepted, acceptedAt
 *
 * State: voting -> revealed -> accepted. A re-vote is a new round for the
 * same item. A vote that reaches a round after its reveal (cast offline,
 * say) stays in `votes` but is late: it is shown, not counted, and never
 * moves into another round.
 */
import * as Y from 'yjs';
import { itemsMap } from '../board.js';
import { checkEstimateCard } from '../estimates.js';
import { updateItem } from '../items.js';
import { checkPatch, type ItemPatch } from '../schema.js';
import { requireItem } from '../ordering.js';
import { COFFEE_CARD, UNKNOWN_CARD, cardValue } from './decks.js';
import { isSealedVote, openVote, type PrivateKey, type PublicKey, type SealedVote } from './seal.js';
import { groomingMap, runningSessionMap, setCurrentRound, shallowEntries, type Outcome } from './session.js';
import { roundResults, type RoundResults, type Vote } from './stats.js';
import { RELATIVE_SCALE } from '../prioritization/inputs.js';

/** What a round can estimate: the item's estimate (effort), or a value input of WSJF and value/effort. */
export const ROUND_TARGETS = ['estimate', 'businessValue', 'timeCriticality'] as const;
export type RoundTarget = (typeof ROUND_TARGETS)[number];

/** The cards of a value round: the relative scale, and "?" for "cannot say". */
export function valueDeck(): string[] {
  return [...RELATIVE_SCALE.map(String), UNKNOWN_CARD];
}

function readTarget(value: unknown): RoundTarget {
  return typeof value === 'string' && (ROUND_TARGETS as readonly string[]).includes(value) ? (value as RoundTarget) : 'estimate';
}

export type RoundStatus = 'voting' | 'revealed' | 'accepted';

export interface StoredVote extends SealedVote {
  name: string;
  at: number;
}

export interface RoundSnapshot {
  id: string;
  sessionId: string;
  itemId: string;
  number: number;
  /** What the round estimates. */
  target: RoundTarget;
  deck: string[];
  status: RoundStatus;
  publicKey: PublicKey | null;
  privateKey: PrivateKey | null;
  /** Who has voted (never what): voter id -> name. */
  voters: Record<string, string>;
  revealedVotes: Record<string, StoredVote> | null;
  /** Voters whose vote reached the round after the reveal. */
  lateVoters: string[];
  accepted: string | null;
  createdAt: number;
  revealedAt: number | null;
}

/** A stored vote: a sealed vote with the voter's name and time. Checks fields, never recurses. */
function isStoredVote(value: unknown): value is StoredVote {
  if (typeof value !== 'object' || value === null || !isSealedVote(value)) return false;
  const { name, at } = value as Partial<StoredVote>;
  return typeof name === 'string' && typeof at === 'number';
}

function storedVotes(record: Record<string, unknown>): Record<string, StoredVote> {
  const votes: Record<string, StoredVote> = {};
  for (const [voter, vote] of Object.entries(record)) if (isStoredVote(vote)) votes[voter] = vote;
  return votes;
}

export function roundsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  const grooming = groomingMap(doc);
  let rounds = grooming.get('rounds');
  if (!(rounds instanceof Y.Map)) {
    rounds = new Y.Map();
    grooming.set('rounds', rounds);
  }
  return rounds as Y.Map<Y.Map<unknown>>;
}

function requireRound(doc: Y.Doc, roundId: string): Y.Map<unknown> {
  const round = (groomingMap(doc).get('rounds') as Y.Map<Y.Map<unknown>> | undefined)?.get(roundId);
  if (!(round instanceof Y.Map)) throw new Error(`unknown round id ${JSON.stringify(roundId)}`);
  return round;
}

export function roundStatus(round: Y.Map<unknown>): RoundStatus {
  if (typeof round.get('accepted') === 'string') return 'accepted';
  return round.get('privateKey') ? 'revealed' : 'voting';
}

/** Rounds already held for an item in this session. */
function roundsFor(doc: Y.Doc, sessionId: string, itemId: string): number {
  let count = 0;
  roundsMap(doc).forEach((round) => {
    if (round.get('sessionId') === sessionId && round.get('itemId') === itemId) count++;
  });
  return count;
}

/**
 * Opens a round for the session's focus item (the relay does this, since
 * it keeps the private key) and makes it the current round.
 */
export function openRound(doc: Y.Doc, options: { roundId: string; itemId: string; publicKey: PublicKey; deck: string[]; now: number; target?: RoundTarget }): void {
  const session = runningSessionMap(doc);
  requireItem(doc, options.itemId);
  if (!Array.isArray(options.deck) || options.deck.length === 0) throw new Error('a round needs a deck');
  const target = options.target ?? 'estimate';
  if (!(ROUND_TARGETS as readonly string[]).includes(target)) throw new Error(`a round estimates ${ROUND_TARGETS.slice(0, -1).join(', ')} or ${ROUND_TARGETS.at(-1)}; got ${JSON.stringify(target)}`);
  const sessionId = String(session.get('id'));
  doc.transact(() => {
    const round = new Y.Map<unknown>();
    roundsMap(doc).set(options.roundId, round);
    round.set('sessionId', sessionId);
    round.set('itemId', options.itemId);
    round.set('number', roundsFor(doc, sessionId, options.itemId));
    if (target !== 'estimate') round.set('target', target);
    round.set('deck', options.deck);
    round.set('publicKey', options.publicKey);
    round.set('createdAt', options.now);
    round.set('votes', new Y.Map());
    setCurrentRound(session, options.roundId);
  });
}

/** Casts or changes a sealed vote. Allowed until the reveal, as far as this replica knows. */
export function castVote(doc: Y.Doc, roundId: string, voter: { id: string; name: string }, sealed: SealedVote, now: number): void {
  const round = requireRound(doc, roundId);
  if (roundStatus(round) !== 'voting') throw new Error(`round ${JSON.stringify(roundId)} has been revealed; votes can no longer change`);
  if (typeof voter?.id !== 'string' || voter.id === '') throw new Error('a vote needs a voter id');
  if (!isSealedVote(sealed)) throw new Error('a vote must be sealed (see sealVote)');
  const vote: StoredVote = { name: String(voter.name ?? '').slice(0, 64), at: now, epk: sealed.epk, iv: sealed.iv, ct: sealed.ct };
  doc.transact(() => (round.get('votes') as Y.Map<StoredVote>).set(voter.id, vote));
}

/** The relay's half of the reveal: publish the private key and freeze the votes that count. */
export function revealRound(doc: Y.Doc, roundId: string, privateKey: PrivateKey, now: number): void {
  const round = requireRound(doc, roundId);
  if (roundStatus(round) !== 'voting') return;
  doc.transact(() => {
    round.set('revealedVotes', shallowEntries(round.get('votes'), isStoredVote));
    round.set('revealedAt', now);
    round.set('privateKey', privateKey);
  });
}

/** The estimate a card stands for on an item: a number for numeric cards, else the card. */
export function cardEstimate(card: string): number | string {
  return cardValue(card) ?? card;
}

/**
 * Settles a revealed round on `card` and writes it to the item: as its
 * estimate (and the item's outcome becomes "estimated"), or, for a value
 * round, as that prioritization input.
 */
export function acceptRound(doc: Y.Doc, roundId: string, card: string, now: number): void {
  const round = requireRound(doc, roundId);
  if (roundStatus(round) === 'voting') throw new Error(`round ${JSON.stringify(roundId)} is not revealed yet`);
  if (typeof card !== 'string' || card === '' || card === UNKNOWN_CARD || card === COFFEE_CARD) throw new Error(`${JSON.stringify(card)} is not an estimate`);
  const itemId = String(round.get('itemId'));
  const outcomes = runningSessionMap(doc).get('outcomes') as Y.Map<Outcome>;
  const target = readTarget(round.get('target'));
  // Checked before the transaction: a card the item would refuse must not leave the round half settled.
  const context = `acceptRound ${JSON.stringify(roundId)}`;
  const patch: ItemPatch = target === 'estimate' ? { estimate: cardEstimate(card) } : { scoreInputs: { [target]: cardValue(card) ?? Number.NaN } };
  checkPatch(patch, context);
  checkEstimateCard(doc, patch.estimate, context);
  doc.transact(() => {
    round.set('accepted', card);
    round.set('acceptedAt', now);
    if (itemsMap(doc).has(itemId)) {
      updateItem(doc, itemId, patch);
      if (target === 'estimate') outcomes.set(itemId, 'estimated');
    }
  });
}

export function readRound(doc: Y.Doc, roundId: string): RoundSnapshot | null {
  const round = (groomingMap(doc).get('rounds') as Y.Map<Y.Map<unknown>> | undefined)?.get(roundId);
  if (!(round instanceof Y.Map)) return null;
  const votes = shallowEntries(round.get('votes'), isStoredVote);
  const revealedValue = round.get('revealedVotes');
  const revealed = typeof revealedValue === 'object' && revealedValue !== null ? storedVotes(revealedValue as Record<string, unknown>) : null;
  const voters: Record<string, string> = {};
  for (const [id, vote] of Object.entries(votes)) voters[id] = vote?.name ?? 'Someone';
  const lateVoters = revealed ? Object.keys(votes).filter((id) => revealed[id]?.ct !== votes[id]?.ct) : [];
  const deck = round.get('deck');
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    id: roundId,
    sessionId: String(round.get('sessionId') ?? ''),
    itemId: String(round.get('itemId') ?? ''),
    number: number(round.get('number')) ?? 1,
    target: readTarget(round.get('target')),
    deck: Array.isArray(deck) ? deck.map(String) : [],
    status: roundStatus(round),
    publicKey: (round.get('publicKey') as PublicKey | undefined) ?? null,
    privateKey: (round.get('privateKey') as PrivateKey | undefined) ?? null,
    voters,
    revealedVotes: revealed,
    lateVoters,
    accepted: typeof round.get('accepted') === 'string' ? (round.get('accepted') as string) : null,
    createdAt: number(round.get('createdAt')) ?? 0,
    revealedAt: number(round.get('revealedAt')),
  };
}

export interface OpenedRound {
  votes: (Vote & { name: string })[];
  /** Votes that could not be opened (altered, or sealed for another round). */
  unreadable: string[];
  results: RoundResults;
}

/** Opens the votes that count, once the round is revealed. */
export async function openRoundVotes(round: RoundSnapshot): Promise<OpenedRound | null> {
  if (round.privateKey === null || round.revealedVotes === null) return null;
  const votes: (Vote & { name: string })[] = [];
  const unreadable: string[] = [];
  for (const [voter, sealed] of Object.entries(round.revealedVotes)) {
    try {
      const card = await openVote(round.privateKey, sealed, { roundId: round.id, voter });
      votes.push({ voter, card, name: sealed.name });
    } catch {
      unreadable.push(voter);
    }
  }
  return { votes, unreadable, results: roundResults(votes, round.deck) };
}
