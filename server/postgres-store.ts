/**
 * Boards in PostgreSQL (DATABASE_URL), shared by several relays, with one
 * owner per loaded board and fenced writes (docs/scale-out.md).
 *
 * Tables:
 *
 *   board_updates(board, seq identity, data bytea, crc int, epoch)   primary key (board, seq); epoch: the
 *                                                             owner's when written (rows of a board are in epoch order)
 *   board_quarantine(board, seq, data, reason, at)            rows that failed their checksum
 *   round_keys(board, round, private_key, secret_hash)        poker rounds' keys (docs/poker.md)
 *   relays(id, url, heartbeat)                                the live relays, each beating every HEARTBEAT_MS
 *   board_owners(board, relay, epoch)                         who owns each board ('' once released; the
 *                                                             row stays, so epochs only ever grow)
 *
 * Ownership: `claim` makes this relay a board's owner when nobody owns it,
 * when its owner is this relay, when the owner's heartbeat is older than
 * the timeout, or when the caller found the owner unreachable at the epoch
 * it names. Each claim adds 1 to the board's epoch: the fencing token.
 *
 * Fencing: every write of a board's rows runs in a statement (or
 * transaction) that first locks this relay's owner row at the epoch it
 * claimed (FOR SHARE, or FOR UPDATE), and writes nothing when that row is
 * gone or has moved on: the write fails with FencedError. A claim updates
 * the owner row, so it waits for the writes in flight, and the new owner
 * then loads them; writes after the claim find the new epoch and are
 * refused. A relay paused past the timeout and woken up can therefore never
 * commit anything once another has claimed its board.
 *
 * The durability promise needs PostgreSQL's defaults: fsync on,
 * synchronous_commit on, full_page_writes on (docs/scale-out.md).
 */
import pg from 'pg';
import { crc32 } from 'node:zlib';
import { FencedError, type BoardStore, type RoundKey, type StoredBoard, type StoredUpdate } from './board-store.js';

/** What `claim` found. */
export type Claim = { owned: true; epoch: number; reason: ClaimReason } | { owned: false; epoch: number; relay: string; url: string | null };
export type ClaimReason = 'new' | 'own' | 'stale' | 'unreachable';

