/**
 * Other people's pointers, drawn over the item they point at: the position
 * is the item's row in *my* list plus the offset they had inside it, so it
 * lands on the same item whatever my window size, scroll or filters.
 * A pointer over an item I cannot see (filtered out) is not drawn.
 */
import type { Peer } from '../session/presence.js';
import { UserText } from '../ui/UserText.js';
import { ROW_HEIGHT } from './BacklogRow.js';

export function RemoteCursors({ peers, indexOf }: { peers: Peer[]; indexOf: Map<string, number> }) {
  return (
    <>
      {peers.map((peer) => {
        const cursor = peer.cursor;
        const index = cursor ? indexOf.get(cursor.itemId) : undefined;
        if (!cursor || index === undefined) return null;
        return (
          <div
            key={peer.clientId}
            className="remote-cursor"
            data-cursor-of={peer.user.name}
            data-cursor-item={cursor.itemId}
            style={{ top: (index + cursor.y) * ROW_HEIGHT, left: `${cursor.x * 100}%`, color: peer.user.color }}
            aria-hidden="true"
          >
            <svg width="14" height="18" viewBox="0 0 14 18">
              <path d="M1 1 L1 15 L5 11 L8 17 L10 16 L7 10 L13 10 Z" fill="currentColor" stroke="white" strokeWidth="1.2" />
            </svg>
            <span className="remote-cursor-name" style={{ background: peer.user.color }}>
              <UserText text={peer.user.name} max={24} />
            </span>
          </div>
        );
      })}
    </>
  );
}
