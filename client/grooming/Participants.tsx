/** Who takes part in the session: present or away, who facilitates (★), who observes, who does not follow. */
import type { SessionSnapshot } from '../../shared/index.js';
import type { Peer } from '../session/presence.js';
import { Avatar } from '../ui/Avatar.js';

export function Participants({ grooming, present }: { grooming: SessionSnapshot; present: Map<string, Peer> }) {
  return (
    <span className="session-people" aria-label="Participants">
      {grooming.participants.map((participant) => {
        const peer = present.get(participant.id);
        const facilitator = participant.id === grooming.facilitator;
        return (
          <span
            key={participant.id}
            className={`participant${peer ? '' : ' participant-away'}`}
            data-participant={participant.name}
            data-role={participant.role}
            data-following={peer ? String(peer.following) : undefined}
            title={`${participant.name}: ${facilitator ? 'facilitator, ' : ''}${participant.role}${peer ? (peer.following ? ', following' : ', browsing on their own') : ', away'}`}
          >
            <Avatar user={{ id: participant.id, name: participant.name, color: peer?.user.color ?? '#94a3b8' }} size="small" />
            {facilitator && (
              <span className="facilitator-mark" aria-label="facilitator">
                ★
              </span>
            )}
            {participant.role === 'observer' && <span className="observer-mark">obs</span>}
          </span>
        );
      })}
    </span>
  );
}
