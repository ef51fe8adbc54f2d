/** The board's header: its name, the connection, who is here, and the board-wide actions. */
import type { ReactNode } from 'react';
import type { BoardSession, ConnectionState } from '../session/BoardSession.js';
import type { Identity } from '../session/identity.js';
import type { Peer } from '../session/presence.js';
import { ThemeToggle } from '../ui/ThemeToggle.js';
import { BoardTitle } from './BoardTitle.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { PresenceBar } from './PresenceBar.js';

interface BoardHeaderProps {
  session: BoardSession;
  connection: ConnectionState;
  peers: Peer[];
  onRename: (identity: Identity) => void;
  onHelp: () => void;
  /** Share / Invite, Start grooming session, Last summary: whatever this person may do now. */
  children?: ReactNode;
}

export function BoardHeader({ session, connection, peers, onRename, onHelp, children }: BoardHeaderProps) {
  const me = peers.find((peer) => peer.isMe);
  return (
    <header className="topbar">
      <a href="/" className="home-link" aria-label="All boards">
        ◆
      </a>
      <BoardTitle session={session} />
      {session.readOnly && (
        <span className="read-only-badge" role="status">
          View only
        </span>
      )}
      <ConnectionBadge connection={connection} />
      <div className="topbar-end">
        {me && <PresenceBar peers={peers} me={me.user} onRename={onRename} />}
        {children}
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onHelp}>
          ?
        </button>
        <ThemeToggle />
      </div>
    </header>
  );
}
