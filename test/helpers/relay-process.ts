/**
 * Starts the real relay as a child process on an ephemeral port of
 * 127.0.0.1, the way `npm start` runs it (relay-command.ts), so that tests
 * can kill it with any signal. With TLS_CERT_FILE and TLS_KEY_FILE in `env`
 * it serves HTTPS, and the URLs below are https:// and wss://.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relayNodeArgs } from './relay-command.js';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface RelayProcess {
  port: number;
  /** ws://127.0.0.1:PORT/sync (wss:// over TLS), the URL the stock provider takes. */
  syncUrl: string;
  /** http://127.0.0.1:PORT (https:// over TLS). */
  httpUrl: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  stderr: () => string;
  /** What the relay printed, its start line first. */
  stdout: () => string;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

/** A figure of a running relay's /metrics (the series named in full, labels included); 0 when absent. */
export async function relayMetric(httpUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'relay-test-'));
}

export async function startRelayProcess(dataDir: string, env: Record<string, string> = {}): Promise<RelayProcess> {
  const child = spawn(process.execPath, relayNodeArgs(), {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const [scheme, port] = await new Promise<[string, number]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start in time; stderr: ${stderr}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (https?):\/\/(?:\[[^\]]+\]|[^:/\s]+):(\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve([match[1]!, Number(match[2])]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited (${code}) before listening; stderr: ${stderr}`));
    });
  });
  return {
    port,
    syncUrl: `${scheme === 'https' ? 'wss' : 'ws'}://127.0.0.1:${port}/sync`,
    httpUrl: `${scheme}://127.0.0.1:${port}`,
    child,
    exited,
    stderr: () => stderr,
    stdout: () => stdout,
    kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
