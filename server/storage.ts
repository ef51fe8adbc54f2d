/**
 * Durable board storage in embedded SQLite (better-sqlite3, synchronous).
 *
 * One table holds every board as a list of Yjs updates:
 *
 *   updates(board TEXT, seq INTEGER, data BLOB, crc INTEGER), primary key (board, seq)
 *
 * `crc` is the CRC-32 of `data` (null for rows written before it existed).
 * A row whose bytes no longer match it (a flipped bit, a truncated write) is
 * moved to `quarantine(board, seq, data, reason, at)` when its board loads,
 * so that the rest of the board loads; clients that still hold its edits
 * send them again when they sync.
 *
 * `append` commits one update before it returns; the relay forwards an
 * update only after that, so anything another client has seen is on disk
 * and survives a `kill -9`. With the default `synchronous=NORMAL` in WAL mode
 * a commit survives a crash of the process; `SQLITE_SYNC=full` also fsyncs
 * every commit, to survive a power loss, at a cost in write latency.
 *
 * `compact` replaces a board's rows up to a sequence number with one row
 * holding the merged state, so that loading costs time in proportion to the
 * board's size rather than its history.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Checkpointer } from './checkpointer.js';

export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
  /** The bytes match the checksum written with them; false for rows older than checksums. */
  verified: boolean;
}

export interface StoredBoard {
  /** The board's readable updates, oldest first; empty for a board never written. */
  updates: StoredUpdate[];
  /** Sequence number of the last update, 0 when there is none. */
  lastSeq: number;
  /** Rows that failed their checksum and were moved to quarantine while loading. */
  quarantined: { seq: number; reason: string }[];
}

/** A poker round's private key, kept by the relay until the reveal (docs/poker.md). */
export interface RoundKey {
  privateKey: string;
  /** SHA-256 of the facilitator's reveal secret, base64. */
  secretHash: string;
}

/** What the relay needs from storage. Loading may be slow; writes are synchronous commits. */
export interface BoardStore {
  load(board: string): Promise<StoredBoard>;
  saveRoundKey(board: string, round: string, key: RoundKey): void;
  roundKey(board: string, round: string): RoundKey | null;
  /** Commits one update and returns its sequence number. Throws if it cannot be committed. */
  append(board: string, update: Uint8Array): number;

  /** Replaces the rows with seq <= upToSeq by `state` (which must include all of them). */
  compact(board: string, state: Uint8Array, upToSeq: number): void;
  /** Moves a stored row that cannot be read out of the board, keeping its bytes for inspection. */
  quarantine(board: string, seq: number, reason: string): void;
  close(): void;
}

export type SyncMode = 'normal' | 'full';

/** SQLite's own ceiling on max_page_count. */
const MAX_PAGES = 4294967294;

