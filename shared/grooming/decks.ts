/**
 * Planning-poker decks. A card is a string; numeric cards also have a
 * number, used for the median, the mean and the estimate written to an item.
 */
export const UNKNOWN_CARD = '?';
export const COFFEE_CARD = '☕';

export const DECKS = {
  fibonacci: { name: 'Fibonacci', cards: ['0', '1', '2', '3', '5', '8', '13', '21'] },
  'modified-fibonacci': { name: 'Modified Fibonacci', cards: ['0', '½', '1', '2', '3', '5', '8', '13', '20', '40', '100'] },
  tshirt: { name: 'T-shirt', cards: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] },
  'powers-of-two': { name: 'Powers of two', cards: ['1', '2', '4', '8', '16', '32', '64'] },
} as const;

export type DeckId = keyof typeof DECKS | 'custom';
export const DECK_IDS: DeckId[] = ['fibonacci', 'modified-fibonacci', 'tshirt', 'powers-of-two', 'custom'];

export interface DeckChoice {
  id: DeckId;
  /** The board's own cards, used when id is 'custom'. */
  custom?: string[];
  unknownCard: boolean;
  coffeeCard: boolean;
}

export const MAX_CARD_LENGTH = 16;
export const MAX_CUSTOM_CARDS = 20;

/** The cards a voter can play, in order. */
export function deckCards(choice: DeckChoice): string[] {
  const base = choice.id === 'custom' ? (choice.custom ?? []) : [...DECKS[choice.id].cards];
  return [...base, ...(choice.unknownCard ? [UNKNOWN_CARD] : []), ...(choice.coffeeCard ? [COFFEE_CARD] : [])];
}

/** The number a card stands for, or null for '?', coffee and non-numeric cards such as T-shirt sizes. */
export function cardValue(card: string): number | null {
  if (card === '½') return 0.5;
  if (!/^\d+(\.\d+)?$/.test(card.trim())) return null;
  return Number(card);
}

/** Checks a custom deck: 1 to 20 distinct, non-blank cards of at most 16 characters. */
export function checkCustomDeck(cards: unknown): string[] {
  if (!Array.isArray(cards) || cards.length === 0 || cards.length > MAX_CUSTOM_CARDS) {
    throw new Error(`a custom deck needs 1 to ${MAX_CUSTOM_CARDS} cards`);
  }
  const seen = new Set<string>();
  return cards.map((card, index) => {
    if (typeof card !== 'string' || card.trim() === '' || card.length > MAX_CARD_LENGTH) {
      throw new Error(`custom card ${index} must be a non-blank string of at most ${MAX_CARD_LENGTH} characters`);
    }
    const trimmed = card.trim();
    if (seen.has(trimmed)) throw new Error(`custom card ${JSON.stringify(trimmed)} appears twice`);
    seen.add(trimmed);
    return trimmed;
  });
}
