/**
 * What the relay needs from storage, whichever engine keeps the boards:
 * embedded SQLite (storage.ts, the default) or PostgreSQL (postgres-store.ts,
 * with DATABASE_URL, for several relays).
 *
 * The promise both keep: an update is forwarded to anyone only once it is
 * durable. SQLite makes an update durable before `append` returns
 * (`commits: 'at-once'`), so the room forwards it at once. PostgreSQL
 * commits over the network (`commits: 'batched'`): the room hands it every
 * update applied in one event-loop turn in one call, and forwards them when
 * the promise settles.
 */

export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
  /** The bytes match the checksum written with them; false for rows older than checksums. */
  verified: boolean;
}

export interface StoredBoard {
  /** The board's readable updates, oldest first; empty for a board never written. */
  updates: StoredUpdate[];
  /** Rows that failed their checksum and were moved to quarantine while loading. */
  quarantined: { seq: number; reason: string }[];
}

/** A poker round's private key, kept by the relay until the reveal (docs/poker.md). */
export interface RoundKey {
  privateKey: string;
  /** SHA-256 of the facilitator's reveal secret, base64. */
  secretHash: string;
}

/**
 * A write refused because this relay no longer owns the board (another
 * relay claimed it: docs/scale-out.md). Nothing of the write was stored; the
 * room stops and its clients resync through the new owner.
 */
export class FencedError extends Error {
  constructor(board: string) {
    super(`board ${JSON.stringify(board)} is owned by another relay now; its writes here are refused`);
    this.name = 'FencedError';
  }
}

export interface BoardStore {
  /** 'at-once': `append` is durable when it returns. 'batched': when its promise settles. */
  readonly commits: 'at-once' | 'batched';
  load(board: string): Promise<StoredBoard>;
  /** Makes updates durable, in order. Throws (or rejects) if it cannot; FencedError when the board is no longer this relay's. */
  append(board: string, updates: readonly Uint8Array[]): void | Promise<void>;
  /** Replaces every row of the board by `state`, which must include every update appended to it. */
  compact(board: string, state: Uint8Array): void | Promise<void>;
  /**
   * The board is being unloaded: for a store shared by several relays, saves
   * `state` (as compact does; null when nothing changed) and gives up the
   * board, in one transaction. A store of one relay just compacts.
   */
  release(board: string, state: Uint8Array | null): void | Promise<void>;
  /** Moves a stored row that cannot be read out of the board, keeping its bytes for inspection. */
  quarantine(board: string, seq: number, reason: string): void | Promise<void>;
  saveRoundKey(board: string, round: string, key: RoundKey): void | Promise<void>;
  roundKey(board: string, round: string): RoundKey | null | Promise<RoundKey | null>;
  close(): void | Promise<void>;
}
