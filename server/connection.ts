/**
 * One client's WebSocket. It waits for its room to finish loading (queueing
 * what the client sends meanwhile), then answers the sync protocol. Any bad
 * input closes this socket only, with a close code that says why (see
 * protocol.ts); nothing from a rejected message is stored or forwarded.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CloseCode, ProtocolError, encodeSyncStep1, parseClientMessage } from './protocol.js';
import type { Peer, Room } from './room.js';
import { SyncHandshake, type HandshakePeer } from './sync-handshake.js';
import type { AccessRole } from './access.js';
import { TokenBucket, type Limits, type WorkBudgets } from './limits.js';
import type { Logger } from './log.js';
import type { LimitName, Metrics } from './metrics.js';
import type { Buffered } from './send-buffers.js';

export interface ConnectionContext {
  log: Logger;
  metrics: Metrics;
  limits: Limits;
  maxMessageBytes: number;
  work: WorkBudgets;
}

export class Connection implements Peer, Buffered, HandshakePeer {
  /** Set by pongs and messages; the relay's ping sweep closes sockets that stay silent. */
  alive = true;
  private queue: Uint8Array[] | null = [];
  private isClosed = false;
  private readonly messageBudget: TokenBucket;
  private readonly byteBudget: TokenBucket;
  private readonly work: ReturnType<WorkBudgets['open']>;
  private readonly log: Logger;
  private readonly handshake: SyncHandshake;

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    readonly role: AccessRole,
    /** The client's address, as the per-address limits count it. */
    readonly address: string,
    private readonly context: ConnectionContext,
    private readonly onClose: (connection: Connection) => void,
  ) {
    const { limits } = context;
    this.log = context.log;
    this.messageBudget = new TokenBucket(limits.messagesPerSecond, limits.messagesPerSecond * 2);
    this.byteBudget = new TokenBucket(limits.bytesPerSecond, Math.max(context.maxMessageBytes, limits.bytesPerSecond * 2));
    this.work = context.work.open(address);
    this.handshake = new SyncHandshake(room, this);
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('pong', () => (this.alive = true));
    // ws reports oversized frames (it then closes with 1009) and socket errors here.
    socket.on('error', (error) => this.log.debug('socket error', { board: room.name, error: String(error) }));
    socket.on('close', () => this.dispose());
    void room.loaded.then(() => this.start());
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get boardName(): string {
    return this.room.name;
  }

  private start(): void {
    if (this.isClosed) return;
    if (this.room.state !== 'ready') {
      this.close(CloseCode.internal, 'board could not be loaded; reconnect to retry');
      return;
    }
    this.room.join(this, encodeSyncStep1(Y.encodeStateVector(this.room.doc)));
    this.handshake.joined();
    const queued = this.queue ?? [];
    this.queue = null;
    for (const frame of queued) this.timed(frame);
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.isClosed) return;
    this.alive = true;
    if (!isBinary) {
      this.close(CloseCode.policy, 'text frames are not part of the protocol');
      return;
    }
    const frame = toBytes(data);
    const { metrics, limits } = this.context;
    metrics.messagesIn.inc();
    metrics.bytesIn.inc(frame.byteLength);
    const now = performance.now();
    if (!this.messageBudget.take(1, now)) return this.overLimit('messages', `over the message rate limit (${limits.messagesPerSecond}/s)`);
    if (!this.byteBudget.take(frame.byteLength, now)) return this.overLimit('bytes', `over the byte rate limit (${limits.bytesPerSecond} bytes/s)`);
    if (this.queue === null) this.timed(frame, now);
    else if (!this.handshake.answerWhileLoading(frame, this.queue.length === 0)) this.queue.push(frame);
  }

  /** An early answer (sync-handshake.ts): written at once, and the room learns when it has left. */
  sendEarly(frame: Uint8Array): Promise<void> {
    this.context.metrics.messagesOut.inc();
    this.context.metrics.bytesOut.inc(frame.byteLength);
    return new Promise<void>((resolve) => this.socket.send(frame, () => resolve()));
  }

  /** Handles a frame and charges the time it took to this connection's and its address's work budgets. */
  private timed(frame: Uint8Array, started = performance.now()): void {
    this.handle(frame);
    if (this.isClosed) return;
    const now = performance.now();
    const spent = now - started;
    const own = this.work.connection.charge(spent, now);
    const shared = this.work.address.charge(spent, now);
    const { limits } = this.context;
    if (!own) this.overLimit('work', `over the work budget (${limits.workMsPerSecond} ms of relay time per second)`);
    else if (!shared) this.overLimit('address-work', `over the work budget of its address (${limits.addressWorkMsPerSecond} ms of relay time per second)`);
  }

  private handle(frame: Uint8Array): void {
    if (this.isClosed) return;
    try {
      const message = parseClientMessage(frame);
      switch (message.kind) {
        case 'sync-step-1':
          this.handshake.step1(message.stateVector);
          break;
        case 'sync-step-2':
          this.room.receiveUpdate(this, message.update);
          if (!this.room.hasUncommitted) this.handshake.step2Committed();
          else this.room.whenCommitted().then(() => this.handshake.step2Committed(), () => {});
          break;
        case 'update':
          this.room.receiveUpdate(this, message.update);
          break;
        case 'awareness':
          if (message.update.byteLength > this.context.limits.presenceBytes) {
            throw new ProtocolError(CloseCode.tooBig, `presence message over ${this.context.limits.presenceBytes} bytes (MAX_PRESENCE_BYTES)`, 'presence-size');
          }
          this.room.receiveAwareness(this, message.update);
          break;
        case 'query-awareness': {
          // The answer can be far larger than the question: it counts toward the asker's byte rate.
          const snapshot = this.room.awarenessSnapshot();
          if (!this.byteBudget.take(snapshot.byteLength)) {
            throw new ProtocolError(CloseCode.policy, `over the byte rate limit (${this.context.limits.bytesPerSecond} bytes/s) with presence queries`, 'bytes');
          }
          this.send(snapshot);
          break;
        }
      }
    } catch (error) {
      if (error instanceof ProtocolError) {
        if (error.limit !== undefined) this.context.metrics.limitClose(error.limit);
        this.log.info('closing a socket for bad input', { board: this.room.name, code: error.code, reason: error.message });
        this.close(error.code, error.message);
      } else {
        this.log.error('unexpected error while handling a message', { board: this.room.name, error: String(error) });
        this.close(CloseCode.internal, 'internal error');
      }
    }
  }

  send(frame: Uint8Array): void {
    if (this.isClosed || this.socket.readyState !== WebSocket.OPEN) return;
    // A client that stopped reading would make the relay hold everything sent to it.
    if (this.socket.bufferedAmount > this.context.limits.maxSendBufferBytes) {
      this.overLimit('send-buffer', 'not reading: too much waiting to be sent; reconnect to resync', CloseCode.tryAgainLater);
      return;
    }
    this.context.metrics.messagesOut.inc();
    this.context.metrics.bytesOut.inc(frame.byteLength);
    this.socket.send(frame);
  }

  bufferedBytes(): number {
    return this.isClosed ? 0 : this.socket.bufferedAmount;
  }

  closeForBuffer(limit: 'address-send-buffer' | 'total-send-buffer'): void {
    this.overLimit(limit, 'not reading: the relay holds too much unsent for this address or in all; reconnect to resync', CloseCode.tryAgainLater);
  }

  private overLimit(limit: LimitName, reason: string, code: number = CloseCode.policy): void {
    this.context.metrics.limitClose(limit);
    this.log.info('closing a socket over a limit', { board: this.room.name, limit });
    this.close(code, reason);
    // Its close frame waits behind what it has not read; do not wait with it.
    if (code === CloseCode.tryAgainLater) setTimeout(() => this.socket.terminate(), 1000).unref();
  }

  close(code: number, reason: string): void {
    if (this.isClosed) return;
    // A close reason may hold at most 123 bytes.
    this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
    this.dispose();
  }

  /** Ends a socket that has not answered a ping since the last sweep. */
  terminateIfSilent(): void {
    if (!this.alive) {
      this.socket.terminate();
      this.dispose();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  private dispose(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.handshake.dispose();
    this.queue = null;
    this.work.release();
    this.room.leave(this);
    this.onClose(this);
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
