/**
 * Durable board storage in embedded SQLite (better-sqlite3, synchronous).
 *
 * One table holds every board as a list of Yjs updates:
 *
 *   updates(board TEXT, seq INTEGER, data BLOB), primary key (board, seq)
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

export interface StoredBoard {
  /** The board's updates, oldest first; empty for a board never written. */
  updates: Uint8Array[];
  /** Sequence number of the last update, 0 when there is none. */
  lastSeq: number;
}

/** What the relay needs from storage. Loading may be slow; writes are synchronous commits. */
export interface BoardStore {
  load(board: string): Promise<StoredBoard>;
  /** Commits one update and returns its sequence number. Throws if it cannot be committed. */
  append(board: string, update: Uint8Array): number;
  /** Replaces the rows with seq <= upToSeq by `state` (which must include all of them). */
  compact(board: string, state: Uint8Array, upToSeq: number): void;
  close(): void;
}

export type SyncMode = 'normal' | 'full';

export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly selectUpdates: Database.Statement<[string], { seq: number; data: Buffer }>;
  private readonly insertUpdate: Database.Statement<[string, string, Uint8Array], { seq: number }>;
  private readonly deleteUpTo: Database.Statement<[string, number]>;
  private readonly insertAt: Database.Statement<[string, number, Uint8Array]>;

  constructor(dataDir: string, sync: SyncMode = 'normal') {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'boards.sqlite3'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS updates (
      board TEXT NOT NULL,
      seq INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (board, seq)
    ) WITHOUT ROWID`);
    this.selectUpdates = this.db.prepare('SELECT seq, data FROM updates WHERE board = ? ORDER BY seq');
    this.insertUpdate = this.db.prepare(
      'INSERT INTO updates (board, seq, data) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM updates WHERE board = ?), ?) RETURNING seq',
    );
    this.deleteUpTo = this.db.prepare('DELETE FROM updates WHERE board = ? AND seq <= ?');
    this.insertAt = this.db.prepare('INSERT INTO updates (board, seq, data) VALUES (?, ?, ?)');
  }

  load(board: string): Promise<StoredBoard> {
    const rows = this.selectUpdates.all(board);
    return Promise.resolve({
      updates: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0,
    });
  }

  append(board: string, update: Uint8Array): number {
    return this.insertUpdate.get(board, board, update)!.seq;
  }

  compact(board: string, state: Uint8Array, upToSeq: number): void {
    this.db.transaction(() => {
      this.deleteUpTo.run(board, upToSeq);
      this.insertAt.run(board, upToSeq, state);
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
