/** Who has voted in a round (never what, until the reveal), and after it each card, the extremes marked. */
import type { OpenedRound, Participant, RoundSnapshot } from '../../shared/index.js';
import { UserText } from '../ui/UserText.js';

export function Voters({ voters, round, opened }: { voters: Participant[]; round: RoundSnapshot; opened: OpenedRound | null }) {
  return (
    <ul className="voters" aria-label="Who has voted">
      {voters.map((voter) => {
        const voted = voter.id in round.voters;
        const card = opened?.votes.find((v) => v.voter === voter.id)?.card;
        const extreme = opened?.results.lowest.includes(voter.id) ? 'lowest' : opened?.results.highest.includes(voter.id) ? 'highest' : '';
        const late = round.lateVoters.includes(voter.id);
        return (
          <li
            key={voter.id}
            className={`voter${voted ? ' voter-voted' : ''}${extreme ? ` voter-${extreme}` : ''}`}
            data-voter={voter.name}
            data-voted={voted}
            title={late ? `${voter.name} voted after the reveal: not counted` : undefined}
          >
            <span className="voter-card">{card ?? (voted ? '✓' : '…')}</span>
            <UserText className="voter-name" text={voter.name} max={12} />
            {extreme && <span className="voter-extreme">{extreme}</span>}
            {late && <span className="voter-extreme muted">late</span>}
          </li>
        );
      })}
    </ul>
  );
}
