/**
 * 9. Cluster: two of our relays sharing boards through PostgreSQL (fsync
 * on, as the durability promise needs), beside one relay on SQLite.
 *
 * - Propagation: each board has two clients, one on each relay, so every
 *   update crosses relays (to the owner if written on the other, then back
 *   over the link); latency from a writer's local change to the other
 *   client, at `rate` updates/s.
 * - Throughput: the rate raised until under 99% of updates arrive or the
 *   generator falls short; an update arrives only once committed, so the
 *   highest rate held is the committed rate across the two relays.
 * - Failover: behind a round-robin balancer, the owner of a board killed
 *   with SIGKILL; the time until every client of the board holds a change
 *   each of them made after the kill (a fresh relay then replaces it).
 */
import * as Y from 'yjs';
import pg from 'pg';
import { connect, type BenchClient } from './clients.js';
import { startRelay, type RelayKind, type RunningRelay } from './relays.js';
import { startRedis } from './redis.js';
import { percentile } from './stats.js';
import { startWorker } from './worker.js';
import type { LoadResult } from './load-worker.js';
import type { Row, ScenarioResult, Sizes } from './scenarios.js';
import { ownerPort, startPostgres } from '../test/helpers/postgres.js';
import { startBalancer } from '../test/helpers/balancer.js';

