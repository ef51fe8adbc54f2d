/**
 * Cluster mode (DATABASE_URL): several relays share the boards through
 * PostgreSQL, each loaded board with one owner (docs/scale-out.md).
 *
 * Life of a client connection on any relay: route its board (`route`):
 * this relay owns it already, or claims it (postgres-store.ts), and the
 * client gets a PeerSession on the room here; or another live relay owns
 * it, and the client's frames are forwarded over the link to that relay
 * (one link per pair of relays, link.ts), where a RemotePeer gets the
 * PeerSession. An owner that cannot be reached is taken over at the epoch
 * found. Each relay heartbeats every HEARTBEAT_MS; links to relays whose
 * heartbeat is older than the timeout are ended, and their clients
 * reconnect, which claims their boards.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { toAccessRole } from '../access.js';
import { CloseCode } from '../protocol.js';
import type { Connection } from '../connection.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { PeerSession, type SessionContext } from '../peer-session.js';
import type { PostgresBoardStore } from '../postgres-store.js';
import type { Fanout, Room } from '../room.js';
import type { Rooms } from '../rooms.js';
import { ForwardedSession } from './forwarded-session.js';
import { Link, linkHeaders, verifyLinkHeaders } from './link.js';
import type { LinkMessage } from './link-protocol.js';
import { RemotePeer, linkFanout } from './remote-peer.js';

export interface ClusterOptions {
  store: PostgresBoardStore;
  rooms: Rooms;
  secret: string;
  heartbeatMs: number;
  ownerTimeoutMs: number;
  log: Logger;
  metrics: Metrics;
  session: SessionContext;
}

export type Route = { kind: 'local'; room: Room } | { kind: 'remote'; link: Link; url: string };

/** How long dialing another relay may take before it counts as unreachable. */
const DIAL_TIMEOUT_MS = 2000;
/** Claims and dials tried for one board before the client is told to come back. */
const ROUTE_ATTEMPTS = 4;
/** Links are between relays holding the secret: their messages may be as large as a board. */
const MAX_LINK_MESSAGE_BYTES = 1024 ** 3;
/** Dial errors that say nobody listens there (kill -9, a machine gone): the board is taken over at once. */
const GONE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND']);

