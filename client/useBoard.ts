/**
 * Opens a board: a Y.Doc kept in IndexedDB (so it opens offline) and synced
 * through the relay with the stock y-websocket provider.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { orderedItems, type ItemSnapshot } from '../shared/index.js';

export type ConnectionState = 'connecting' | 'live' | 'offline';

export interface BoardSession {
  doc: Y.Doc;
  items: ItemSnapshot[];
  connection: ConnectionState;
}

function syncUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/sync`;
}

export function useBoard(boardId: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`board:${boardId}`, doc);
    const remote = new WebsocketProvider(syncUrl(), boardId, doc);
    let connection: ConnectionState = 'connecting';
    const publish = () => setSession({ doc, items: orderedItems(doc), connection });
    const onStatus = ({ status }: { status: string }) => {
      connection = status === 'connected' && remote.synced ? 'live' : status === 'connecting' ? 'connecting' : 'offline';
      publish();
    };
    const onSync = (synced: boolean) => onStatus({ status: synced ? 'connected' : remote.wsconnected ? 'connecting' : 'disconnected' });
    remote.on('status', onStatus);
    remote.on('sync', onSync);
    doc.on('update', publish);
    publish();
    return () => {
      doc.off('update', publish);
      remote.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [boardId]);

  return session;
}
