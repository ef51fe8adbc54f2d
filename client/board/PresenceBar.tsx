/** Everyone on the board; my own avatar opens a small form to change my name. */
import { useState } from 'react';
import type { Identity } from '../session/identity.js';
import type { Peer } from '../session/presence.js';
import { Avatar } from '../ui/Avatar.js';

export function PresenceBar({ peers, onRename }: { peers: Peer[]; onRename: (identity: Identity) => void }) {
  const [editing, setEditing] = useState(false);
  const me = peers.find((peer) => peer.isMe);
  const [draft, setDraft] = useState('');
  return (
    <div className="presence" aria-label="People on this board">
      {peers.map((peer) =>
        peer.isMe ? (
          <button
            key={peer.clientId}
            type="button"
            className="avatar-button"
            title={`You (${peer.user.name}): click to change your name`}
            onClick={() => {
              setDraft(peer.user.name);
              setEditing(true);
            }}
          >
            <Avatar user={peer.user} title={`${peer.user.name} (you)`} />
          </button>
        ) : (
          <Avatar key={peer.clientId} user={peer.user} />
        ),
      )}
      {editing && me && (
        <form
          className="popover name-form"
          onSubmit={(event) => {
            event.preventDefault();
            const name = draft.trim().slice(0, 40);
            if (name) onRename({ ...me.user, name });
            setEditing(false);
          }}
        >
          <label htmlFor="my-name">Your name, shown to others</label>
          <input id="my-name" autoFocus value={draft} maxLength={40} onChange={(event) => setDraft(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && setEditing(false)} />
          <button type="submit">Save</button>
        </form>
      )}
    </div>
  );
}
