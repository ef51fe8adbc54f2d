/**
 * Limits that keep one client from costing the others: per-connection
 * message and byte rates (token buckets), connections per address, boards
 * in memory (rooms.ts) and a cap on what waits in a socket's send buffer
 * (connection.ts). Going over one closes that connection alone, with a close
 * code and a reason that name the limit.
 */

export interface Limits {
  /** Sustained messages per second per connection; bursts of twice that pass. */
  messagesPerSecond: number;
  /** Sustained bytes per second per connection; a burst may hold one message of the maximum size. */
  bytesPerSecond: number;
  connectionsPerAddress: number;
  maxLoadedBoards: number;
  /** A socket with more than this waiting to be sent is a client that stopped reading. */
  maxSendBufferBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  messagesPerSecond: 500,
  bytesPerSecond: 1024 * 1024,
  connectionsPerAddress: 256,
  maxLoadedBoards: 2000,
  maxSendBufferBytes: 16 * 1024 * 1024,
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
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (amount > this.tokens) return false;
    this.tokens -= amount;
    return true;
  }
}

/** Open connections per remote address. */
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
