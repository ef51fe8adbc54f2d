/**
 * The relay: one HTTP server whose WebSocket endpoint `/sync/<boardId>`
 * speaks the y-websocket protocol, and whose other paths serve the client.
 *
 * Life cycle of a connection: upgrade (the board id, the invite token when
 * AUTH_SECRET is set, and the per-address cap are checked; a refusal gets a
 * 4xx and creates no room) -> open the board's room (loading it from
 * storage if needed) -> sync -> updates, each committed before it is
 * forwarded -> close (presence removed; the room is saved and unloaded when
 * its last client leaves).
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { AccessError, verifyInvite, type AccessRole } from './access.js';
import { DEFAULTS } from './config.js';
import { Connection, type ConnectionContext } from './connection.js';
import { PeerSession, type SessionContext } from './peer-session.js';
import { createHttpHandler } from './http.js';
import { createAccessApi } from './invites.js';
import { AddressCounter, DEFAULT_LIMITS, WorkBudgets, type Limits } from './limits.js';
import { clientAddress, type TrustProxy } from './client-address.js';
import { guardHandshakes } from './handshakes.js';
import { SWEEP_MS, sweepSendBuffers } from './send-buffers.js';
import { Metrics } from './metrics.js';
import { createPokerApi } from './poker.js';
import { boardFromSyncPath } from './paths.js';
import { CloseCode } from './protocol.js';
import { Rooms } from './rooms.js';
import { SqliteBoardStore, type BoardStore, type SyncMode } from './storage.js';
import { PostgresBoardStore } from './postgres-store.js';
import { Cluster } from './cluster/cluster.js';
import type { ClusterConfig } from './config.js';
import { randomUUID } from 'node:crypto';
import { createLogger, type Logger } from './log.js';
import { createServer, type TlsFiles } from './tls.js';

export interface RelayOptions {
  port?: number;
  host?: string;
  /** Where SQLite keeps the boards; ignored when `store` is given. */
  dataDir?: string;
  sqliteSync?: SyncMode;
  /** A quota on the database file; writes beyond it are refused as on a full disk. */
  maxStorageBytes?: number;
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
  /** When set, every connection and API call needs an invite token signed with it (access.ts). */
  authSecret?: string;
  limits?: Partial<Limits>;
  /** On close, how long /ready answers 503 (and new sockets are refused) before the relay shuts down. */
  drainMs?: number;
  /** Whose X-Forwarded-For to believe for the client's address (client-address.ts); default 'loopback'. */
  trustProxy?: TrustProxy;
  /** Serve HTTPS and wss:// with this certificate and key (tls.ts). */
  tls?: TlsFiles;
  /** Cluster mode: boards in PostgreSQL, shared with other relays (cluster/cluster.ts); `store` and `dataDir` are then ignored. */
  cluster?: ClusterConfig;
  log?: Logger;
}

export interface Relay {
  readonly port: number;
  readonly host: string;
  /** Stops being ready, waits `drainMs`, then stops accepting, saves every board, closes sockets with 1012. */
  close(): Promise<void>;
  stats(): { rooms: number; connections: number };
  readonly metrics: Metrics;
}

const DEFAULT_CLIENT_DIR = new URL('../dist/client', import.meta.url).pathname;

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' };

function refuse(socket: Duplex, status: number, reason = ''): void {
  const body = reason === '' ? '' : `${reason}\n`;
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  socket.destroy();
}

