/**
 * A suggested estimate and the reference stories behind it: the most similar
 * already-estimated items of the board with their points. Honest by
 * construction (shared/refinement/estimator.ts): the neighbours' median is
 * offered only when replaying the board's own history says it beats the
 * board's median estimate; otherwise the median, and the reason.
 */
import { DEFAULT_DECK, cardValue, deckCards, readSession, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import { useAsk } from './useAsk.js';
import { useItemText } from './useItemText.js';
import { useRefinement } from './useRefinement.js';

const round = (value: number) => String(Math.round(value * 10) / 10);

/** The point values a suggestion snaps to: the numbers among the cards (none for T-shirt sizes). */
const pointsOf = (cards: readonly string[]) => [...new Set(cards.map(cardValue).filter((value): value is number => value !== null))].sort((a, b) => a - b);

interface EstimateHintProps {
  session: BoardSession;
  itemId: string;
  items: readonly ItemSnapshot[];
  /** The cards in play (a poker round's deck); by default the grooming session's deck, or the default deck. */
  cards?: readonly string[];
}

export function EstimateHint({ session, itemId, items, cards }: EstimateHintProps) {
  const refinement = useRefinement();
  const text = useItemText(session.doc, itemId);
  const estimates = items.filter((item) => !item.archived && typeof item.estimate === 'number').map((item) => item.estimate);
  const estimated = estimates.length;
  const deck = pointsOf(cards ?? deckCards(readSession(session.doc)?.deck ?? DEFAULT_DECK));
  const { value: suggestion } = useAsk(
    refinement && deck.length > 1 ? () => refinement.suggest({ id: itemId, ...text }, deck) : null,
    // Any estimate changing changes the history the suggestion rests on.
    `${itemId}\u0000${text.title}\u0000${text.description}\u0000${estimates.join(' ')}\u0000${deck.join(' ')}`,
  );
  // A deck without numbers (T-shirt sizes) has nothing to snap points to.
  if (refinement === null || deck.length <= 1 || suggestion === undefined || suggestion.value === null) return null;
  const titles = new Map(items.map((item) => [item.id, item.title || 'Untitled']));
  const test = suggestion.backtest;
  const why =
    suggestion.basis === 'similar'
      ? `the median of the most similar estimated items${test ? `: on this board's last ${test.items} estimates it erred by ${round(test.similarMae)} points on average, the board's median by ${round(test.medianMae)}` : ''}`
      : test && test.similarMae < test.medianMae
        ? "the board's median estimate: no estimated item shares a word with this one"
        : test
        ? `the board's median estimate: on its last ${test.items} estimates, similar items erred by ${round(test.similarMae)} points on average and the median by ${round(test.medianMae)}, so similarity does not help here yet`
        : `the board's median estimate: with ${estimated} estimated items there is too little history to test suggestions from similar items`;
  return (
    <div className="estimate-hint" data-suggested={suggestion.value} data-basis={suggestion.basis}>
      <p>
        <strong>Suggested: {suggestion.value}</strong>
        {suggestion.spread && suggestion.spread.low !== suggestion.spread.high && <span className="muted"> (usually {suggestion.spread.low}–{suggestion.spread.high})</span>} <span className="muted">· {why}</span>
      </p>
      {suggestion.neighbours.length > 0 && (
        <ul className="reference-stories" aria-label="Reference stories">
          {suggestion.neighbours.slice(0, 3).map((neighbour) => (
            <li key={neighbour.id}>
              <span className="reference-points">{neighbour.estimate}</span> <UserText text={titles.get(neighbour.id) ?? 'an item'} max={70} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
