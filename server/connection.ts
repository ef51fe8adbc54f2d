/**
 * One client's WebSocket: the transport side. It enforces what is checked
 * per socket (text frames, the message and byte rates, the send buffer,
 * silence), and hands every frame to the client's session: a PeerSession
 * on the room when this relay owns the board (peer-session.ts), or a
 * forwarding session when another relay does (cluster/). Until the session
 * is known (cluster mode asks PostgreSQL who owns the board), frames wait.
 */
import WebSocket from 'ws';
import { CloseCode } from './protocol.js';
import type { SessionPeer, ClientSession } from './peer-session.js';
import type { AccessRole } from './access.js';
import { TokenBucket, type Limits } from './limits.js';
import type { Logger } from './log.js';
import type { LimitName, Metrics } from './metrics.js';
import type { Buffered } from './send-buffers.js';

export interface ConnectionContext {
  log: Logger;
  metrics: Metrics;
  limits: Limits;
  maxMessageBytes: number;
}

export class Connection implements SessionPeer, Buffered {
  /** Set by pongs and messages; the relay's ping sweep closes sockets that stay silent. */
  alive = true;
  private isClosed = false;
  private session: ClientSession | null = null;
  /** Frames that came before the session was known, with when each came. */
  private waiting: { frame: Uint8Array; at: number }[] | null = [];
  private readonly messageBudget: TokenBucket;
  private readonly byteBudget: TokenBucket;
  private readonly log: Logger;

  constructor(
    private readonly socket: WebSocket,
    readonly board: string,
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
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('pong', () => (this.alive = true));
    // ws reports oversized frames (it then closes with 1009) and socket errors here.
    socket.on('error', (error) => this.log.debug('socket error', { board, error: String(error) }));
    socket.on('close', () => this.dispose());
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Hands the client to its session; what it sent meanwhile follows, in order. */
  attach(session: ClientSession): void {
    if (this.isClosed) return session.dispose();
    this.session = session;
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const { frame, at } of waiting) session.receive(frame, at);
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
    if (this.session !== null) this.session.receive(frame, now);
    else this.waiting?.push({ frame, at: now });
  }

  takeBytes(bytes: number): boolean {
    return this.byteBudget.take(bytes);
  }

  /** An early answer (sync-handshake.ts): written at once, and the room learns when it has left. */
  sendEarly(frame: Uint8Array): Promise<void> {
    this.context.metrics.messagesOut.inc();
    this.context.metrics.bytesOut.inc(frame.byteLength);
    return new Promise<void>((resolve) => this.socket.send(frame, () => resolve()));
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

  overLimit(limit: LimitName, reason: string, code: number = CloseCode.policy): void {
    this.context.metrics.limitClose(limit);
    this.log.info('closing a socket over a limit', { board: this.board, limit });
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
    this.waiting = null;
    this.session?.dispose();
    this.onClose(this);
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
