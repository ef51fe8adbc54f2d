/**
 * Faults in a cluster of real relay processes behind a round-robin load
 * balancer, sharing a real PostgreSQL: the owner of a board killed with
 * SIGKILL at random moments under writes from clients on every relay (20
 * seeded runs), a relay that owns nothing killed, an owner paused past the
 * heartbeat timeout and woken, and PostgreSQL itself crashed and restarted.
 * After each: every update any client was shown is in the database, the
 * clients converge, nothing is there twice, and a board's rows are in the
 * order of its owners' epochs (nothing stale committed after a takeover).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { connectClient, sleep, waitFor, type Client } from '../helpers/clients.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';
import { ownerPort, startPostgres, type PostgresServer } from '../helpers/postgres.js';
import { startBalancer, type Balancer } from '../helpers/balancer.js';

const SECRET = 'cluster-secret-0123456789-abcdefghijkl';
// A timeout of a second: a two-core machine running three relays, PostgreSQL and the clients stalls for a few hundred ms.
const ENV = { CLUSTER_SECRET: SECRET, CLUSTER_HEARTBEAT_MS: '200', CLUSTER_OWNER_TIMEOUT_MS: '1000', UNLOAD_DELAY_MS: '0', MAX_CONNECTIONS_PER_ADDRESS: '1000' };
let server: PostgresServer;
/** A pool, which reconnects after PostgreSQL restarts. */
let db: pg.Pool;
let relays: RelayProcess[] = [];
let balancer: Balancer;
const clients: Client[] = [];

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

beforeAll(async () => {
  server = startPostgres();
  db = new pg.Pool({ connectionString: server.url, max: 2 });
  db.on('error', () => {});
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const relay of relays.splice(0)) await relay.kill('SIGKILL');
  await balancer?.close();
});
afterAll(async () => {
  await db.end().catch(() => {});
  server.destroy();
});

async function startCluster(size: number): Promise<void> {
  relays = await Promise.all(Array.from({ length: size }, () => startRelayProcess(tempDataDir(), { DATABASE_URL: server.url, ...ENV })));
  balancer = await startBalancer(relays.map((relay) => relay.port));
}

/** Starts a relay in place of one that was killed, behind the balancer. */
async function replace(gone: RelayProcess): Promise<void> {
  const fresh = await startRelayProcess(tempDataDir(), { DATABASE_URL: server.url, ...ENV });
  relays = relays.map((relay) => (relay === gone ? fresh : relay));
  balancer.setBackends(relays.map((relay) => relay.port));
}

function join(board: string): Client {
  const client = connectClient(balancer.syncUrl, board);
  clients.push(client);
  return client;
}

const list = (client: Client) => client.doc.getArray<string>('log').toArray();

/** The relay process that owns the board now (waiting out a moment when it is changing hands). */
async function ownerOf(board: string): Promise<RelayProcess> {
  let owner: RelayProcess | undefined;
  await waitFor(async () => {
    const port = await ownerPort(db, board);
    owner = relays.find((relay) => relay.port === port);
    return owner !== undefined;
  }, `an owner of ${board}`);
  return owner!;
}

/** The board as stored: its log, and its rows' epochs in order. */
async function stored(board: string): Promise<{ log: string[]; epochs: number[] }> {
  const { rows } = await db.query<{ data: Buffer; epoch: string }>('SELECT data, epoch FROM board_updates WHERE board = $1 ORDER BY seq', [board]);
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
  return { log: doc.getArray<string>('log').toArray(), epochs: rows.map((row) => Number(row.epoch)) };
}

const ascending = (values: number[]) => values.every((value, at) => at === 0 || values[at - 1]! <= value);

/**
 * Writers append to the board's log every 10 ms; watchers note everything
 * they are shown. `during` runs while they write; then all must converge.
 */
