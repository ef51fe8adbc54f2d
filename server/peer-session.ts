/**
 * One client's side of the protocol on the relay that owns its board: it
 * waits for the room to load (queueing what the client sent meanwhile),
 * joins it, answers the sync handshake, and hands updates and presence to
 * the room. Any bad input closes this client only, with a close code that
 * says why (protocol.ts). The client may be connected here (connection.ts)
 * or to another relay that forwards its frames (cluster/remote-clients.ts).
 */
import * as Y from 'yjs';
import { CloseCode, ProtocolError, encodeSyncStep1, parseClientMessage } from './protocol.js';
import type { Peer, Room } from './room.js';
import { SyncHandshake, type HandshakePeer } from './sync-handshake.js';
import type { Limits, WorkBudgets } from './limits.js';
import type { Logger } from './log.js';
import type { LimitName, Metrics } from './metrics.js';

export interface SessionContext {
  log: Logger;
  metrics: Metrics;
  limits: Limits;
  work: WorkBudgets;
}

/** Whoever carries the client's frames. */
export interface SessionPeer extends Peer, HandshakePeer {
  /** Closes the client for going over a limit (counted), with 1008 unless `code` says otherwise. */
  overLimit(limit: LimitName, reason: string, code?: number): void;
  /** Charges an answer the client asked for to its byte rate; false when that is spent. */
  takeBytes(bytes: number): boolean;
}

/** What a connection hands a client's frames to: a session here, or a link to the board's owner. */
export interface ClientSession {
  receive(frame: Uint8Array, started?: number): void;
  dispose(): void;
}

export class PeerSession implements ClientSession {
  private queue: Uint8Array[] | null = [];
  private disposed = false;
  private readonly handshake: SyncHandshake;
  private readonly work: ReturnType<WorkBudgets['open']>;

  constructor(
    private readonly room: Room,
    private readonly peer: SessionPeer,
    address: string,
    private readonly context: SessionContext,
  ) {
    this.work = context.work.open(address);
    this.handshake = new SyncHandshake(room, peer);
    void room.loaded.then(() => this.start());
  }

  private start(): void {
    if (this.disposed) return;
    if (this.room.state !== 'ready') {
      this.peer.close(CloseCode.internal, 'board could not be loaded; reconnect to retry');
      return;
    }
    this.room.join(this.peer, encodeSyncStep1(Y.encodeStateVector(this.room.doc)));
    this.handshake.joined();
    const queued = this.queue ?? [];
    this.queue = null;
    for (const frame of queued) this.timed(frame);
  }

  receive(frame: Uint8Array, started = performance.now()): void {
    if (this.disposed) return;
    if (this.queue === null) this.timed(frame, started);
    else if (!this.handshake.answerWhileLoading(frame, this.queue.length === 0)) this.queue.push(frame);
  }

  /** Handles a frame and charges the time it took to this client's and its address's work budgets. */
  private timed(frame: Uint8Array, started = performance.now()): void {
    this.handle(frame);
    if (this.peer.closed) return;
    const now = performance.now();
    const spent = now - started;
    const own = this.work.connection.charge(spent, now);
    const shared = this.work.address.charge(spent, now);
    const { limits } = this.context;
    if (!own) this.peer.overLimit('work', `over the work budget (${limits.workMsPerSecond} ms of relay time per second)`);
    else if (!shared) this.peer.overLimit('address-work', `over the work budget of its address (${limits.addressWorkMsPerSecond} ms of relay time per second)`);
  }

  private handle(frame: Uint8Array): void {
    if (this.peer.closed) return;
    try {
      const message = parseClientMessage(frame);
      switch (message.kind) {
        case 'sync-step-1':
          this.handshake.step1(message.stateVector);
          break;
        case 'sync-step-2':
          this.room.receiveUpdate(this.peer, message.update);
          this.handshake.step2Applied();
          break;
        case 'update':
          this.room.receiveUpdate(this.peer, message.update);
          break;
        case 'awareness':
          if (message.update.byteLength > this.context.limits.presenceBytes) {
            throw new ProtocolError(CloseCode.tooBig, `presence message over ${this.context.limits.presenceBytes} bytes (MAX_PRESENCE_BYTES)`, 'presence-size');
          }
          this.room.receiveAwareness(this.peer, message.update);
          break;
        case 'query-awareness': {
          // The answer can be far larger than the question: it counts toward the asker's byte rate.
          const snapshot = this.room.awarenessSnapshot();
          if (!this.peer.takeBytes(snapshot.byteLength)) {
            throw new ProtocolError(CloseCode.policy, `over the byte rate limit (${this.context.limits.bytesPerSecond} bytes/s) with presence queries`, 'bytes');
          }
          this.peer.send(snapshot);
          break;
        }
      }
    } catch (error) {
      if (error instanceof ProtocolError) {
        if (error.limit !== undefined) this.context.metrics.limitClose(error.limit);
        this.context.log.info('closing a socket for bad input', { board: this.room.name, code: error.code, reason: error.message });
        this.peer.close(error.code, error.message);
      } else {
        this.context.log.error('unexpected error while handling a message', { board: this.room.name, error: String(error) });
        this.peer.close(CloseCode.internal, 'internal error');
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.handshake.dispose();
    this.queue = null;
    this.work.release();
    this.room.leave(this.peer);
  }
}
