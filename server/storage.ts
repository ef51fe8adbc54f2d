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
 * `append` makes one update durable before it returns, by writing it to
 * the journal (journal.ts); the relay forwards an update only after that, so
 * anything another client has seen survives a `kill -9`. Every FLUSH_EVERY_MS
 * the journal's records move into `updates` in one transaction, and the
 * journal is emptied; at start, whatever a crashed process left in it is
 * moved first. A crash between that commit and emptying the journal stores
 * those updates twice, which changes nothing: applying a Yjs update again is
 * a no-op. With the default `SQLITE_SYNC=normal` a write survives a crash of
 * the process; `SQLITE_SYNC=full` also flushes every journal record and
 * commit to the disk, to survive a power loss, at a cost in write latency.
 *
 * `compact` replaces a board's rows with one row holding the merged state,
 * so that loading costs time in proportion to the board's size rather than
 * its history.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Checkpointer } from './checkpointer.js';
import { Journal, type JournalRecord, type Recovered } from './journal.js';
import { lockDataDir } from './data-dir-lock.js';
import type { BoardStore, RoundKey, StoredBoard, StoredUpdate } from './board-store.js';

export type { BoardStore, RoundKey, StoredBoard, StoredUpdate } from './board-store.js';

/** How long a journal record waits, at most, to be moved into SQLite. */
const FLUSH_EVERY_MS = 50;
/** How long a failed move waits before it is tried again. */
const FLUSH_RETRY_MS = 1000;
/** Journaled bytes not yet in SQLite (it keeps failing), or in the journal file, past which appends are refused. */
const MAX_UNFLUSHED_BYTES = 64 * 1024 * 1024;
/** What a record costs besides its update and board id, in memory, counted against MAX_UNFLUSHED_BYTES. */
const RECORD_OVERHEAD_BYTES = 128;
/** Where the journal's unreadable bytes are kept (quarantine table). */
const JOURNAL_BOARD = '(journal)';

export type SyncMode = 'normal' | 'full';

/** A failure of work storage does on its own time (moving the journal, checkpoints); appends are refused if it persists. */
export type BackgroundError = (what: 'flush' | 'checkpoint' | 'journal-recovery', error: string) => void;

/** SQLite's own ceiling on max_page_count. */
const MAX_PAGES = 4294967294;

export class SqliteBoardStore implements BoardStore {
  readonly commits = 'at-once';
  private readonly db: Database.Database;
  private readonly checkpointer: Checkpointer;
  /** Made once: better-sqlite3 builds a transaction function's wrappers each time one is created. */
  private readonly inTransaction: Database.Transaction<(write: () => unknown) => unknown>;
  private readonly selectUpdates: Database.Statement<[string], { seq: number; data: Buffer; crc: number | null }>;
  private readonly insertNext: Database.Statement<[string, string, Uint8Array, number]>;
  private readonly selectLastSeq: Database.Statement<[string], number | null>;
  private readonly journal: Journal;
  /** Journaled, not yet in SQLite, oldest first. */
  private unflushed: JournalRecord[] = [];
  private unflushedBytes = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  /** The quota in pages (MAX_STORAGE_BYTES), null when there is none. */
  private limitPages: number | null = null;
  /** Fixed once the database exists. */
  private readonly pageSize: number;
  /** The end of the journal that could not be read at start, until the quarantine table has it. */
  private unreadableTail: Recovered['unreadable'] = null;
  private readonly pageCount: Database.Statement<[], number>;
  private readonly freelistCount: Database.Statement<[], number>;
  private readonly unlock: () => void;
  private readonly deleteUpTo: Database.Statement<[string, number]>;
  private readonly insertAt: Database.Statement<[string, number, Uint8Array, number]>;
  private readonly moveToQuarantine: Database.Statement<[string, number, string, number]>;
  private readonly insertQuarantined: Database.Statement<[string, number, Uint8Array, string, number]>;
  private readonly deleteRow: Database.Statement<[string, number]>;
  private readonly insertKey: Database.Statement<[string, string, string, string]>;
  private readonly selectKey: Database.Statement<[string, string], { private_key: string; secret_hash: string }>;