async function underLoad(board: string, during: () => Promise<void>, { writerCount = 6, extra = 0 } = {}): Promise<{ shown: Set<string>; expected: number }> {
  const writers = Array.from({ length: writerCount }, () => join(board));
  const watchers = Array.from({ length: 3 }, () => join(board));
  await Promise.all([...writers, ...watchers].map((client) => client.synced()));
  const shown = new Set<string>();
  for (const watcher of watchers) {
    watcher.doc.getArray<string>('log').observe((event) => {
      for (const delta of event.changes.delta) for (const value of (delta.insert as string[] | undefined) ?? []) shown.add(value);
    });
  }
  let n = 0;
  const writing = setInterval(() => {
    writers.forEach((writer, i) => writer.doc.getArray<string>('log').push([`${board}:w${i}-${n}`]));
    n++;
  }, 10);
  try {
    await during();
  } finally {
    clearInterval(writing);
  }
  const expected = writers.length * n + extra;
  const all = [...writers, ...watchers];
  await waitFor(() => all.every((client) => list(client).length === expected), `every client to hold all ${expected} entries`, 20_000);
  const reference = JSON.stringify(list(watchers[0]!));
  for (const client of all) expect(JSON.stringify(list(client))).toBe(reference);
  expect(new Set(list(watchers[0]!)).size).toBe(expected);
  return { shown, expected };
}

/** After the clients are gone: the database holds everything shown, once, in epoch order. */
async function expectStored(board: string, shown: Set<string>, expected: number): Promise<void> {
  for (const client of clients.splice(0)) client.destroy();
  await waitFor(async () => (await stored(board)).log.length === expected, `all ${expected} entries in PostgreSQL`, 10_000);
  const { log, epochs } = await stored(board);
  expect(new Set(log).size).toBe(expected);
  for (const value of shown) expect(log).toContain(value);
  expect(ascending(epochs)).toBe(true);
}

describe('a cluster under faults', () => {
  it('loses nothing anyone was shown when the owner is killed at random moments (20 seeded runs)', async () => {
    await startCluster(3);
    for (let run = 0; run < 20; run++) {
      const board = `kill-${run}`;
      const next = random(20261201 + run);
      let killed: RelayProcess | null = null;
      const { shown, expected } = await underLoad(board, async () => {
        await sleep(150 + next() * 500);
        killed = await ownerOf(board);
        await killed.kill('SIGKILL');
        await sleep(200 + next() * 400);
      });
      await expectStored(board, shown, expected);
      expect((await db.query('SELECT 1 FROM board_owners WHERE board = $1', [board])).rowCount).toBeLessThanOrEqual(1);
      await replace(killed!);
    }
  }, 240_000);

  it('carries on when a relay that owns nothing is killed', async () => {
    await startCluster(3);
    const { shown, expected } = await underLoad('bystander', async () => {
      await sleep(300);
      const owner = await ownerOf('bystander');
      await relays.find((relay) => relay !== owner)!.kill('SIGKILL');
      await sleep(500);
    });
    await expectStored('bystander', shown, expected);
  }, 60_000);

  it('fences an owner paused past the heartbeat timeout: woken, it commits nothing stale', async () => {
    await startCluster(3);
    let paused: RelayProcess | null = null;
    const { shown, expected } = await underLoad('paused', async () => {
      await sleep(300);
      paused = await ownerOf('paused');
      paused.child.kill('SIGSTOP');
      // Past the timeout (1 s), the clients forwarded to it reconnect elsewhere, and the board is claimed.
      await sleep(3000);
      expect(await ownerOf('paused')).not.toBe(paused);
      paused.child.kill('SIGCONT');
      await sleep(500);
    });
    await expectStored('paused', shown, expected);
    // Woken, it found its heartbeat past the timeout and gave up the board (any write it tried was fenced).
    const text = await (await fetch(`${paused!.httpUrl}/metrics`)).text();
    expect(Number(/^relay_boards_owned (\d+)/m.exec(text)?.[1] ?? -1)).toBe(0);
  }, 60_000);

  it('refuses writes while PostgreSQL is down, tells no new client it is synced, and recovers losing nothing', async () => {
    await startCluster(2);
    let late: Client | null = null;
    const { shown, expected } = await underLoad(
      'outage',
      async () => {
        await sleep(300);
        server.crash();
        // Past the heartbeat timeout both relays say they are not ready.
        await waitFor(async () => (await Promise.all(relays.map(async (relay) => (await fetch(`${relay.httpUrl}/ready`)).status))).every((status) => status === 503), 'both relays to be unready', 5000);
        late = join('outage');
        late.doc.getArray<string>('log').push(['outage:late']);
        await sleep(800);
        expect(late.provider.synced).toBe(false);
        server.start();
        await waitFor(() => late!.provider.synced, 'the late client to sync once PostgreSQL is back', 15_000);
        await sleep(300);
      },
      // The late client's entry is one more than the writers wrote.
      { writerCount: 4, extra: 1 },
    );
    await expectStored('outage', shown, expected);
  }, 90_000);
});
