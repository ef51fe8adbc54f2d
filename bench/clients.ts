/** Stock clients for each relay: y-websocket's provider for ours and the reference, Hocuspocus's own for Hocuspocus. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient } from '../test/helpers/clients.js';
import { HocuspocusProvider } from '@hocuspocus/provider';
import type { RelayKind } from './relays.js';

export interface BenchClient {
  doc: Y.Doc;
  /** Resolves once the client has the relay's state (again, after a reconnect). */
  synced(): Promise<void>;
  isSynced(): boolean;
  disconnect(): void;
  connect(): void;
  destroy(): void;
}

/**
 * `socket` lets a benchmark watch the wire (both providers take the socket class as an option). Reconnects
 * wait at most 200 ms with either client (the stock y-websocket client as the tests set it up; Hocuspocus's
 * provider given the same bound), so that failover times compare servers, not clients' backoff.
 */
export function connect(kind: RelayKind, url: string, board: string, doc: Y.Doc = new Y.Doc(), socket: typeof WebSocket = WebSocket): BenchClient {
  if (kind === 'hocuspocus') {
    const provider = new HocuspocusProvider({ url, name: board, document: doc, WebSocketPolyfill: socket, delay: 100, minDelay: 100, maxDelay: 200 } as unknown as ConstructorParameters<typeof HocuspocusProvider>[0]);
    return {
      doc,
      isSynced: () => provider.isSynced,
      synced: () => (provider.isSynced ? Promise.resolve() : new Promise((resolve) => provider.on('synced', () => resolve()))),
      disconnect: () => provider.configuration.websocketProvider.disconnect(),
      connect: () => void provider.configuration.websocketProvider.connect(),
      destroy: () => provider.destroy(),
    };
  }
  // The same stock client the integration tests use.
  const client = connectClient(url, board, doc, socket);
  return {
    doc,
    isSynced: () => client.provider.synced,
    synced: client.synced,
    disconnect: () => client.provider.disconnect(),
    connect: () => client.provider.connect(),
    destroy: () => client.provider.destroy(),
  };
}

/** Connects many clients in batches, so that connecting is not itself a storm. */
export async function connectMany(kind: RelayKind, url: string | string[], boards: string[], perBoard: number, batch = 200): Promise<BenchClient[][]> {
  const urls = typeof url === 'string' ? [url] : url;
  const out: BenchClient[][] = boards.map(() => []);
  const jobs: [number, string][] = [];
  boards.forEach((board, index) => {
    for (let i = 0; i < perBoard; i++) jobs.push([index, board]);
  });
  for (let start = 0; start < jobs.length; start += batch) {
    const slice = jobs.slice(start, start + batch).map(([index, board]) => {
      const client = connect(kind, urls[out[index]!.length % urls.length]!, board);
      out[index]!.push(client);
      return client.synced();
    });
    await Promise.all(slice);
  }
  return out;
}
