/**
 * The relays under test, each started as its own process with the probe
 * preloaded: ours (the bundle with the start script's flags, as `npm start`
 * runs it; built afresh once per benchmark run), the reference
 * y-websocket@1.5.4 server, and Hocuspocus.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelay, relayNodeArgs } from '../test/helpers/relay-command.js';

export type RelayKind = 'ours' | 'y-websocket' | 'hocuspocus';
export const RELAY_KINDS: RelayKind[] = ['ours', 'y-websocket', 'hocuspocus'];

const ROOT = new URL('..', import.meta.url).pathname;

export interface ProbeSample {
  t: number;
  rss: number;
  heapUsed: number;
  cpuMs: number;
  lagMaxMs: number;
  lagP99Ms: number;
  gc?: boolean;
}

export interface RunningRelay {
  kind: RelayKind;
  port: number;
  /** The URL a client of this kind connects to (the provider appends the board for y-websocket). */
  url: string;
  pid: number;
  dataDir: string;
  samples(): ProbeSample[];
  /** Forces a GC in the relay and returns the heap right after. */
  gcHeap(): Promise<number>;
  stop(): Promise<void>;
}

let built = false;

function command(kind: RelayKind): string[] {
  const base = ['--expose-gc', '--max-old-space-size=4096', '--require', join(ROOT, 'bench/probe.cjs')];
  // BENCH_CPU_PROF=<dir> profiles our relay (written when it stops): where its time goes under each scenario.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  if (kind === 'ours') {
    if (!built) buildRelay();
    built = true;
    return [...base, ...profile, ...relayNodeArgs()];
  }
  if (kind === 'y-websocket') return [...base, 'bench/servers/reference.cjs'];
  return [...base, 'bench/servers/hocuspocus.mjs'];
}

/**
 * All load comes from one machine, so our relay's per-address connection cap
 * is lifted (the peers have none); every other limit stays at its default.
 */
// The load generator is one address doing what thousands of people would: the per-address caps are
// lifted, and the large-board scenario writes a 100,000-edit board as one update (an import would send parts).
const OURS_ENV = {
  MAX_CONNECTIONS_PER_ADDRESS: '1000000',
  MAX_ADDRESS_WORK_MS_PER_SECOND: '1000',
  MAX_WORK_MS_PER_SECOND: '1000',
  MAX_UPDATE_ENTRIES: '100000000',
};

export async function startRelay(kind: RelayKind, options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningRelay> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const probeFile = join(dataDir, `probe-${Date.now()}.jsonl`);
  const child: ChildProcess = spawn(process.execPath, command(kind), {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', BENCH_PROBE_FILE: probeFile, ...(kind === 'ours' ? OURS_ENV : {}), ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${kind} relay exited (${code}) before listening`)));
  });
  const samples = (): ProbeSample[] =>
    existsSync(probeFile)
      ? readFileSync(probeFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as ProbeSample)
      : [];
  return {
    kind,
    port,
    url: kind === 'hocuspocus' ? `ws://127.0.0.1:${port}` : `ws://127.0.0.1:${port}/sync`,
    pid: child.pid!,
    dataDir,
    samples,
    async gcHeap() {
      const before = samples().filter((s) => s.gc).length;
      child.kill('SIGUSR2');
      for (let i = 0; i < 200; i++) {
        const gcs = samples().filter((s) => s.gc);
        if (gcs.length > before) return gcs[gcs.length - 1]!.heapUsed;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`${kind} relay did not answer the GC probe`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        // A profile is written on a clean exit only.
        child.kill(kind === 'ours' && process.env.BENCH_CPU_PROF ? 'SIGTERM' : 'SIGKILL');
      }),
  };
}

/** Probe samples taken between two times. */
export function samplesBetween(samples: ProbeSample[], from: number, to: number): ProbeSample[] {
  return samples.filter((s) => s.t >= from && s.t <= to);
}