export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly checkpointer: Checkpointer;
  /** Made once: better-sqlite3 builds a transaction function's wrappers each time one is created. */
  private readonly inTransaction: Database.Transaction<(write: () => unknown) => unknown>;
  private readonly selectUpdates: Database.Statement<[string], { seq: number; data: Buffer; crc: number | null }>;
  private readonly insertUpdate: Database.Statement<[string, string, Uint8Array, number], { seq: number }>;
  private readonly deleteUpTo: Database.Statement<[string, number]>;
  private readonly insertAt: Database.Statement<[string, number, Uint8Array, number]>;
  private readonly moveToQuarantine: Database.Statement<[string, number, string, number]>;
  private readonly deleteRow: Database.Statement<[string, number]>;
  private readonly insertKey: Database.Statement<[string, string, string, string]>;
  private readonly selectKey: Database.Statement<[string, string], { private_key: string; secret_hash: string }>;

  /** `onCheckpointError` hears of a failed background checkpoint (checkpointer.ts); commits are not affected. */
  constructor(dataDir: string, sync: SyncMode = 'normal', maxBytes: number | null = null, onCheckpointError?: (error: string) => void) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'boards.sqlite3');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Checkpoints run in a worker (checkpointer.ts); a commit that meets one in progress waits a moment.
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.pragma('busy_timeout = 1000');
    this.checkpointer = new Checkpointer(file, onCheckpointError);
    this.inTransaction = this.db.transaction((write: () => unknown) => write());
    this.db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    this.setSizeLimit(maxBytes);
    this.db.exec(`CREATE TABLE IF NOT EXISTS updates (
      board TEXT NOT NULL,
      seq INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (board, seq)
    ) WITHOUT ROWID`);
    const columns = this.db.prepare("SELECT name FROM pragma_table_info('updates')").all() as { name: string }[];
    if (!columns.some((column) => column.name === 'crc')) this.db.exec('ALTER TABLE updates ADD COLUMN crc INTEGER');
    this.db.exec(`CREATE TABLE IF NOT EXISTS quarantine (
      board TEXT NOT NULL,
      seq INTEGER NOT NULL,
      data BLOB NOT NULL,
      reason TEXT NOT NULL,
      at INTEGER NOT NULL,
      PRIMARY KEY (board, seq)
    ) WITHOUT ROWID`);
    // Never part of the document: a round's private key leaves this table only at its reveal.
    this.db.exec(`CREATE TABLE IF NOT EXISTS round_keys (
      board TEXT NOT NULL,
      round TEXT NOT NULL,
      private_key TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      PRIMARY KEY (board, round)
    ) WITHOUT ROWID`);
    this.insertKey = this.db.prepare('INSERT INTO round_keys (board, round, private_key, secret_hash) VALUES (?, ?, ?, ?)');
    this.selectKey = this.db.prepare('SELECT private_key, secret_hash FROM round_keys WHERE board = ? AND round = ?');
    this.selectUpdates = this.db.prepare('SELECT seq, data, crc FROM updates WHERE board = ? ORDER BY seq');
    this.insertUpdate = this.db.prepare(
      'INSERT INTO updates (board, seq, data, crc) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM updates WHERE board = ?), ?, ?) RETURNING seq',
    );
    this.deleteUpTo = this.db.prepare('DELETE FROM updates WHERE board = ? AND seq <= ?');
    this.insertAt = this.db.prepare('INSERT INTO updates (board, seq, data, crc) VALUES (?, ?, ?, ?)');
    this.moveToQuarantine = this.db.prepare(
      'INSERT OR REPLACE INTO quarantine (board, seq, data, reason, at) SELECT board, seq, data, ?, ? FROM updates WHERE board = ? AND seq = ?',
    );
    this.deleteRow = this.db.prepare('DELETE FROM updates WHERE board = ? AND seq = ?');
  }

  load(board: string): Promise<StoredBoard> {
    const rows = this.selectUpdates.all(board);
    const updates: StoredUpdate[] = [];
    const quarantined: StoredBoard['quarantined'] = [];
    for (const row of rows) {
      const data = new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      if (row.crc !== null && crc32(data) !== row.crc) {
        const reason = `checksum mismatch (${data.byteLength} bytes)`;
        this.quarantine(board, row.seq, reason);
        quarantined.push({ seq: row.seq, reason });
        continue;
      }
      updates.push({ seq: row.seq, data, verified: row.crc !== null });
    }
    return Promise.resolve({ updates, lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0, quarantined });
  }

  quarantine(board: string, seq: number, reason: string): void {
    this.commit(() => {
      this.moveToQuarantine.run(reason, Date.now(), board, seq);
      this.deleteRow.run(board, seq);
    });
  }

  /**
   * A quota on the database file (MAX_STORAGE_BYTES): a write that would grow
   * it further fails as on a full disk (SQLITE_FULL), and the relay refuses
   * the update. null lifts it. It never goes below the current size.
   */
  setSizeLimit(maxBytes: number | null): void {
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    const pages = maxBytes === null ? MAX_PAGES : Math.max(1, Math.floor(maxBytes / pageSize));
    this.db.pragma(`max_page_count = ${pages}`);
  }

  append(board: string, update: Uint8Array): number {
    return this.commit(() => this.insertUpdate.get(board, board, update, crc32(update))!.seq);
  }

  compact(board: string, state: Uint8Array, upToSeq: number): void {
    this.commit(() => {
      this.deleteUpTo.run(board, upToSeq);
      this.insertAt.run(board, upToSeq, state, crc32(state));
    });
  }

  saveRoundKey(board: string, round: string, key: RoundKey): void {
    this.commit(() => this.insertKey.run(board, round, key.privateKey, key.secretHash));
  }

  /**
   * Runs a write in an explicit transaction whose COMMIT is its own
   * statement, so that a failed commit throws. In autocommit mode SQLite
   * commits when a statement finishes, and a statement read with `.get()`
   * (such as `INSERT ... RETURNING`) finishes at its reset, whose error
   * better-sqlite3 does not report: on a full filesystem the row was rolled
   * back while the caller was told it was stored.
   */
  private commit<T>(write: () => T): T {
    return this.inTransaction.immediate(write) as T;
  }


  roundKey(board: string, round: string): RoundKey | null {
    const row = this.selectKey.get(board, round);
    return row ? { privateKey: row.private_key, secretHash: row.secret_hash } : null;
  }

  close(): void {
    this.checkpointer.stop();
    if (this.db.open) this.db.close();
  }
}
