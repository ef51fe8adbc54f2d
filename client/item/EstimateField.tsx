/**
 * The estimate: points as a number, or one of the board's cards (offered
 * as suggestions). What the model refuses ("banana", "-3") is shown under
 * the field, in the model's words, and nothing is written.
 */
import { useMemo, useState } from 'react';
import { cardValue, estimateCards, updateItem, type Estimate, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { describeRefusal } from '../board/refusals.js';

/** What the person typed, as the model takes it: blank clears, numbers (and ½) are points, the rest is a card. */
function parseEstimate(text: string): Estimate | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const asNumber = cardValue(trimmed) ?? (/^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : null);
  return asNumber ?? trimmed;
}

export function EstimateField({ session, item }: { session: BoardSession; item: ItemSnapshot }) {
  const shown = item.estimate === null ? '' : String(item.estimate);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Recomputed when the item changes, which covers a deck changed by someone else closely enough.
  const cards = useMemo(() => estimateCards(session.doc), [session, item]); // eslint-disable-line react-hooks/exhaustive-deps
  const commit = () => {
    if (draft === null) return;
    if (draft.trim() === shown) {
      setDraft(null);
      return;
    }
    const written = session.attempt(
      () => updateItem(session.doc, item.id, { estimate: parseEstimate(draft) }),
      (message) => setError(describeRefusal(message, (id) => (id === item.id ? item.title : undefined))),
    );
    if (!written) return;
    setError(null);
    setDraft(null);
  };
  return (
    <>
      <input
        id="item-estimate"
        className="text-input estimate-input"
        value={draft ?? shown}
        placeholder="–"
        list="estimate-cards"
        inputMode="decimal"
        aria-invalid={error !== null}
        aria-describedby={error ? 'estimate-error' : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(null);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
      />
      <datalist id="estimate-cards">
        {cards.map((card) => (
          <option key={card} value={card} />
        ))}
      </datalist>
      {error && (
        <p id="estimate-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