  /** `onBackgroundError` hears of failures of the work storage does on its own time. */
  constructor(
    dataDir: string,
    sync: SyncMode = 'normal',
    maxBytes: number | null = null,
    private readonly onBackgroundError: BackgroundError = () => {},
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.unlock = lockDataDir(dataDir);
    const file = join(dataDir, 'boards.sqlite3');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Checkpoints run in a worker (checkpointer.ts); a commit that meets one in progress waits a moment.
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.pragma('busy_timeout = 1000');
    this.checkpointer = new Checkpointer(file, (error) => onBackgroundError('checkpoint', error));
    this.inTransaction = this.db.transaction((write: () => unknown) => write());
    this.db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    this.pageSize = this.db.pragma('page_size', { simple: true }) as number;
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
    this.insertNext = this.db.prepare(
      'INSERT INTO updates (board, seq, data, crc) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM updates WHERE board = ?), ?, ?)',
    );
    this.selectLastSeq = this.db.prepare('SELECT MAX(seq) FROM updates WHERE board = ?').pluck() as Database.Statement<[string], number | null>;
    this.deleteUpTo = this.db.prepare('DELETE FROM updates WHERE board = ? AND seq <= ?');
    this.insertAt = this.db.prepare('INSERT INTO updates (board, seq, data, crc) VALUES (?, ?, ?, ?)');
    this.moveToQuarantine = this.db.prepare(
      'INSERT OR REPLACE INTO quarantine (board, seq, data, reason, at) SELECT board, seq, data, ?, ? FROM updates WHERE board = ? AND seq = ?',
    );
    this.deleteRow = this.db.prepare('DELETE FROM updates WHERE board = ? AND seq = ?');
    this.insertQuarantined = this.db.prepare('INSERT OR REPLACE INTO quarantine (board, seq, data, reason, at) VALUES (?, ?, ?, ?, ?)');
    this.pageCount = this.db.prepare('PRAGMA page_count').pluck() as Database.Statement<[], number>;
    this.freelistCount = this.db.prepare('PRAGMA freelist_count').pluck() as Database.Statement<[], number>;
    this.journal = new Journal(join(dataDir, 'journal.log'), sync === 'full');
    this.recoverJournal();
  }

  /**
   * Takes what a crashed process left in the journal, before anything else
   * reads or writes, and moves it into SQLite. If that fails (a full disk),
   * the records stay in the journal and in memory, as if just appended, and
   * the relay starts anyway: moving them is tried again in the background.
   */
  private recoverJournal(): void {
    const { records, readableBytes, unreadable } = this.journal.recover();
    // Later records must not land behind bytes that recovery cannot read past.
    if (unreadable !== null) this.journal.truncate(readableBytes);
    this.unflushed = records;
    this.unflushedBytes = records.reduce((sum, record) => sum + recordBytes(record.board, record.data), 0);
    this.unreadableTail = unreadable;
    if (unreadable !== null) {
      this.onBackgroundError('journal-recovery', `${unreadable.bytes.byteLength} bytes at the end of the journal could not be read (${unreadable.reason}); kept in the quarantine table`);
    }
    this.flushInBackground();
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
    // Journaled and not yet moved: they come after every row (their sequence numbers are not final).
    let seq = rows.at(-1)?.seq ?? 0;
    for (const record of this.unflushed) if (record.board === board) updates.push({ seq: ++seq, data: record.data, verified: true });
    return Promise.resolve({ updates, quarantined });
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
    this.limitPages = maxBytes === null ? null : Math.max(1, Math.floor(maxBytes / this.pageSize));
    this.db.pragma(`max_page_count = ${this.limitPages ?? MAX_PAGES}`);
  }

  append(board: string, updates: readonly Uint8Array[]): void {
    for (const update of updates) this.appendOne(board, update);
  }