export interface PostgresStoreOptions {
  url: string;
  /** This relay's id in `relays` and `board_owners` (unique per process). */
  relayId: string;
  /** How other relays reach this one (RELAY_URL); set by `register` when known only once listening. */
  relayUrl?: string;
  /** An owner whose heartbeat is older than this has lost its boards to whoever claims them. */
  ownerTimeoutMs: number;
  /** Connections in the pool. */
  poolSize?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS board_updates (
  board text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  data bytea NOT NULL,
  crc integer NOT NULL,
  PRIMARY KEY (board, seq)
);
ALTER TABLE board_updates ADD COLUMN IF NOT EXISTS epoch bigint NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS board_quarantine (
  board text NOT NULL,
  seq bigint NOT NULL,
  data bytea NOT NULL,
  reason text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (board, seq)
);
CREATE TABLE IF NOT EXISTS round_keys (
  board text NOT NULL,
  round text NOT NULL,
  private_key text NOT NULL,
  secret_hash text NOT NULL,
  PRIMARY KEY (board, round)
);
CREATE TABLE IF NOT EXISTS relays (
  id text PRIMARY KEY,
  url text NOT NULL,
  heartbeat timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS board_owners (
  board text PRIMARY KEY,
  relay text NOT NULL,
  epoch bigint NOT NULL
);`;

/** Any number, so that relays starting together create the schema once (pg_advisory_xact_lock). */
const SCHEMA_LOCK = 7_301_516;

/** CRC-32 as PostgreSQL's signed integer. */
const checksum = (data: Uint8Array) => crc32(data) | 0;

export class PostgresBoardStore implements BoardStore {
  readonly commits = 'batched';
  /** The epoch this relay claimed each board at; a board not here is not this relay's to write. */
  private readonly epochs = new Map<string, number>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresStoreOptions,
  ) {}

  /** Connects, creates the tables if needed and registers this relay. Rejects (naming the cause) if PostgreSQL cannot be reached. */
  static async open(options: PostgresStoreOptions): Promise<PostgresBoardStore> {
    // A database that stops answering (a cut network) fails writes within seconds instead of the TCP timeout.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      query_timeout: 10_000,
      statement_timeout: 10_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 1000,
    });
    // An idle connection the server dropped (a restart) is reported here; the next query opens a new one.
    pool.on('error', () => {});
    const store = new PostgresBoardStore(pool, options);
    try {
      await store.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(SCHEMA);
      });
      if (options.relayUrl !== undefined) await store.heartbeat();
    } catch (error) {
      await pool.end().catch(() => {});
      throw new Error(`cannot use PostgreSQL at DATABASE_URL: ${(error as Error).message}`, { cause: error });
    }
    return store;
  }

  get relayId(): string {
    return this.options.relayId;
  }

  /** Joins the cluster at `url` (known once listening): other relays can now reach this one. */
  async register(url: string): Promise<void> {
    this.options.relayUrl = url;
    await this.heartbeat();
  }

  /** How many boards this relay owns. */
  get ownedCount(): number {
    return this.epochs.size;
  }

  /** Tells the other relays this one is alive (and where it is). */
  async heartbeat(): Promise<void> {
    if (this.options.relayUrl === undefined) throw new Error('the relay has no address yet (register first)');
    await this.pool.query(
      'INSERT INTO relays (id, url, heartbeat) VALUES ($1, $2, now()) ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, heartbeat = now()',
      [this.options.relayId, this.options.relayUrl],
    );
  }

  /** The relays whose heartbeat is within the timeout, other than this one. */
  async liveRelays(): Promise<{ id: string; url: string }[]> {
    const { rows } = await this.pool.query<{ id: string; url: string }>(
      "SELECT id, url FROM relays WHERE id <> $1 AND heartbeat > now() - $2 * interval '1 millisecond'",
      [this.options.relayId, this.options.ownerTimeoutMs],
    );
    return rows;
  }

  /**
   * Makes this relay the board's owner if it may (see the top of the file),
   * or says who owns it. `unreachableEpoch`: the caller could not reach the
   * owner it found at that epoch, so it may take the board over.
   */
  async claim(board: string, unreachableEpoch = -1): Promise<Claim> {
    const { relayId, ownerTimeoutMs } = this.options;
    const before = await this.pool.query<{ relay: string; epoch: string; alive: boolean }>(
      `SELECT o.relay, o.epoch, EXISTS (SELECT 1 FROM relays r WHERE r.id = o.relay AND r.heartbeat > now() - $2 * interval '1 millisecond') AS alive
       FROM board_owners o WHERE o.board = $1`,
      [board, ownerTimeoutMs],
    );
    const { rows } = await this.pool.query<{ epoch: string }>(
      `INSERT INTO board_owners AS o (board, relay, epoch) VALUES ($1, $2, 1)
       ON CONFLICT (board) DO UPDATE SET relay = EXCLUDED.relay, epoch = o.epoch + 1
       WHERE o.relay = $2 OR o.epoch = $3
          OR NOT EXISTS (SELECT 1 FROM relays r WHERE r.id = o.relay AND r.heartbeat > now() - $4 * interval '1 millisecond')
       RETURNING epoch`,
      [board, relayId, unreachableEpoch, ownerTimeoutMs],
    );
    if (rows.length === 1) {
      const epoch = Number(rows[0]!.epoch);
      this.epochs.set(board, epoch);
      const was = before.rows[0];
      const reason: ClaimReason = was === undefined || was.relay === '' ? 'new' : was.relay === relayId ? 'own' : Number(was.epoch) === unreachableEpoch && was.alive ? 'unreachable' : 'stale';
      return { owned: true, epoch, reason };
    }
    const owner = await this.pool.query<{ relay: string; epoch: string; url: string | null }>(
      'SELECT o.relay, o.epoch, r.url FROM board_owners o LEFT JOIN relays r ON r.id = o.relay WHERE o.board = $1',
      [board],
    );
    const row = owner.rows[0];
    // Released between the two statements: try again.
    if (row === undefined) return this.claim(board, unreachableEpoch);
    this.epochs.delete(board);
    return { owned: false, epoch: Number(row.epoch), relay: row.relay, url: row.url };
  }

  /** Forgets every claim (the relay went silent past the timeout): its next writes are refused here, before PostgreSQL. */
  forgetAll(): void {
    this.epochs.clear();
  }

  /** Whether this relay claimed the board (and has not lost or released it since, as far as it knows). */
  owns(board: string): boolean {
    return this.epochs.has(board);
  }

  private epochOf(board: string): number {
    const epoch = this.epochs.get(board);
    if (epoch === undefined) throw new FencedError(board);
    return epoch;
  }

  async load(board: string): Promise<StoredBoard> {
    const { rows } = await this.pool.query<{ seq: string; data: Buffer; crc: number }>('SELECT seq, data, crc FROM board_updates WHERE board = $1 ORDER BY seq', [board]);
    const updates: StoredUpdate[] = [];
    const quarantined: StoredBoard['quarantined'] = [];
    for (const row of rows) {
      const data = new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      const seq = Number(row.seq);
      if (checksum(data) !== row.crc) {
        const reason = `checksum mismatch (${data.byteLength} bytes)`;
        await this.quarantine(board, seq, reason);
        quarantined.push({ seq, reason });
        continue;
      }
      updates.push({ seq, data, verified: true });
    }
    return { updates, quarantined };
  }

  async append(board: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    const epoch = this.epochOf(board);
    const result = await this.pool.query(
      `WITH owner AS (SELECT 1 FROM board_owners WHERE board = $1 AND relay = $2 AND epoch = $3 FOR SHARE)
       INSERT INTO board_updates (board, data, crc, epoch)
       SELECT $1, u.data, u.crc, $3 FROM unnest($4::bytea[], $5::integer[]) WITH ORDINALITY AS u(data, crc, n)
       WHERE EXISTS (SELECT 1 FROM owner) ORDER BY u.n`,
      [board, this.options.relayId, epoch, updates.map((update) => Buffer.from(update.buffer, update.byteOffset, update.byteLength)), updates.map(checksum)],
    );
    if (result.rowCount !== updates.length) this.lost(board, epoch);
  }

  async compact(board: string, state: Uint8Array): Promise<void> {
    await this.rewrite(board, state, false);
  }

  async release(board: string, state: Uint8Array | null): Promise<void> {
    const epoch = this.epochs.get(board);
    if (epoch === undefined) return;
    // A new room here may have claimed the board again meanwhile: only this epoch is given up.
    await this.rewrite(board, state, true).finally(() => this.epochs.get(board) === epoch && this.epochs.delete(board));
  }

  /** Replaces the board's rows by `state` (when given) and, releasing, deletes its owner row: one fenced transaction. */
  private async rewrite(board: string, state: Uint8Array | null, release: boolean): Promise<void> {
    const epoch = this.epochOf(board);
    await this.transaction(async (client) => {
      const owner = await client.query('SELECT 1 FROM board_owners WHERE board = $1 AND relay = $2 AND epoch = $3 FOR UPDATE', [board, this.options.relayId, epoch]);
      if (owner.rowCount !== 1) this.lost(board, epoch);
      if (state !== null) {
        await client.query('DELETE FROM board_updates WHERE board = $1', [board]);
        await client.query('INSERT INTO board_updates (board, data, crc, epoch) VALUES ($1, $2, $3, $4)', [board, Buffer.from(state.buffer, state.byteOffset, state.byteLength), checksum(state), epoch]);
      }
      // The row stays, without a relay, so that the next claim goes on counting epochs from here.
      if (release) await client.query("UPDATE board_owners SET relay = '' WHERE board = $1 AND epoch = $2", [board, epoch]);
    });
  }

  /** Another claim (another relay's, or a new room's here) moved the board on from `epoch`: the write fails. */
  private lost(board: string, epoch: number): never {
    if (this.epochs.get(board) === epoch) this.epochs.delete(board);
    throw new FencedError(board);
  }

  async quarantine(board: string, seq: number, reason: string): Promise<void> {
    await this.pool.query(
      `WITH moved AS (DELETE FROM board_updates WHERE board = $1 AND seq = $2 RETURNING board, seq, data)
       INSERT INTO board_quarantine (board, seq, data, reason) SELECT board, seq, data, $3 FROM moved ON CONFLICT DO NOTHING`,
      [board, seq, reason],
    );
  }

  async saveRoundKey(board: string, round: string, key: RoundKey): Promise<void> {
    await this.pool.query('INSERT INTO round_keys (board, round, private_key, secret_hash) VALUES ($1, $2, $3, $4)', [board, round, key.privateKey, key.secretHash]);
  }

  async roundKey(board: string, round: string): Promise<RoundKey | null> {
    const { rows } = await this.pool.query<{ private_key: string; secret_hash: string }>('SELECT private_key, secret_hash FROM round_keys WHERE board = $1 AND round = $2', [board, round]);
    const row = rows[0];
    return row === undefined ? null : { privateKey: row.private_key, secretHash: row.secret_hash };
  }

  /** Leaves the cluster: its heartbeat row goes, so its boards can be claimed at once. */
  async close(): Promise<void> {
    await this.pool.query('DELETE FROM relays WHERE id = $1', [this.options.relayId]).catch(() => {});
    await this.pool.end();
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
