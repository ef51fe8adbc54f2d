/**
 * On a board's owner: a client connected to another relay, whose frames
 * come over the link. It gets the same PeerSession as a client connected
 * here; what the room sends it goes back over the link (SEND), and what the
 * room sends to all the board's clients there goes once (BROADCAST, through
 * the link's fanout).
 */
import { CloseCode } from '../protocol.js';
import type { AccessRole } from '../access.js';
import { TokenBucket, type Limits } from '../limits.js';
import type { LimitName, Metrics } from '../metrics.js';
import type { Fanout, Peer } from '../room.js';
import type { ClientSession, SessionPeer } from '../peer-session.js';
import type { Link } from './link.js';

export class RemotePeer implements SessionPeer {
  private isClosed = false;
  private session: ClientSession | null = null;
  private readonly byteBudget: TokenBucket;
  private readonly disposeHooks: (() => void)[] = [];

  constructor(
    readonly link: Link,
    /** The client's number on its relay. */
    readonly conn: number,
    readonly role: AccessRole,
    readonly fanout: Fanout,
    private readonly metrics: Metrics,
    limits: Limits,
  ) {
    this.byteBudget = new TokenBucket(limits.bytesPerSecond, limits.bytesPerSecond * 2);
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Runs `hook` once the client is gone. */
  onDispose(hook: () => void): void {
    if (this.isClosed) hook();
    else this.disposeHooks.push(hook);
  }

  attach(session: ClientSession): void {
    if (this.isClosed) return session.dispose();
    this.session = session;
  }

  receive(frame: Uint8Array): void {
    this.session?.receive(frame);
  }

  send(frame: Uint8Array): void {
    if (this.isClosed) return;
    this.metrics.forwardedMessages.inc({ direction: 'from-owner' });
    this.link.send({ type: 'send', conn: this.conn, frame });
  }

  sendEarly(frame: Uint8Array): Promise<void> {
    this.send(frame);
    return Promise.resolve();
  }

  takeBytes(bytes: number): boolean {
    return this.byteBudget.take(bytes);
  }

  overLimit(limit: LimitName, reason: string, code: number = CloseCode.policy): void {
    this.metrics.limitClose(limit);
    this.close(code, reason);
  }

  /** The owner closes the client: its relay closes the socket with this code. */
  close(code: number, reason: string): void {
    if (this.isClosed) return;
    this.link.send({ type: 'close', conn: this.conn, code, reason });
    this.dispose();
  }

  /** The client is gone (its socket closed, or the link): it leaves the room. */
  dispose(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.session?.dispose();
    for (const hook of this.disposeHooks.splice(0)) hook();
  }
}

/** A link's fanout: one BROADCAST per frame for all the board's clients on the relay at the other end. */
export function linkFanout(link: Link, metrics: Metrics): Fanout {
  return {
    broadcast(board: string, frame: Uint8Array, except: Peer | null) {
      metrics.forwardedMessages.inc({ direction: 'from-owner' });
      const skip = except instanceof RemotePeer && except.link === link ? except.conn : 0;
      link.send({ type: 'broadcast', board, except: skip, frame });
    },
  };
}
