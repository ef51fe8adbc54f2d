/**
 * On a relay that does not own a client's board: the client's session is a
 * forwarder. Its frames go to the owner over the link (after this relay's
 * own per-socket checks); what the owner sends comes back through
 * Cluster.onLinkMessage.
 */
import type { Metrics } from '../metrics.js';
import type { ClientSession } from '../peer-session.js';
import type { Link } from './link.js';

export class ForwardedSession implements ClientSession {
  private disposed = false;

  constructor(
    private readonly link: Link,
    readonly conn: number,
    private readonly metrics: Metrics,
    private readonly onDispose: (session: ForwardedSession) => void,
  ) {}

  receive(frame: Uint8Array): void {
    if (this.disposed) return;
    this.metrics.forwardedMessages.inc({ direction: 'to-owner' });
    this.link.send({ type: 'frame', conn: this.conn, frame });
  }

  /** The client's socket closed here: the owner lets it leave the room. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.link.send({ type: 'leave', conn: this.conn });
    this.onDispose(this);
  }
}
