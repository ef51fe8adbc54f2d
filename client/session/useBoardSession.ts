/** React bindings for a BoardSession: the session itself, its items, its connection and its peers. */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useDocValue } from './useDocValue.js';
import type * as Y from 'yjs';
import { boardTitle, itemsMap, orderedItems, type ItemSnapshot } from '../../shared/index.js';
import { BoardSession, type ConnectionState } from './BoardSession.js';
import { takeInvite } from './access.js';
import { loadIdentity } from './identity.js';
import { readPeers, type Peer } from './presence.js';

export function useBoardSession(boardId: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    const created = new BoardSession(boardId, loadIdentity(), takeInvite(boardId));
    setSession(created);
    return () => created.destroy();
  }, [boardId]);
  return session;
}

export function useItems(session: BoardSession): ItemSnapshot[] {
  return useDocValue(session.doc, orderedItems);
}

export function useBoardTitle(session: BoardSession): string {
  return useDocValue(session.doc, boardTitle);
}

export function useConnection(session: BoardSession): ConnectionState {
  return useSyncExternalStore(session.subscribe, session.getConnection);
}

export function useLoadedLocally(session: BoardSession): boolean {
  return useSyncExternalStore(session.subscribe, () => session.loadedLocally);
}

export function usePeers(session: BoardSession): Peer[] {
  const store = useMemo(() => {
    let peers = readPeers(session.awareness);
    return {
      subscribe(notify: () => void) {
        const onChange = () => {
          peers = readPeers(session.awareness);
          notify();
        };
        session.awareness.on('change', onChange);
        return () => session.awareness.off('change', onChange);
      },
      get: () => peers,
    };
  }, [session]);
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * Items someone else changed in the last moments: id -> when. Rows use it
 * to flash briefly, so remote edits are noticed without jumping around.
 */
export function useRemoteChanges(session: BoardSession): Map<string, number> {
  const [changes, setChanges] = useState<Map<string, number>>(() => new Map());
  useEffect(() => {
    const items = itemsMap(session.doc);
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      // The first sync brings the whole board: that is loading, not someone's change.
      if (transaction.origin !== session.remote || !session.remote.synced) return;
      const now = Date.now();
      const ids = new Set<string>();
      for (const event of events) {
        if (event.target === items) {
          (event as Y.YMapEvent<unknown>).keysChanged.forEach((id) => ids.add(id));
        } else if (typeof event.path[0] === 'string') {
          ids.add(event.path[0]);
        }
      }
      if (ids.size === 0) return;
      setChanges((previous) => {
        const next = new Map([...previous].filter(([, at]) => now - at < 3000));
        ids.forEach((id) => next.set(id, now));
        return next;
      });
    };
    items.observeDeep(onChange);
    return () => items.unobserveDeep(onChange);
  }, [session]);
  return changes;
}
