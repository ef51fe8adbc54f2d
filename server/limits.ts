/**
 * Limits that keep one client from costing the others more than a small,
 * documented bound (docs/security.md): per-connection message and byte
 * rates, the relay's working time per connection and per address (token
 * buckets), what one update or presence message may hold, connections and
 * unfinished handshakes per address, boards in memory (rooms.ts), and what
 * waits in send buffers per socket, per address and in all (send-buffers.ts).
 * Going over one closes the offending connection alone, with a close code
 * and a reason that name the limit, and counts it in /metrics.
 */

export interface Limits {
  /** Sustained messages per second per connection; bursts of twice that pass. */
  messagesPerSecond: number;
  /** Sustained bytes per second per connection; a burst may hold one message of the maximum size. */
  bytesPerSecond: number;
  /** Milliseconds of the relay's time one connection may use per second, sustained (bursts: WORK_BURST_SECONDS' worth). */
  workMsPerSecond: number;
  /** The same for all connections from one address together. */
  addressWorkMsPerSecond: number;
  /** Structs, values and deleted ranges one update may hold (update-scan.ts). */
  updateEntries: number;
  /** Bytes of one presence (awareness) message. */
  presenceBytes: number;
  connectionsPerAddress: number;
  /** TCP connections from one address that have not finished their HTTP request yet. */
  handshakesPerAddress: number;
  /** How long a connection may take to send its request (an upgrade's headers). */
  handshakeTimeoutMs: number;
  maxLoadedBoards: number;
  /** A socket with more than this waiting to be sent is a client that stopped reading. */
  maxSendBufferBytes: number;
  /** What may wait in the send buffers of one address's sockets together, and of all sockets. */
  sendBufferBytesPerAddress: number;
  sendBufferBytesTotal: number;
}

export const DEFAULT_LIMITS: Limits = {
  messagesPerSecond: 500,
  bytesPerSecond: 1024 * 1024,
  workMsPerSecond: 250,
  addressWorkMsPerSecond: 500,
  updateEntries: 150_000,
  presenceBytes: 32 * 1024,
  connectionsPerAddress: 2048,
  handshakesPerAddress: 512,
  handshakeTimeoutMs: 5000,
  maxLoadedBoards: 2000,
  maxSendBufferBytes: 16 * 1024 * 1024,
  sendBufferBytesPerAddress: 64 * 1024 * 1024,
  sendBufferBytesTotal: 512 * 1024 * 1024,
};

/** Allows `rate` per second on average and `capacity` at once. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
    now = performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes `amount`; false (and nothing taken) when that would go over the limit. */
  take(amount: number, now = performance.now()): boolean {
    this.refill(now);
    if (amount > this.tokens) return false;
    this.tokens -= amount;
    return true;
  }

  /** Charges `amount` already spent (work is known only afterwards); false when that overdrew the bucket. */
  charge(amount: number, now = performance.now()): boolean {
    this.refill(now);
    this.tokens -= amount;
    return this.tokens >= 0;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}

/** Open connections (or handshakes) per remote address. */
export class AddressCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts a new connection from `address`; false when it would go over the cap. */
  tryAdd(address: string): boolean {
    const count = this.counts.get(address) ?? 0;
    if (count >= this.max) return false;
    this.counts.set(address, count + 1);
    return true;
  }

  remove(address: string): void {
    const count = (this.counts.get(address) ?? 0) - 1;
    if (count > 0) this.counts.set(address, count);
    else this.counts.delete(address);
  }
}

/**
 * The relay's working time, charged per connection and per address: each
 * message is timed while it is handled (decoding, checking, applying,
 * storing, forwarding, answering), and a connection whose own bucket or
 * whose address's shared one runs dry is closed. One message can cost at
 * most what the per-update limits allow; this bounds the sustained share.
 */
/** A work budget holds this many seconds' worth at once: room for one large update or first sync. */
const WORK_BURST_SECONDS = 6;

export class WorkBudgets {
  private readonly perAddress = new Map<string, { bucket: TokenBucket; users: number }>();

  constructor(private readonly limits: Limits) {}

  /** A connection's budget: its own bucket and its address's. Call `release` when it closes. */
  open(address: string): { connection: TokenBucket; address: TokenBucket; release: () => void } {
    let shared = this.perAddress.get(address);
    if (shared === undefined) {
      const rate = this.limits.addressWorkMsPerSecond;
      shared = { bucket: new TokenBucket(rate, rate * WORK_BURST_SECONDS), users: 0 };
      this.perAddress.set(address, shared);
    }
    shared.users++;
    const entry = shared;
    return {
      connection: new TokenBucket(this.limits.workMsPerSecond, this.limits.workMsPerSecond * WORK_BURST_SECONDS),
      address: entry.bucket,
      release: () => {
        if (--entry.users === 0 && this.perAddress.get(address) === entry) this.perAddress.delete(address);
      },
    };
  }
}
