/**
 * The results of a revealed round: what the team sees before it discusses
 * and settles on an estimate.
 */
import { COFFEE_CARD, UNKNOWN_CARD, cardValue } from './decks.js';

export interface Vote {
  voter: string;
  card: string;
}

export interface RoundResults {
  /** Votes per card, in deck order (cards nobody played are left out). */
  distribution: { card: string; count: number }[];
  /** Over numeric cards only; null when there are none. */
  median: number | null;
  mean: number | null;
  /** Share (0..1) of the estimating votes on the most common card; '?' and coffee are not estimates. */
  agreement: number;
  /** Voters of the lowest and the highest card, when those differ: they explain first. */
  lowest: string[];
  highest: string[];
  /** A card to start the discussion from: the clear favourite, else the card nearest the median. */
  suggestion: string | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Results over `votes`, with `deck` giving the order of cards (lowest first). */
export function roundResults(votes: Vote[], deck: string[]): RoundResults {
  const rank = (card: string) => {
    const index = deck.indexOf(card);
    return index < 0 ? deck.length : index;
  };
  const counts = new Map<string, number>();
  for (const vote of votes) counts.set(vote.card, (counts.get(vote.card) ?? 0) + 1);
  const distribution = [...counts].map(([card, count]) => ({ card, count })).sort((a, b) => rank(a.card) - rank(b.card));

  const estimating = votes.filter((vote) => vote.card !== UNKNOWN_CARD && vote.card !== COFFEE_CARD);
  const numbers = estimating.map((vote) => cardValue(vote.card)).filter((value): value is number => value !== null);
  const middle = median(numbers);
  const mean = numbers.length ? numbers.reduce((sum, value) => sum + value, 0) / numbers.length : null;

  let top: { card: string; count: number } | null = null;
  for (const entry of distribution) {
    if (entry.card === UNKNOWN_CARD || entry.card === COFFEE_CARD) continue;
    if (top === null || entry.count > top.count) top = entry;
  }
  const agreement = top && estimating.length ? top.count / estimating.length : 0;

  // Order by the number when every estimate has one, else by position in the deck.
  const order = (card: string) => (numbers.length === estimating.length ? cardValue(card)! : rank(card));
  let lowest: string[] = [];
  let highest: string[] = [];
  if (estimating.length > 1) {
    const low = Math.min(...estimating.map((vote) => order(vote.card)));
    const high = Math.max(...estimating.map((vote) => order(vote.card)));
    if (low !== high) {
      lowest = estimating.filter((vote) => order(vote.card) === low).map((vote) => vote.voter);
      highest = estimating.filter((vote) => order(vote.card) === high).map((vote) => vote.voter);
    }
  }

  let suggestion: string | null = null;
  if (top && agreement > 0.5) suggestion = top.card;
  else if (middle !== null) {
    const numeric = deck.filter((card) => cardValue(card) !== null);
    // The nearest card, rounding up on a tie: estimates are better too high than too low.
    suggestion = numeric.reduce<string | null>((best, card) => {
      if (best === null) return card;
      const distance = Math.abs(cardValue(card)! - middle);
      const bestDistance = Math.abs(cardValue(best)! - middle);
      return distance < bestDistance || (distance === bestDistance && cardValue(card)! > cardValue(best)!) ? card : best;
    }, null);
  } else if (top) suggestion = top.card;

  return { distribution, median: middle, mean, agreement, lowest, highest, suggestion };
}
