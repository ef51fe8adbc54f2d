/**
 * The relay: one HTTP server whose WebSocket endpoint `/sync/<boardId>`
 * speaks the y-websocket protocol, and whose other paths serve the client.
 *
 * Life cycle of a connection: upgrade (the board id is checked; a bad path
 * gets a 4xx and creates no room) -> open the board's room (loading it from
 * storage if needed) -> sync -> updates, each committed before it is
 * forwarded -> close (presence removed; the room is saved and unloaded when
 * its last client leaves).
 */
import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { Connection } from './connection.js';
import { createHttpHandler } from './http.js';
import { createPokerApi } from './poker.js';
import { boardFromSyncPath } from './paths.js';
import { CloseCode } from './protocol.js';
import { Rooms } from './rooms.js';
import { SqliteBoardStore, type BoardStore, type SyncMode } from './storage.js';
import { createLogger, type Logger } from './log.js';

export interface RelayOptions {
  port?: number;
  host?: string;
  /** Where SQLite keeps the boards; ignored when `store` is given. */
  dataDir?: string;
  sqliteSync?: SyncMode;
  /** Storage other than the default SQLite store (tests use this to slow loading down). */
  store?: BoardStore;
  maxMessageBytes?: number;
  /** The built client; defaults to dist/client beside the checkout. */
  clientDir?: string;
  /** How often silent sockets are pinged and, a sweep later, closed. */
  pingIntervalMs?: number;
  compactEvery?: number;
  /** How long a board with no clients stays loaded before it is saved and unloaded. */
  unloadDelayMs?: number;
  log?: Logger;
}

export interface Relay {
  readonly port: number;
  readonly host: string;
  /** Stops accepting, saves every board, closes sockets with 1012. */
  close(): Promise<void>;
  stats(): { rooms: number; connections: number };
}

const DEFAULT_CLIENT_DIR = new URL('../dist/client', import.meta.url).pathname;

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function startRelay(options: RelayOptions = {}): Promise<Relay> {
  const log = options.log ?? createLogger('warn');
  const store = options.store ?? new SqliteBoardStore(options.dataDir ?? './data', options.sqliteSync);
  const rooms = new Rooms(store, log, options.compactEvery ?? 500, options.unloadDelayMs ?? 2000);
  const connections = new Set<Connection>();
  const stats = () => ({ rooms: rooms.size, connections: connections.size });

  const server: Server = createServer(createHttpHandler(options.clientDir ?? DEFAULT_CLIENT_DIR, stats, createPokerApi(rooms, store, log)));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 16 * 1024 * 1024 });
  let accepting = true;

  server.on('upgrade', (request, socket, head) => {
    if (!accepting) return refuse(socket, 503, 'Service Unavailable');
    const url = new URL(request.url ?? '/', 'http://relay');
    if (!url.pathname.startsWith('/sync/')) return refuse(socket, 404, 'Not Found');
    const board = boardFromSyncPath(url.pathname);
    if (board === null) return refuse(socket, 400, 'Bad Request');
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const room = rooms.open(board);
      const connection = new Connection(ws, room, log, (closed) => {
        connections.delete(closed);
        rooms.releaseIfIdle(room);
      });
      connections.add(connection);
    });
  });

  const pingTimer = setInterval(() => {
    for (const connection of connections) connection.terminateIfSilent();
  }, options.pingIntervalMs ?? 30_000);
  pingTimer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      accepting = false;
      clearInterval(pingTimer);
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of [...connections]) connection.close(CloseCode.restart, 'server restarting');
      rooms.closeAll();
      store.close();
      server.closeAllConnections();
      await serverClosed;
    })();
    return closing;
  };

  return { port: address.port, host: address.address, close, stats };
}
