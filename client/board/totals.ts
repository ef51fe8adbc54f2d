/**
 * What the shown items add up to: story points (numeric estimates), items
 * sized by a card (T-shirt sizes and such, which do not add up), and items
 * without an estimate. Pure, over the items as filtered.
 */
import type { ItemSnapshot } from '../../shared/index.js';

export interface Totals {
  items: number;
  points: number;
  /** Card -> how many items carry it, in first-seen order. */
  cards: Map<string, number>;
  unestimated: number;
}

export function totals(items: readonly ItemSnapshot[]): Totals {
  const result: Totals = { items: items.length, points: 0, cards: new Map(), unestimated: 0 };
  for (const item of items) {
    if (typeof item.estimate === 'number') result.points += item.estimate;
    else if (typeof item.estimate === 'string') result.cards.set(item.estimate, (result.cards.get(item.estimate) ?? 0) + 1);
    else result.unestimated++;
  }
  // Halves (½ cards) add up exactly; anything finer is rounded for display.
  result.points = Math.round(result.points * 10) / 10;
  return result;
}