  private appendOne(board: string, update: Uint8Array): void {
    const bytes = recordBytes(board, update);
    if (this.unflushedBytes + bytes > MAX_UNFLUSHED_BYTES || this.journal.bytes + bytes > MAX_UNFLUSHED_BYTES) {
      throw new Error(`storage is not keeping up: ${this.unflushedBytes} journaled bytes could not be moved into the database`);
    }
    // Under a quota, an update that may not fit is refused now, before anyone can see it. The estimate is
    // twice the record's bytes (cells, overflow pages, half-full pages after splits); what was journaled is
    // stored even past the quota (see flush), so the file can exceed it by at most that much.
    if (this.limitPages !== null && 2 * (this.unflushedBytes + bytes) > this.freeBytes()) {
      throw new Error('SQLITE_FULL: the database is at its size limit (MAX_STORAGE_BYTES)');
    }
    this.journal.append(board, update);
    this.unflushed.push({ board, data: update });
    this.unflushedBytes += bytes;
    if (this.flushTimer === null) {
      this.flushTimer = setTimeout(() => this.flushInBackground(), FLUSH_EVERY_MS);
      this.flushTimer.unref();
    }
  }

  /** What the quota leaves: pages it still allows plus free pages inside the file. */
  private freeBytes(): number {
    if (this.limitPages === null) return Infinity;
    return (this.limitPages - this.pageCount.get()! + this.freelistCount.get()!) * this.pageSize;
  }

  /**
   * Moves every journaled update into SQLite in one transaction, then
   * empties the journal. Throws (and keeps both) if the commit fails.
   */
  flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.unflushed.length === 0 && this.unreadableTail === null) {
      // Everything journaled is stored, some of it by compaction (which takes a board's records out of `unflushed`).
      if (this.journal.bytes > 0) this.journal.clear();
      return;
    }
    const records = this.unflushed;
    const tail = this.unreadableTail;
    // Past the quota if need be: these updates were accepted (and maybe forwarded) when they were journaled.
    this.withoutQuota(() =>
      this.commit(() => {
        for (const { board, data } of records) this.insertNext.run(board, board, data, crc32(data));
        if (tail !== null) this.insertQuarantined.run(JOURNAL_BOARD, Date.now(), tail.bytes, tail.reason, Date.now());
      }),
    );
    this.unflushed = [];
    this.unflushedBytes = 0;
    this.unreadableTail = null;
    this.journal.clear();
  }

  private withoutQuota(write: () => void): void {
    if (this.limitPages === null) return write();
    this.db.pragma(`max_page_count = ${MAX_PAGES}`);
    try {
      write();
    } finally {
      this.db.pragma(`max_page_count = ${this.limitPages}`);
    }
  }

  private flushInBackground(): void {
    try {
      this.flush();
    } catch (error) {
      // Still in the journal, so still durable; tried again, and appends are refused once too much waits.
      this.onBackgroundError('flush', String(error));
      if (this.flushTimer === null) {
        this.flushTimer = setTimeout(() => this.flushInBackground(), FLUSH_RETRY_MS);
        this.flushTimer.unref();
      }
    }
  }

  compact(board: string, state: Uint8Array): void {
    const upTo = this.selectLastSeq.get(board) ?? 0;
    this.commit(() => {
      this.deleteUpTo.run(board, upTo);
      this.insertAt.run(board, upTo, state, crc32(state));
    });
    // The state holds the board's journaled updates too: they need no rows of their own. (They stay in
    // the journal file until it is next emptied; after a crash they would be stored again, harmlessly.)
    const kept = this.unflushed.filter((record) => record.board !== board);
    if (kept.length < this.unflushed.length) {
      this.unflushed = kept;
      this.unflushedBytes = kept.reduce((sum, record) => sum + recordBytes(record.board, record.data), 0);
    }
  }

  /** One relay owns every board here: unloading is a compaction. */
  release(board: string, state: Uint8Array | null): void {
    if (state !== null) this.compact(board, state);
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
    if (!this.db.open) return;
    try {
      this.flush();
    } catch (error) {
      // Kept in the journal: the next start moves it.
      this.onBackgroundError('flush', String(error));
    }
    this.journal.close();
    this.db.close();
    this.unlock();
  }
}

/** What a journaled record counts toward MAX_UNFLUSHED_BYTES. */
function recordBytes(board: string, data: Uint8Array): number {
  return data.byteLength + board.length + RECORD_OVERHEAD_BYTES;
}
