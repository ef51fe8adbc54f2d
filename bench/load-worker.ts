/**
 * The load generator, in its own process (never the relay's): stock clients
 * of one relay kind, driven by jobs sent over IPC from bench/run.ts.
 *
 * Latency is measured in this one process, so one clock: the time from a
 * writer's local change to its arrival at each other client of the board.
 */
import { addItem, itemsMap, updateItem } from '../shared/index.js';
import { connectMany, type BenchClient } from './clients.js';
import type { RelayKind } from './relays.js';
import { percentile } from './stats.js';

export type Job =
  /** With several urls, each board's clients take them in turn (client i on urls[i % length]): a cluster of relays. */
  | { type: 'connect'; kind: RelayKind; url: string | string[]; boards: number; perBoard: number; prefix: string; withItem: boolean }
  | { type: 'load'; rate: number; durationMs: number }
  | { type: 'storm' }
  | { type: 'cycles'; kind: RelayKind; url: string; boards: number; cycles: number; prefix: string; parallel: number }
  | { type: 'close' };

export interface LoadResult {
  target: number;
  sent: number;
  received: number;
  p50: number;
  p99: number;
  max: number;
}

// Every stock y-websocket provider in Node adds a process 'exit' listener.
process.setMaxListeners(0);

let boards: BenchClient[][] = [];
const itemOf = new Map<BenchClient, string>();
let sentAt = new Map<number, number>();
let latencies: number[] = [];
let seq = 0;

function watch(board: BenchClient[]): void {
  for (const client of board) {
    const id = itemOf.get(client)!;
    const item = itemsMap(client.doc).get(id)!;
    item.observe((event, transaction) => {
      if (transaction.local || !event.keysChanged.has('estimate')) return;
      const at = sentAt.get(item.get('estimate') as number);
      if (at !== undefined) latencies.push(performance.now() - at);
    });
  }
}

async function connectJob(job: Extract<Job, { type: 'connect' }>): Promise<{ connectMs: number }> {
  const started = performance.now();
  const names = Array.from({ length: job.boards }, (_, i) => `${job.prefix}-${i}`);
  boards = await connectMany(job.kind, job.url, names, job.perBoard);
  if (job.withItem) {
    for (const board of boards) {
      const id = addItem(board[0]!.doc, { title: 'Benchmark item' });
      for (const client of board) itemOf.set(client, id);
    }
    // Every client must hold its board's item before load starts.
    for (;;) {
      if (boards.every((board) => board.every((client) => itemsMap(client.doc).has(itemOf.get(client)!)))) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    boards.forEach(watch);
  }
  return { connectMs: performance.now() - started };
}

async function loadJob(job: Extract<Job, { type: 'load' }>): Promise<LoadResult> {
  sentAt = new Map();
  latencies = [];
  let sent = 0;
  let budget = 0;
  let next = 0;
  const started = performance.now();
  let last = started;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      budget += ((now - last) / 1000) * job.rate;
      last = now;
      while (budget >= 1) {
        budget -= 1;
        const board = boards[next++ % boards.length]!;
        const writer = board[seq % board.length]!;
        seq++;
        sentAt.set(seq, performance.now());
        updateItem(writer.doc, itemOf.get(writer)!, { estimate: seq });
        sent++;
      }
      if (now - started >= job.durationMs) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  // Let the last updates arrive (a step that loses updates waits the full half second).
  const expected = sent * ((boards[0]?.length ?? 1) - 1);
  const waitUntil = performance.now() + 500;
  while (latencies.length < expected && performance.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 10));
  return {
    target: job.rate,
    sent: sent / (job.durationMs / 1000),
    received: latencies.length / Math.max(1, expected),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
  };
}

/** Every client drops and reconnects at the same moment; the time until all are synced again. */
async function stormJob(): Promise<{ resyncMs: number }> {
  const all = boards.flat();
  for (const client of all) client.disconnect();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  for (const client of all) client.connect();
  await Promise.all(all.map((client) => client.synced()));
  return { resyncMs: performance.now() - started };
}

/** Connect-and-disconnect cycles across boards, `parallel` at a time. */
async function cyclesJob(job: Extract<Job, { type: 'cycles' }>): Promise<{ cycles: number }> {
  let done = 0;
  while (done < job.cycles) {
    const batch = Math.min(job.parallel, job.cycles - done);
    const names = Array.from({ length: batch }, (_, i) => `${job.prefix}-${(done + i) % job.boards}`);
    const clients = (await connectMany(job.kind, job.url, names, 1, batch)).flat();
    for (const client of clients) client.destroy();
    done += batch;
  }
  return { cycles: done };
}

process.on('message', (job: Job) => {
  const run = async () => {
    if (job.type === 'connect') return connectJob(job);
    if (job.type === 'load') return loadJob(job);
    if (job.type === 'storm') return stormJob();
    if (job.type === 'cycles') return cyclesJob(job);
    for (const client of boards.flat()) client.destroy();
    boards = [];
    return {};
  };
  run().then(
    (result) => process.send!({ ok: true, result }),
    (error: unknown) => process.send!({ ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
