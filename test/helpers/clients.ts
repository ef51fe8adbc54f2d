/** Stock y-websocket clients in Node, and a polling wait. */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves when the provider has received the relay's sync step 2. */
  synced: () => Promise<void>;
  destroy(): void;
}

/**
 * Node 20 has no global WebSocket, so the stock provider gets `ws` (or a
 * subclass of it, to watch the wire) through its documented option.
 */
export function connectClient(
  syncUrl: string,
  board: string,
  doc: Y.Doc = new Y.Doc(),
  socket: typeof WebSocket = WebSocket,
  /** Query parameters for the socket URL, such as an invite `token`. */
  params: Record<string, string> = {},
): Client {
  const provider = new WebsocketProvider(syncUrl, board, doc, {
    params,
    WebSocketPolyfill: socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const onSync = (isSynced: boolean) => {
              if (!isSynced) return;
              provider.off('sync', onSync);
              resolve();
            };
            provider.on('sync', onSync);
          }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