const round = (value: number, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SECRET = 'bench-cluster-secret-0123456789-abcdefgh';

export interface ClusterSizes {
  boards: number;
  rate: number;
  seconds: number;
  rates: number[];
  trials: number;
}

/** Propagation at one rate and the highest rate held, for clients spread over `urls`. */
async function measure(kind: RelayKind, urls: string[], sizes: ClusterSizes, prefix: string): Promise<{ at: LoadResult; held: number; heldP99: number | null; steps: string }> {
  const worker = startWorker();
  try {
    await worker.run({ type: 'connect', kind, url: urls, boards: sizes.boards, perBoard: 2, prefix, withItem: true });
    await worker.run<LoadResult>({ type: 'load', rate: sizes.rate, durationMs: 1000 });
    const at = await worker.run<LoadResult>({ type: 'load', rate: sizes.rate, durationMs: sizes.seconds * 1000 });
    let held = 0;
    let heldP99: number | null = null;
    const steps: string[] = [];
    for (const rate of sizes.rates) {
      const step = await worker.run<LoadResult>({ type: 'load', rate, durationMs: 3000 });
      steps.push(`${rate}/s: ${round(step.received * 100, 1)}% arrived, p99 ${round(step.p99, 0)} ms`);
      if (step.received < 0.99 || step.sent < rate * 0.9) break;
      held = step.sent;
      heldP99 = step.p99;
    }
    return { at, held, heldP99, steps: steps.join('; ') };
  } finally {
    await worker.run({ type: 'close' }).catch(() => undefined);
    worker.stop();
  }
}

/**
 * Kills the relay serving a fresh board `trials` times (ours: its owner; Hocuspocus: one of the two
 * instances); the time until its clients converge through the survivor.
 */
async function failover(kind: RelayKind, env: Record<string, string>, trials: number, victim: (board: string, relays: RunningRelay[]) => Promise<RunningRelay>): Promise<number[]> {
  let relays: RunningRelay[] = [await startRelay(kind, { env }), await startRelay(kind, { env })];
  const balancer = await startBalancer(relays.map((relay) => relay.port));
  const url = kind === 'hocuspocus' ? `ws://127.0.0.1:${balancer.port}` : balancer.syncUrl;
  const times: number[] = [];
  try {
    for (let trial = 0; trial < trials; trial++) {
      const board = `failover-${trial}`;
      const clients: BenchClient[] = Array.from({ length: 4 }, () => connect(kind, url, board, new Y.Doc()));
      let killed: RunningRelay;
      try {
        await Promise.all(clients.map((client) => client.synced()));
        clients[0]!.doc.getMap('m').set('start', true);
        await waitUntil(() => clients.every((client) => client.doc.getMap('m').has('start')), 5000);
        killed = await victim(board, relays);
        await killed.stop(); // SIGKILL
        const at = performance.now();
        clients.forEach((client, n) => client.doc.getMap('m').set(`after-${n}`, true));
        await waitUntil(() => clients.every((client) => clients.every((_, n) => client.doc.getMap('m').has(`after-${n}`))), 20_000);
        times.push(performance.now() - at);
      } finally {
        for (const client of clients) client.destroy();
      }
      // The same kind of server takes the killed one's place.
      const fresh = await startRelay(kind, { env });
      relays = relays.map((relay) => (relay === killed ? fresh : relay));
      balancer.setBackends(relays.map((relay) => relay.port));
    }
  } finally {
    await balancer.close();
    for (const relay of relays) await relay.stop();
  }
  return times;
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`not converged within ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** Our board's owner, from PostgreSQL. */
function ownerOf(db: pg.Pool) {
  return async (board: string, relays: RunningRelay[]) => {
    const port = await ownerPort(db, board);
    return relays.find((relay) => relay.port === port)!;
  };
}

function row(relay: string, figures: Awaited<ReturnType<typeof measure>>, times: number[] | null): Row & { relay: string } {
  return {
    relay,
    'p50 ms': round(figures.at.p50, 2),
    'p99 ms': round(figures.at.p99, 2),
    'highest rate held /s': round(figures.held, 0),
    'p99 at that rate ms': round(figures.heldP99 ?? NaN, 0),
    steps: figures.steps,
    'failover p99 ms': times === null ? null : `${round(percentile(times, 99), 0)} (median ${round(percentile(times, 50), 0)}, ${times.length} trials)`,
  };
}

/** Two instances of a server, measured with clients spread over both; stopped afterwards. */
async function pairOf(kind: RelayKind, env: Record<string, string>, sizes: ClusterSizes, prefix: string) {
  const pair = [await startRelay(kind, { env }), await startRelay(kind, { env })];
  try {
    return await measure(
      kind,
      pair.map((relay) => relay.url),
      sizes,
      prefix,
    );
  } finally {
    for (const relay of pair) await relay.stop();
  }
}

export async function cluster(sizes: Sizes): Promise<ScenarioResult> {
  const own = sizes.cluster;
  const server = startPostgres({ fsync: true });
  const redis = await startRedis();
  const db = new pg.Pool({ connectionString: server.url, max: 2 });
  const env = { DATABASE_URL: server.url, CLUSTER_SECRET: SECRET, UNLOAD_DELAY_MS: '2000' };
  const redisEnv = { HOCUSPOCUS_REDIS_SOCKET: redis.socket };
  const rows: (Row & { relay: string })[] = [];
  try {
    const single = await startRelay('ours');
    try {
      rows.push(row('ours: one relay, SQLite', await measure('ours', [single.url], own, 'single'), null));
    } finally {
      await single.stop();
    }
    const ours = await pairOf('ours', env, own, 'pair');
    rows.push(row('ours: two relays, PostgreSQL', ours, await failover('ours', { ...env, UNLOAD_DELAY_MS: '0' }, own.trials, ownerOf(db))));
    // The peer is measured, not tested: when it fails (its Redis lock contended, an instance not converging), the row says so.
    const peer = 'Hocuspocus: two instances, Redis extension';
    try {
      const hocuspocus = await pairOf('hocuspocus', redisEnv, own, 'hp');
      let times: number[] | string;
      try {
        times = await failover('hocuspocus', redisEnv, own.trials, async (_board, relays) => relays[0]!);
      } catch (error) {
        times = `failed: ${(error as Error).message}`;
      }
      rows.push({ ...row(peer, hocuspocus, typeof times === 'string' ? null : times), ...(typeof times === 'string' && { 'failover p99 ms': times }) });
    } catch (error) {
      rows.push({ relay: peer, 'p50 ms': null, 'p99 ms': null, 'highest rate held /s': null, 'p99 at that rate ms': null, steps: `failed: ${(error as Error).message}`, 'failover p99 ms': null });
    }
  } finally {
    await db.end();
    redis.stop();
    server.destroy();
  }
  return {
    title: `Cluster: two relays and PostgreSQL (fsync on) beside one relay and two Hocuspocus instances with Redis, ${own.boards} boards of 2 clients, ${own.rate} updates/s`,
    rows,
    notes: [
      'Each board has two clients, on different instances in the two-instance rows, so every update crosses instances. Latency: a local change in one client to its arrival at the other. "Highest rate held": the highest step at which 99% of updates arrived (ours forwards an update only once committed to PostgreSQL; Hocuspocus with its Redis extension keeps documents in memory and stores on a debounce of seconds, so its figure is not a committed rate). Failover: a board with four clients behind a round-robin balancer, the instance serving it killed with SIGKILL (ours: the owner; Hocuspocus: one of the two, with about half the clients), then each client changes something; the time until every client holds every change. Both clients reconnect after at most 200 ms.',
    ],
  };
}
