/** A labelled field of the item panel, and who else is typing in it. */
import type { ReactNode } from 'react';
import type { Peer } from '../session/presence.js';
import { Avatar } from '../ui/Avatar.js';

export function Field({ label, htmlFor, children, hint }: { label: string; htmlFor?: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={htmlFor}>{label}</label>
        {hint}
      </div>
      {children}
    </div>
  );
}

/** Who else is typing in this field. */
export function EditingHint({ peers, itemId, field }: { peers: Peer[]; itemId: string; field: string }) {
  const editing = peers.filter((peer) => !peer.isMe && peer.editing?.itemId === itemId && peer.editing.field === field);
  if (editing.length === 0) return null;
  return (
    <span className="editing-hint" data-editing-field={field}>
      {editing.map((peer) => (
        <Avatar key={peer.clientId} user={peer.user} size="small" />
      ))}
      {editing.map((peer) => peer.user.name).join(', ')} {editing.length > 1 ? 'are' : 'is'} editing
    </span>
  );
}
