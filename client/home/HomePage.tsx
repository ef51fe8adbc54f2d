/**
 * Home: create a board (or, on a relay that requires invites, how to get
 * one), and reopen the boards opened on this device.
 */
import { useEffect, useState } from 'react';
import { ThemeToggle } from '../ui/ThemeToggle.js';
import { CreateBoard } from './CreateBoard.js';
import { InviteOnly } from './InviteOnly.js';
import { RecentBoards } from './RecentBoards.js';
import { relayRequiresInvites } from './relayAccess.js';

export function HomePage() {
  // null while asking the relay: neither offer is shown until it is known which one works.
  const [invites, setInvites] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    void relayRequiresInvites().then((answer) => current && setInvites(answer));
    return () => {
      current = false;
    };
  }, []);
  return (
    <div className="home">
      <header className="home-header">
        <span className="brand">◆ Refinement board</span>
        <ThemeToggle />
      </header>
      <main className="home-main">
        <h1>Groom your backlog together</h1>
        <p className="lead">One ordered backlog for the whole team: reorder, write and split stories, add acceptance criteria, live or on your own time, online or offline.</p>
        {/* Space kept while asking, so the recent boards do not jump when the answer comes. */}
        <div className="home-start" aria-busy={invites === null}>
          {invites === false && <CreateBoard />}
          {invites === true && <InviteOnly />}
        </div>
        <RecentBoards />
      </main>
    </div>
  );
}
