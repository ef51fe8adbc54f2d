/**
 * The side panel: an item's details, or during a grooming session the
 * session itself, and whether my view follows the facilitator's focus.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BoardSession } from '../session/BoardSession.js';

export function useSidePanel(session: BoardSession, sessionFocus: string | null, scrollToItem: (id: string) => void) {
  const [openId, setOpenId] = useState<string | null>(null);
  const [panel, setPanel] = useState<'session' | 'details'>('session');
  const [following, setFollowingState] = useState(true);

  const setFollowing = useCallback(
    (on: boolean) => {
      setFollowingState(on);
      session.setFollowing(on);
    },
    [session],
  );

  // Following the session: when the facilitator moves on, my view goes with them.
  useEffect(() => {
    if (!sessionFocus || !following) return;
    setPanel('session');
    scrollToItem(sessionFocus);
    // Only a change of focus moves the view, not every edit of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionFocus, following]);

  /** Opens an item's details (during a session, in place of the session panel). */
  const openDetails = useCallback((id: string) => {
    setOpenId(id);
    setPanel('details');
  }, []);

  return { openId, panel, setPanel, openDetails, closeDetails: () => setOpenId(null), following, setFollowing };
}
