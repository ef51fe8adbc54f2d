/**
 * Planning poker for the focus item: cards while voting (who has voted is
 * public, what is sealed), results after the reveal, and the facilitator's
 * reveal, re-vote and accept.
 */
import { useEffect, useState } from 'react';
import { acceptRound, castVote, deckCards, sealVote, setAutoReveal, type SessionSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { DeckPicker } from './DeckPicker.js';
import { canReveal, myCard, openRoundOnRelay, rememberMyCard, revealOnRelay } from './api.js';
import { useOpenedRound, useRound } from './useGrooming.js';

interface PokerProps {
  session: BoardSession;
  grooming: SessionSnapshot;
  itemId: string;
  /** Participant ids of the people on the board right now. */
  present: ReadonlySet<string>;
  onError: (message: string) => void;
}

export function PokerRound({ session, grooming, itemId, present, onError }: PokerProps) {
  const me = session.me;
  // With invites, only a facilitator's invite runs the meeting (the relay refuses the rest).
  const isFacilitator = grooming.facilitator === me.id && session.role === 'facilitator';
  const participant = grooming.participants.find((p) => p.id === me.id);
  const round = useRound(session.doc, grooming.currentRound);
  const current = round && round.itemId === itemId ? round : null;
  const opened = useOpenedRound(current);
  const [picked, setPicked] = useState<string | null>(null);
  const [acceptValue, setAcceptValue] = useState<string>('');
  const [busy, setBusy] = useState(false);

  useEffect(() => setPicked(current ? myCard(current.id) : null), [current?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setAcceptValue(opened?.results.suggestion ?? ''), [opened]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const startRound = () => run(async () => void (await openRoundOnRelay(session.boardId, session.token, itemId)));
  const reveal = () => run(() => revealOnRelay(session.boardId, session.token, current!.id));

  // Auto-reveal: the facilitator's tab reveals once every present voter has voted.
  const presentVoters = grooming.participants.filter((p) => p.role === 'voter' && present.has(p.id));
  const everyoneVoted = current !== null && presentVoters.length > 0 && presentVoters.every((p) => p.id in current.voters);
  useEffect(() => {
    if (grooming.autoReveal && isFacilitator && current?.status === 'voting' && everyoneVoted && canReveal(current.id, session.token)) void reveal();
    // `reveal` reads `current`, listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [grooming.autoReveal, isFacilitator, current?.status, everyoneVoted]);

  if (current === null) {
    return (
      <div className="poker">
        <p className="muted">No estimation round for this item yet.</p>
        {isFacilitator && (
          <div className="poker-actions">
            <DeckPicker session={session} deck={grooming.deck} onError={onError} />
            <button type="button" disabled={busy || !session.remote.wsconnected} onClick={startRound}>
              Start estimation
            </button>
          </div>
        )}
      </div>
    );
  }

  const vote = (card: string) =>
    run(async () => {
      const sealed = await sealVote(current.publicKey!, card, { roundId: current.id, voter: me.id });
      const cast = session.act(() => {
        castVote(session.doc, current.id, me, sealed, session.clock.now());
        return true;
      });
      if (!cast) return;
      rememberMyCard(current.id, card);
      setPicked(card);
    });

  const voters = grooming.participants.filter((p) => p.role === 'voter' || p.id in current.voters);
  const cards = current.deck.length ? current.deck : deckCards(grooming.deck);

  return (
    <div className="poker" data-round={current.id} data-round-status={current.status}>
      <div className="poker-head">
        <strong>Round {current.number}</strong>
        <span className="muted">
          {Object.keys(current.voters).length} of {voters.length} voted
        </span>
      </div>
      <ul className="voters" aria-label="Who has voted">
        {voters.map((voter) => {
          const voted = voter.id in current.voters;
          const card = opened?.votes.find((v) => v.voter === voter.id)?.card;
          const extreme = opened?.results.lowest.includes(voter.id) ? 'lowest' : opened?.results.highest.includes(voter.id) ? 'highest' : '';
          return (
            <li key={voter.id} className={`voter${voted ? ' voter-voted' : ''}${extreme ? ` voter-${extreme}` : ''}`} data-voter={voter.name} data-voted={voted}>
              <span className="voter-card">{card ?? (voted ? '✓' : '…')}</span>
              <span className="voter-name">{voter.name}</span>
              {extreme && <span className="voter-extreme">{extreme}</span>}
              {current.lateVoters.includes(voter.id) && <span className="muted"> (late, not counted)</span>}
            </li>
          );
        })}
      </ul>

      {current.status === 'voting' && participant?.role === 'voter' && (
        <div className="cards" role="group" aria-label="Your card">
          {cards.map((card) => (
            <button key={card} type="button" className={`card${picked === card ? ' card-picked' : ''}`} aria-pressed={picked === card} disabled={busy} onClick={() => vote(card)}>
              {card}
            </button>
          ))}
        </div>
      )}
      {current.status === 'voting' && participant?.role === 'observer' && <p className="muted">You are observing: you see the round, without a vote.</p>}
      {current.status === 'voting' && isFacilitator && (
        <div className="poker-actions">
          <button type="button" disabled={busy || !canReveal(current.id, session.token)} onClick={reveal} title={canReveal(current.id, session.token) ? '' : 'Only the facilitator who started this round can reveal it'}>
            Reveal
          </button>
          <label className="checkbox">
            <input type="checkbox" checked={grooming.autoReveal} onChange={(event) => session.act(() => setAutoReveal(session.doc, event.target.checked))} />
            Reveal when everyone present has voted
          </label>
        </div>
      )}

      {current.status !== 'voting' && opened && (
        <div className="results" aria-label="Results">
          <ol className="distribution">
            {opened.results.distribution.map(({ card, count }) => (
              <li key={card}>
                <span className="bar-card">{card}</span>
                <span className="bar" style={{ width: `${(count / Math.max(1, opened.votes.length)) * 100}%` }} />
                <span className="bar-count">{count}</span>
              </li>
            ))}
          </ol>
          <dl className="stats">
            <dt>Median</dt>
            <dd data-stat="median">{opened.results.median ?? '–'}</dd>
            <dt>Mean</dt>
            <dd data-stat="mean">{opened.results.mean === null ? '–' : Math.round(opened.results.mean * 10) / 10}</dd>
            <dt>Agreement</dt>
            <dd data-stat="agreement">{Math.round(opened.results.agreement * 100)}%</dd>
            <dt>Suggested</dt>
            <dd data-stat="suggestion">{opened.results.suggestion ?? '–'}</dd>
          </dl>
          {current.status === 'accepted' ? (
            <p className="accepted">Accepted: {current.accepted}</p>
          ) : (
            isFacilitator && (
              <div className="poker-actions">
                <button type="button" className="button-secondary" disabled={busy || !session.remote.wsconnected} onClick={startRound}>
                  Re-vote
                </button>
                <select aria-label="Estimate to accept" value={acceptValue} onChange={(event) => setAcceptValue(event.target.value)}>
                  {cards
                    .filter((card) => card !== '?' && card !== '☕')
                    .map((card) => (
                      <option key={card} value={card}>
                        {card}
                      </option>
                    ))}
                </select>
                <button type="button" disabled={!acceptValue} onClick={() => session.act(() => acceptRound(session.doc, current.id, acceptValue, session.clock.now()))}>
                  Accept {acceptValue}
                </button>
              </div>
            )
          )}
        </div>
      )}
    </div>
  );
}
