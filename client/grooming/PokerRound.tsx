/**
 * Planning poker for the focus item: cards while voting (who has voted is
 * public, what is sealed), results after the reveal, and the facilitator's
 * reveal, re-vote and accept.
 */
import { useEffect, useState } from 'react';
import { acceptRound, castVote, deckCards, orderedItems, sealVote, setAutoReveal, type RoundTarget, type SessionSnapshot } from '../../shared/index.js';
import { EstimateHint } from '../refinement/EstimateHint.js';
import { useFrameworks } from '../prioritization/useFrameworks.js';
import type { BoardSession } from '../session/BoardSession.js';
import { DeckPicker } from './DeckPicker.js';
import { RoundResults } from './RoundResults.js';
import { Voters } from './Voters.js';
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
  const [busy, setBusy] = useState(false);

  useEffect(() => setPicked(current ? myCard(current.id) : null), [current?.id]); // eslint-disable-line react-hooks/exhaustive-deps

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
  const frameworks = useFrameworks(session.doc);
  // Value rounds for the inputs the board's frameworks use (WSJF both, value/effort its value).
  const valueTargets: RoundTarget[] = [
    ...(frameworks.includes('wsjf') || frameworks.includes('value-effort') ? (['businessValue'] as const) : []),
    ...(frameworks.includes('wsjf') ? (['timeCriticality'] as const) : []),
  ];
  const startRound = (target: RoundTarget) => run(async () => void (await openRoundOnRelay(session.boardId, session.token, itemId, target)));
  const startButtons = (
    <div className="poker-actions">
      <DeckPicker session={session} deck={grooming.deck} onError={onError} />
      <button type="button" disabled={busy || !session.remote.wsconnected} onClick={() => startRound('estimate')}>
        Start estimation
      </button>
      {valueTargets.map((target) => (
        <button key={target} type="button" className="button-secondary" disabled={busy || !session.remote.wsconnected} onClick={() => startRound(target)}>
          Estimate {TARGET_NAMES[target]}
        </button>
      ))}
    </div>
  );
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
        {isFacilitator ? (
          startButtons
        ) : (
          <p className="muted">No estimation round for this item yet.</p>
        )}
      </div>
    );
  }

  const vote = (card: string) =>
    run(async () => {
      const sealed = await sealVote(current.publicKey!, card, { roundId: current.id, voter: me.id });
      const cast = session.attempt(() => castVote(session.doc, current.id, me, sealed, session.clock.now()));
      if (!cast) return;
      rememberMyCard(current.id, card);
      setPicked(card);
    });

  const voters = grooming.participants.filter((p) => p.role === 'voter' || p.id in current.voters);
  const cards = current.deck.length ? current.deck : deckCards(grooming.deck);
  const voting = current.status === 'voting';
  const mayReveal = canReveal(current.id, session.token);

  return (
    <div className="poker" data-round={current.id} data-round-status={current.status}>
      <div className="poker-head">
        <strong>
          Round {current.number}
          {current.target !== 'estimate' && ` · ${TARGET_NAMES[current.target]}`}
        </strong>
        <span className="muted">
          {Object.keys(current.voters).length} of {voters.length} voted
        </span>
      </div>
      <Voters voters={voters} round={current} opened={opened} />
      {current.target === 'estimate' && <EstimateHint session={session} itemId={itemId} items={orderedItems(session.doc)} cards={cards} />}

      {voting && participant?.role === 'voter' && !session.readOnly && (
        <div className="cards" role="group" aria-label="Your card">
          {cards.map((card) => (
            <button key={card} type="button" className={`card${picked === card ? ' card-picked' : ''}`} aria-pressed={picked === card} disabled={busy} onClick={() => vote(card)}>
              {card}
            </button>
          ))}
        </div>
      )}
      {voting && (participant?.role === 'observer' || session.readOnly) && <p className="muted">You are observing: you see the round, without a vote.</p>}
      {voting && isFacilitator && (
        <div className="poker-actions">
          <button type="button" disabled={busy || !mayReveal} onClick={reveal} title={mayReveal ? undefined : 'Only the facilitator who started this round can reveal it'}>
            Reveal
          </button>
          <label className="checkbox" title="Reveal as soon as every voter present has voted">
            <input type="checkbox" checked={grooming.autoReveal} onChange={(event) => session.act(() => setAutoReveal(session.doc, event.target.checked))} />
            Auto-reveal
          </label>
        </div>
      )}

      {!voting && opened && (
        <RoundResults
          key={current.id}
          opened={opened}
          cards={cards}
          accepted={current.status === 'accepted' ? current.accepted : null}
          settle={
            isFacilitator
              ? {
                  busy,
                  canRevote: session.remote.wsconnected,
                  onRevote: () => startRound(current.target),
                  onAccept: (card) => session.act(() => acceptRound(session.doc, current.id, card, session.clock.now())),
                }
              : undefined
          }
        />
      )}
      {current.status === 'accepted' && isFacilitator && startButtons}
    </div>
  );
}

/** What a round estimates, as its buttons and heading say it. */
const TARGET_NAMES: Record<RoundTarget, string> = { estimate: 'effort', businessValue: 'business value', timeCriticality: 'time criticality' };
