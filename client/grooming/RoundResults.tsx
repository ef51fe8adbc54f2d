/** A revealed round: the distribution, the statistics, and the facilitator's Re-vote and Accept. */
import { useState } from 'react';
import { COFFEE_CARD, UNKNOWN_CARD, type OpenedRound } from '../../shared/index.js';

interface RoundResultsProps {
  opened: OpenedRound;
  cards: string[];
  accepted: string | null;
  /** The facilitator's actions; absent for everyone else. */
  settle?: { busy: boolean; canRevote: boolean; onRevote: () => void; onAccept: (card: string) => void };
}

export function RoundResults({ opened, cards, accepted, settle }: RoundResultsProps) {
  // Starts at the suggestion; each round gets its own (PokerRound keys this by round).
  const [acceptValue, setAcceptValue] = useState(opened.results.suggestion ?? '');
  const { results, votes } = opened;
  return (
    <div className="results" aria-label="Results">
      <ol className="distribution">
        {results.distribution.map(({ card, count }) => (
          <li key={card}>
            <span className="bar-card">{card}</span>
            <span className="bar" style={{ width: `${(count / Math.max(1, votes.length)) * 100}%` }} />
            <span className="bar-count">{count}</span>
          </li>
        ))}
      </ol>
      <dl className="stats">
        <dt>Median</dt>
        <dd data-stat="median">{results.median ?? '–'}</dd>
        <dt>Mean</dt>
        <dd data-stat="mean">{results.mean === null ? '–' : Math.round(results.mean * 10) / 10}</dd>
        <dt>Agreement</dt>
        <dd data-stat="agreement">{Math.round(results.agreement * 100)}%</dd>
        <dt>Suggested</dt>
        <dd data-stat="suggestion">{results.suggestion ?? '–'}</dd>
      </dl>
      {accepted !== null ? (
        <p className="accepted">Accepted: {accepted}</p>
      ) : (
        settle && (
          <div className="poker-actions">
            <select aria-label="Estimate to accept" value={acceptValue} onChange={(event) => setAcceptValue(event.target.value)}>
              {cards
                .filter((card) => card !== UNKNOWN_CARD && card !== COFFEE_CARD)
                .map((card) => (
                  <option key={card} value={card}>
                    {card}
                  </option>
                ))}
            </select>
            <button type="button" disabled={!acceptValue} onClick={() => settle.onAccept(acceptValue)}>
              Accept {acceptValue}
            </button>
            <button type="button" className="button-secondary" disabled={settle.busy || !settle.canRevote} onClick={settle.onRevote}>
              Re-vote
            </button>
          </div>
        )
      )}
    </div>
  );
}