export class Cluster {
  private readonly links = new Map<string, Link>();
  private readonly dialing = new Map<string, Promise<Link>>();
  private readonly routing = new Map<string, Promise<Route>>();
  private readonly fanouts = new Map<Link, Fanout>();
  /** Clients here whose boards another relay owns: per link, by board, by number. */
  private readonly forwarded = new Map<Link, Map<string, Map<number, Connection>>>();
  /** Clients of other relays on boards this one owns: per link, by number. */
  private readonly remote = new Map<Link, Map<number, RemotePeer>>();
  /** The room each local client joined, to unload it when they leave. */
  private readonly roomOf = new WeakMap<Connection, Room>();
  private lastBeat = Date.now();
  private readonly beater: NodeJS.Timeout;
  private stopped = false;
  /** Links are accepted apart from clients: a link carries client messages plus a few bytes, and whole boards. */
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_LINK_MESSAGE_BYTES });

  constructor(private readonly options: ClusterOptions) {
    options.metrics.databaseUp.set(1);
    this.beater = setInterval(() => void this.beat(), options.heartbeatMs);
    this.beater.unref();
  }

  /** False while this relay cannot reach PostgreSQL (its last heartbeat is older than the timeout). */
  get ready(): boolean {
    return !this.stopped && Date.now() - this.lastBeat < this.options.ownerTimeoutMs;
  }

  private async beat(): Promise<void> {
    const { store, metrics } = this.options;
    // Silent past the timeout (PostgreSQL unreachable, or this process paused): others may have claimed our boards.
    this.dropBoardsIfSilent();
    try {
      await store.heartbeat();
      this.lastBeat = Date.now();
      metrics.databaseUp.set(1);
      metrics.boardsOwned.set(store.ownedCount);
      // Relays that stopped beating (killed, paused, cut off) lose their links: their clients here reconnect.
      const live = new Set((await store.liveRelays()).map((relay) => relay.id));
      for (const [id, link] of this.links) if (!live.has(id)) link.close();
    } catch (error) {
      metrics.databaseUp.set(0);
      this.options.log.warn('heartbeat to PostgreSQL failed', { error: String(error) });
      this.dropBoardsIfSilent();
    }
  }

  /**
   * A relay whose heartbeat is older than the timeout may have lost any of
   * its boards without having written since: it drops them all (clients
   * reconnect and find the owner), rather than serve one another relay owns.
   */
  private dropBoardsIfSilent(): void {
    if (Date.now() - this.lastBeat <= this.options.ownerTimeoutMs) return;
    const { rooms, store, log } = this.options;
    const loaded = rooms.all();
    if (loaded.length === 0) return;
    log.warn('no heartbeat within the timeout: dropping every board, which other relays may have claimed', { boards: loaded.length });
    store.forgetAll();
    for (const room of loaded) void rooms.abandon(room);
  }

  /** A client connected here: routed to the board's room, here or on its owner. */
  connect(connection: Connection): void {
    this.route(connection.board).then(
      (route) => {
        if (connection.closed) return route.kind === 'local' ? this.options.rooms.releaseIfIdle(route.room) : undefined;
        if (route.kind === 'local') {
          this.roomOf.set(connection, route.room);
          connection.attach(new PeerSession(route.room, connection, connection.address, this.options.session));
        } else this.forward(connection, route.link);
      },
      (error: unknown) => {
        this.options.log.warn('could not route a client to its board', { board: connection.board, error: String(error) });
        connection.close(CloseCode.tryAgainLater, "the board's relay could not be reached; reconnect");
      },
    );
  }

  /** Where the board's HTTP API calls go (poker.ts): its room here, or the owner's http(s) address. */
  async locate(board: string): Promise<{ room: Room } | { owner: string }> {
    const route = await this.route(board);
    return route.kind === 'local' ? { room: route.room } : { owner: route.url.replace(/^ws/, 'http').replace(/\/+$/, '') };
  }

  /** A client connected here has left: its room may unload. */
  disconnected(connection: Connection): void {
    const room = this.roomOf.get(connection);
    if (room !== undefined) this.options.rooms.releaseIfIdle(room);
  }

  private forward(connection: Connection, link: Link): void {
    const conn = link.newConn();
    const boards = this.forwarded.get(link) ?? new Map<string, Map<number, Connection>>();
    this.forwarded.set(link, boards);
    const clients = boards.get(connection.board) ?? new Map<number, Connection>();
    boards.set(connection.board, clients);
    clients.set(conn, connection);
    link.send({ type: 'open', conn, board: connection.board, role: connection.role, address: connection.address });
    connection.attach(
      new ForwardedSession(link, conn, this.options.metrics, () => {
        clients.delete(conn);
        if (clients.size === 0 && boards.get(connection.board) === clients) boards.delete(connection.board);
      }),
    );
  }

  /** Where the board's clients go: its room here, or the link to its owner. One routing per board at a time. */
  route(board: string): Promise<Route> {
    const pending = this.routing.get(board);
    if (pending !== undefined) return pending;
    const { rooms, store } = this.options;
    const room = rooms.get(board);
    if (room !== undefined && (room.state === 'ready' || room.state === 'loading') && store.owns(board)) return Promise.resolve({ kind: 'local', room: rooms.open(board) });
    const found = this.findRoute(board).finally(() => this.routing.delete(board));
    this.routing.set(board, found);
    return found;
  }

  private async findRoute(board: string): Promise<Route> {
    const { rooms, store, metrics } = this.options;
    // A room here that lost the board without noticing is stale: dropped, and the board loaded afresh if claimed.
    const stale = rooms.get(board);
    if (stale !== undefined) await rooms.abandon(stale);
    // The last save of an earlier room of this board finishes first: a claim now would fence it.
    await rooms.settled(board);
    let unreachable = -1;
    let lastError: unknown = null;
    for (let attempt = 0; attempt < ROUTE_ATTEMPTS; attempt++) {
      const claim = await store.claim(board, unreachable);
      if (claim.owned) {
        metrics.ownershipClaims.inc({ reason: claim.reason });
        return { kind: 'local', room: rooms.open(board) };
      }
      try {
        if (claim.url === null) throw new Error(`relay ${claim.relay} left no address`);
        return { kind: 'remote', link: await this.linkTo(claim.relay, claim.url), url: claim.url };
      } catch (error) {
        lastError = error;
        // Nobody listens there (kill -9): take the board over at the epoch found. Anything else (an HTTP
        // answer, a timeout) may be a live owner: wait for its heartbeat to go stale instead.
        if (GONE.has((error as NodeJS.ErrnoException).code ?? '')) unreachable = claim.epoch;
        else await new Promise((resolve) => setTimeout(resolve, this.options.heartbeatMs));
      }
    }
    throw new Error(`no route to board ${board}: ${String(lastError)}`);
  }

  /** The link to another relay, dialed if there is none open. */
  private linkTo(relayId: string, url: string): Promise<Link> {
    const open = this.links.get(relayId);
    if (open?.isOpen) return Promise.resolve(open);
    const pending = this.dialing.get(relayId);
    if (pending !== undefined) return pending;
    const dialed = new Promise<Link>((resolve, reject) => {
      const socket = new WebSocket(`${url.replace(/\/+$/, '')}/cluster`, { headers: linkHeaders(this.options.secret, this.options.store.relayId), handshakeTimeout: DIAL_TIMEOUT_MS, maxPayload: MAX_LINK_MESSAGE_BYTES });
      socket.once('open', () => resolve(this.adopt(relayId, socket)));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`relay ${relayId} refused the link (${response.statusCode})`)));
    }).finally(() => this.dialing.delete(relayId));
    this.dialing.set(relayId, dialed);
    return dialed;
  }

  /** An upgrade to /cluster: another relay proving it holds the secret gets a link; anyone else a 403. */
  acceptLink(request: IncomingMessage, socket: Duplex, head: Buffer, refuse: (status: number, reason: string) => void): void {
    const relayId = verifyLinkHeaders(this.options.secret, request.headers);
    if (relayId === null) return refuse(403, 'relay links need CLUSTER_SECRET');
    this.sockets.handleUpgrade(request, socket, head, (ws) => this.adopt(relayId, ws));
  }

  private adopt(relayId: string, socket: WebSocket): Link {
    const link = new Link(relayId, socket, (message) => this.onLinkMessage(link, message), (closed) => this.onLinkClosed(closed), (error) =>
      this.options.log.error('a relay sent an unreadable link message; link closed', { relay: relayId, error: error.message }),
    );
    this.links.set(relayId, link);
    this.fanouts.set(link, linkFanout(link, this.options.metrics));
    this.options.metrics.clusterLinks.set([...this.links.values()].filter((each) => each.isOpen).length);
    return link;
  }

  private onLinkMessage(link: Link, message: LinkMessage): void {
    switch (message.type) {
      // Owner side.
      case 'open':
        return this.openRemote(link, message.conn, message.board, message.role, message.address);
      case 'frame':
        return this.remote.get(link)?.get(message.conn)?.receive(message.frame);
      case 'leave': {
        const remote = this.remote.get(link)?.get(message.conn);
        this.remote.get(link)?.delete(message.conn);
        return remote?.dispose();
      }
      // Edge side.
      case 'close':
        for (const clients of this.forwarded.get(link)?.values() ?? []) clients.get(message.conn)?.close(message.code, message.reason);
        return;
      case 'send':
        for (const clients of this.forwarded.get(link)?.values() ?? []) clients.get(message.conn)?.send(message.frame);
        return;
      case 'broadcast':
        for (const [conn, connection] of this.forwarded.get(link)?.get(message.board) ?? []) if (conn !== message.except) connection.send(message.frame);
        return;
    }
  }

  /** A client of another relay on a board routed here: a RemotePeer, once the board is this relay's. */
  private openRemote(link: Link, conn: number, board: string, roleName: string, address: string): void {
    const role = toAccessRole(roleName);
    if (role === null) return link.send({ type: 'close', conn, code: CloseCode.policy, reason: 'unknown role' });
    const { metrics, session } = this.options;
    const peer = new RemotePeer(link, conn, role, this.fanouts.get(link)!, metrics, session.limits);
    const peers = this.remote.get(link) ?? new Map<number, RemotePeer>();
    this.remote.set(link, peers);
    peers.set(conn, peer);
    peer.onDispose(() => peers.get(conn) === peer && peers.delete(conn));
    // Frames that come while routing wait in the session's place.
    const waiting: Uint8Array[] = [];
    peer.attach({ receive: (frame) => waiting.push(frame), dispose: () => {} });
    this.route(board).then(
      (route) => {
        if (peer.closed) return route.kind === 'local' ? this.options.rooms.releaseIfIdle(route.room) : undefined;
        if (route.kind === 'remote') return peer.close(CloseCode.restart, 'the board moved to another relay; reconnect');
        const real = new PeerSession(route.room, peer, address, session);
        peer.attach(real);
        for (const frame of waiting) real.receive(frame);
        peer.onDispose(() => this.options.rooms.releaseIfIdle(route.room));
      },
      () => peer.close(CloseCode.tryAgainLater, 'the board could not be claimed; reconnect'),
    );
  }

  private onLinkClosed(link: Link): void {
    if (this.links.get(link.relayId) === link) this.links.delete(link.relayId);
    this.fanouts.delete(link);
    this.options.metrics.clusterLinks.set([...this.links.values()].filter((each) => each.isOpen).length);
    // Clients here forwarded over it reconnect, and find the board's new owner (or claim it).
    for (const clients of this.forwarded.get(link)?.values() ?? []) {
      for (const connection of [...clients.values()]) connection.close(CloseCode.restart, "the board's relay went away; reconnect to resync");
    }
    this.forwarded.delete(link);
    // Clients of that relay on boards here leave their rooms.
    for (const peer of this.remote.get(link)?.values() ?? []) peer.dispose();
    this.remote.delete(link);
  }

  /** Stops heartbeating and ends every link (shutdown); the store's close removes this relay's heartbeat row. */
  close(): void {
    this.stopped = true;
    clearInterval(this.beater);
    for (const link of [...this.links.values()]) link.close();
  }
}
