/**
 * Everyone on the board, and me at the end with my name: clicking it
 * changes the name (on a first visit the form opens by itself, NameForm).
 */
import { useState } from 'react';
import { nameAsked, shouldAskName, type Identity } from '../session/identity.js';
import type { Peer } from '../session/presence.js';
import { Avatar } from '../ui/Avatar.js';
import { UserText } from '../ui/UserText.js';
import { NameForm } from './NameForm.js';

export function PresenceBar({ peers, me, onRename }: { peers: Peer[]; me: Identity; onRename: (identity: Identity) => void }) {
  const [editing, setEditing] = useState<'welcome' | 'rename' | null>(() => (shouldAskName(me) ? 'welcome' : null));
  const others = peers.filter((peer) => !peer.isMe);
  const close = () => {
    if (editing === 'welcome') nameAsked();
    setEditing(null);
  };
  return (
    <div className="presence" aria-label="People on this board">
      <span className="presence-others">
        {others.map((peer) => (
          <Avatar key={peer.clientId} user={peer.user} />
        ))}
      </span>
      <button type="button" className="avatar-button" title="You: click to change your name" aria-label={`You are ${me.name}: change your name`} onClick={() => setEditing('rename')}>
        <Avatar user={me} title={`${me.name} (you)`} />
        <UserText className="my-name" text={me.name} max={24} />
      </button>
      {editing && (
        <NameForm
          current={me.name}
          welcome={editing === 'welcome'}
          onSave={(name) => {
            nameAsked();
            onRename({ ...me, name });
            setEditing(null);
          }}
          onClose={close}
        />
      )}
    </div>
  );
}
