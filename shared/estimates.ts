/**
 * Which cards a board takes as an estimate. Points are numbers; a card given
 * as text must be one the team estimates with: a T-shirt size, a card of the
 * board's custom deck, or a card of a deck a poker round used. So "banana"
 * or "-3" is refused with a message rather than stored, while a team with
 * its own deck can still accept any of its cards.
 */
import * as Y from 'yjs';
import { metaMap } from './board.js';
import { COFFEE_CARD, DECKS, UNKNOWN_CARD, cardValue } from './grooming/decks.js';

/** Cards that stand for no estimate at all. */
const NOT_ESTIMATES = new Set([UNKNOWN_CARD, COFFEE_CARD]);

function strings(value: unknown): string[] {
  if (value instanceof Y.Array) value = value.toArray();
  return Array.isArray(value) ? value.filter((card): card is string => typeof card === 'string') : [];
}

/** The text cards this board accepts as an estimate, in deck order, without repeats. */
export function estimateCards(doc: Y.Doc): string[] {
  const cards: string[] = [];
  for (const deck of Object.values(DECKS)) cards.push(...deck.cards);
  cards.push(...strings(metaMap(doc).get('customDeck')));
  // Read raw (not through grooming/), which builds on items.ts: no import cycle.
  const grooming = doc.getMap<unknown>('grooming');
  const session = grooming.get('session');
  if (session instanceof Y.Map) {
    const deck = session.get('deck') as { custom?: unknown } | undefined;
    cards.push(...strings(deck?.custom));
  }
  const rounds = grooming.get('rounds');
  if (rounds instanceof Y.Map) rounds.forEach((round) => round instanceof Y.Map && cards.push(...strings(round.get('deck'))));
  return [...new Set(cards)].filter((card) => !NOT_ESTIMATES.has(card) && cardValue(card) === null);
}

/** Throws an Error naming the problem unless `estimate` (already of the right shape) suits this board. */
export function checkEstimateCard(doc: Y.Doc, estimate: unknown, context: string): void {
  if (typeof estimate !== 'string') return;
  const cards = estimateCards(doc);
  if (!cards.includes(estimate)) {
    throw new Error(`${context}: estimate ${JSON.stringify(estimate)} is neither a number of points (0 or more) nor a card of this board's decks (${cards.join(', ')})`);
  }
}