export async function startRelay(options: RelayOptions = {}): Promise<Relay> {
  const log = options.log ?? createLogger('warn');
  const metrics = new Metrics();
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULTS.maxMessageBytes;
  const postgres = options.cluster
    ? await PostgresBoardStore.open({ url: options.cluster.databaseUrl, relayId: randomUUID(), relayUrl: options.cluster.relayUrl, ownerTimeoutMs: options.cluster.ownerTimeoutMs })
    : null;
  const store: BoardStore =
    postgres ??
    options.store ??
    new SqliteBoardStore(options.dataDir ?? DEFAULTS.dataDir, options.sqliteSync, options.maxStorageBytes || null, (what, error) => {
      if (what === 'checkpoint') return log.warn('WAL checkpoint failed', { error });
      if (what === 'journal-recovery') {
        metrics.quarantinedRows.inc();
        return log.error('the end of the journal could not be read and was quarantined', { error });
      }
      metrics.storageErrors.inc();
      log.error('moving the journal into the database failed; its updates stay in the journal', { error });
    });
  const rooms = new Rooms({
    store,
    log,
    metrics,
    compactEvery: options.compactEvery ?? 500,
    unloadDelayMs: options.unloadDelayMs ?? DEFAULTS.unloadDelayMs,
    maxLoaded: limits.maxLoadedBoards,
    scanLimits: { maxEntries: limits.updateEntries },
  });
  const connections = new Set<Connection>();
  const perAddress = new AddressCounter(limits.connectionsPerAddress);
  const context: ConnectionContext = { log, metrics, limits, maxMessageBytes };
  const sessionContext: SessionContext = { log, metrics, limits, work: new WorkBudgets(limits) };
  const stats = () => ({ rooms: rooms.size, connections: connections.size });
  const authSecret = options.authSecret || null;
  const trustProxy = options.trustProxy ?? 'loopback';
  /** Ready: /ready says 200. Accepting: new sockets are taken (also while draining, until shutdown). */
  let ready = false;
  let accepting = false;

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const cluster =
    postgres && options.cluster
      ? new Cluster({ store: postgres, rooms, secret: options.cluster.secret, heartbeatMs: options.cluster.heartbeatMs, ownerTimeoutMs: options.cluster.ownerTimeoutMs, log, metrics, session: sessionContext })
      : null;
  const apis = [createAccessApi(authSecret), createPokerApi(rooms, store, authSecret, cluster && ((board) => cluster.locate(board)))];
  const server: Server = createServer(
    options.tls,
    createHttpHandler({ clientDir: options.clientDir ?? DEFAULT_CLIENT_DIR, health: () => ({ ...stats(), invites: authSecret !== null }), ready: () => ready && (cluster?.ready ?? true), metrics: () => metrics.text(), apis, log }),
  );
  guardHandshakes(server, { perAddress: limits.handshakesPerAddress, timeoutMs: limits.handshakeTimeoutMs, trustProxy, metrics });

  /** Who may open the board: the invite's role, or facilitator when the relay has no AUTH_SECRET. */
  const roleFor = (url: URL, board: string): AccessRole => (authSecret === null ? 'facilitator' : verifyInvite(authSecret, url.searchParams.get('token'), board).role);

  server.on('upgrade', (request, socket, head) => {
    const refused = (status: number, reason = '') => {
      metrics.refusedUpgrades.inc({ status: String(status) });
      refuse(socket, status, reason);
    };
    if (!accepting) return refused(503, 'the relay is not accepting connections');
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://relay');
    } catch {
      return refused(400, 'bad request path');
    }
    if (url.pathname === '/cluster' && cluster !== null) return cluster.acceptLink(request, socket, head, refused);
    if (!url.pathname.startsWith('/sync/')) return refused(404);
    const board = boardFromSyncPath(url.pathname);
    if (board === null) return refused(400, 'bad board id');
    let role: AccessRole;
    try {
      role = roleFor(url, board);
    } catch (error) {
      if (error instanceof AccessError) return refused(error.status, error.message);
      throw error;
    }
    const address = clientAddress(request, trustProxy);
    if (!perAddress.tryAdd(address)) {
      metrics.limitClose('connections-per-address');
      return refused(429, `at most ${limits.connectionsPerAddress} connections per address`);
    }
    // Counted until the TCP socket closes, whether or not the handshake succeeds.
    socket.once('close', () => perAddress.remove(address));
    sockets.handleUpgrade(request, socket, head, (ws) => {
      if (cluster !== null) {
        const connection = new Connection(ws, board, role, address, context, (closed) => {
          connections.delete(closed);
          metrics.connections.set(connections.size);
          cluster.disconnected(closed);
        });
        connections.add(connection);
        metrics.connections.set(connections.size);
        return cluster.connect(connection);
      }
      const room = rooms.open(board);
      const connection = new Connection(ws, board, role, address, context, (closed) => {
        connections.delete(closed);
        metrics.connections.set(connections.size);
        rooms.releaseIfIdle(room);
      });
      connection.attach(new PeerSession(room, connection, address, sessionContext));
      connections.add(connection);
      metrics.connections.set(connections.size);
    });
  });

  const pingTimer = setInterval(() => {
    for (const connection of connections) connection.terminateIfSilent();
  }, options.pingIntervalMs ?? 30_000);
  pingTimer.unref();
  const sweepTimer = setInterval(() => sweepSendBuffers(connections, limits.sendBufferBytesPerAddress, limits.sendBufferBytesTotal), SWEEP_MS);
  sweepTimer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULTS.port, options.host ?? DEFAULTS.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  if (postgres !== null) {
    // Only now is the port known: the other relays learn where this one is.
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    await postgres.register(options.cluster?.relayUrl ?? `${options.tls ? 'wss' : 'ws'}://${host}:${address.port}`);
  }
  ready = true;
  accepting = true;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      ready = false;
      if (options.drainMs) await new Promise((resolve) => setTimeout(resolve, options.drainMs));
      accepting = false;
      clearInterval(pingTimer);
      clearInterval(sweepTimer);
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of [...connections]) connection.close(CloseCode.restart, 'server restarting');
      cluster?.close();
      await rooms.closeAll();
      await store.close();
      server.closeAllConnections();
      await serverClosed;
    })();
    return closing;
  };

  return { port: address.port, host: address.address, close, stats, metrics };
}
