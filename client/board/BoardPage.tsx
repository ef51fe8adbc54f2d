/**
 * The route /b/<boardId>: opens the board's session, asks the relay whether
 * this tab may open it, and shows the board or why not.
 */
import { useEffect, useState } from 'react';
import { checkAccess, type AccessCheck } from '../session/access.js';
import { useBoardSession } from '../session/useBoardSession.js';
import { Board } from './Board.js';
import { NoAccess } from './NoAccess.js';

export function BoardPage({ boardId }: { boardId: string }) {
  const session = useBoardSession(boardId);
  const [access, setAccess] = useState<AccessCheck | null>(null);
  useEffect(() => {
    if (session === null) return;
    let current = true;
    void checkAccess(boardId, session.token).then((result) => {
      if (!current) return;
      // Refused: stop the socket from knocking again and again.
      if (!result.ok) session.remote.disconnect();
      setAccess(result);
    });
    return () => {
      current = false;
    };
  }, [boardId, session]);
  if (access !== null && !access.ok) return <NoAccess reason={access.reason} />;
  // A requester's invite opens only the request form.
  if (session?.role === 'requester') {
    window.location.replace(`/b/${boardId}/request`);
    return null;
  }
  return session ? <Board key={boardId} session={session} auth={access?.ok === true && access.auth} /> : null;
}
