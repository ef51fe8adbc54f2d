/** The facilitator's choice of deck for the next rounds; a custom deck is remembered for the board. */
import { useState } from 'react';
import * as Y from 'yjs';
import { DECKS, DECK_IDS, checkCustomDeck, metaMap, setDeck, type DeckChoice, type DeckId } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';

const NAMES: Record<DeckId, string> = { ...Object.fromEntries(Object.entries(DECKS).map(([id, deck]) => [id, deck.name])), custom: 'Custom' } as Record<DeckId, string>;

/** The board's custom deck lives in meta.customDeck, so the next session offers it again. */
function boardCustomDeck(doc: Y.Doc): string[] {
  const stored = metaMap(doc).get('customDeck');
  return Array.isArray(stored) ? stored.filter((card): card is string => typeof card === 'string') : [];
}

export function DeckPicker({ session, deck, onError }: { session: BoardSession; deck: DeckChoice; onError: (message: string) => void }) {
  const [custom, setCustom] = useState(() => (deck.custom ?? boardCustomDeck(session.doc)).join(', '));
  const apply = (next: Partial<DeckChoice>) => {
    try {
      const choice: DeckChoice = { ...deck, ...next };
      if (choice.id === 'custom') {
        choice.custom = checkCustomDeck(custom.split(',').map((card) => card.trim()).filter(Boolean));
        session.act(() =>
          session.doc.transact(() => {
            metaMap(session.doc).set('customDeck', choice.custom);
            setDeck(session.doc, choice);
          }),
        );
      } else {
        session.act(() => setDeck(session.doc, { ...choice, custom: undefined }));
      }
    } catch (error) {
      onError((error as Error).message);
    }
  };
  return (
    <div className="deck-picker">
      <select aria-label="Deck" value={deck.id} onChange={(event) => apply({ id: event.target.value as DeckId })}>
        {DECK_IDS.map((id) => (
          <option key={id} value={id}>
            {NAMES[id]}
          </option>
        ))}
      </select>
      {deck.id === 'custom' && (
        <input
          className="text-input"
          aria-label="Custom cards, separated by commas"
          value={custom}
          onChange={(event) => setCustom(event.target.value)}
          onBlur={() => apply({})}
          onKeyDown={(event) => event.key === 'Enter' && apply({})}
        />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={deck.unknownCard} onChange={(event) => apply({ unknownCard: event.target.checked })} />?
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={deck.coffeeCard} onChange={(event) => apply({ coffeeCard: event.target.checked })} />☕
      </label>
    </div>
  );
}
