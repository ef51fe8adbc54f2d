/**
 * What each person publishes through Yjs awareness (documented in
 * docs/presence.md). Awareness is ephemeral: it is not stored, and a
 * person's state disappears when their connection closes.
 */
import { toAccessRole, type AccessRole } from '../../shared/access.js';
import type { Awareness } from 'y-protocols/awareness';
import type { Identity } from './identity.js';

/** A pointer anchored to an item: fractions of that row's width and height. */
export interface CursorAnchor {
  itemId: string;
  x: number;
  y: number;
}

export interface PresenceState {
  user: Identity;
  cursor: CursorAnchor | null;
  /** The item field this person is typing in. */
  editing: { itemId: string; field: string } | null;
  /** Items this person is dragging. */
  dragging: string[] | null;
  /** Whether this person's view follows the grooming session's focus item. */
  following: boolean;
  /** The role of this person's invite, as they say (for the UI only: the relay enforces roles itself). */
  access: AccessRole;
}

export interface Peer extends PresenceState {
  clientId: number;
  isMe: boolean;
}

function isPresence(state: unknown): state is PresenceState {
  const user = (state as PresenceState | null)?.user;
  return typeof user?.name === 'string' && typeof user.color === 'string';
}

/** Everyone on the board with a valid presence, me first. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (!isPresence(state)) return;
    peers.push({
      clientId,
      isMe: clientId === awareness.clientID,
      user: state.user,
      cursor: state.cursor ?? null,
      editing: state.editing ?? null,
      dragging: state.dragging ?? null,
      following: state.following !== false,
      access: toAccessRole(state.access) ?? 'facilitator',
    });
  });
  return peers.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.clientId - b.clientId);
}
