/**
 * Where people open the relay. `npm start` prints one address and
 * `npm run invite` links to that same address, so that a board opens at
 * one origin: a browser keeps the offline copy, my name and the recent
 * boards per origin, and http://localhost:8080 and http://127.0.0.1:8080
 * are two origins.
 *
 * HOST=0.0.0.0 (or ::) listens on every interface; the address shown first
 * is then this machine's first non-loopback IPv4 address, one teammates can
 * reach, and the others follow (127.0.0.1 marked as this machine's only).
 * A running relay records that address in DATA_DIR/relay-url.json, so that
 * `npm run invite` links to it whatever PORT or HOST the relay started with.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import { isLoopback } from './loopback.js';

export interface RelayUrls {
  /** The address to open and to share; invites link to it. */
  main: string;
  /** Other ways in: more network addresses, then the loopback one when `main` is on the network. */
  others: { url: string; note?: string }[];
}

const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '']);

export function relayUrls(host: string, port: number, secure: boolean, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): RelayUrls {
  const scheme = secure ? 'https' : 'http';
  const url = (address: string) => `${scheme}://${address.includes(':') ? `[${address}]` : address}:${port}`;
  if (!EVERY_INTERFACE.has(host)) return { main: url(host), others: [] };
  const network = [
    ...new Set(
      Object.values(interfaces)
        .flat()
        .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
        .map((entry) => url(entry!.address)),
    ),
  ];
  const local = url('127.0.0.1');
  const [main, ...more] = network;
  if (main === undefined) return { main: local, others: [] };
  return { main, others: [...more.map((other) => ({ url: other })), { url: local, note: 'this machine only' }] };
}

/** What `npm start` prints once the relay listens. */
export function startMessage(urls: RelayUrls): string {
  const lines = [`Refinement board relay listening on ${urls.main}`];
  if (urls.others.length > 0) lines.push(`Also at ${urls.others.map(({ url, note }) => (note ? `${url} (${note})` : url)).join(', ')}`);
  // A browser counts only loopback addresses as secure contexts without HTTPS.
  if (urls.main.startsWith('http:') && !isLoopback(new URL(urls.main).hostname)) {
    lines.push('Plain HTTP: everything works but reloading a board with no network (README, "Without HTTPS")');
  }
  return `${lines.join('\n')}\n`;
}

const RECORD = 'relay-url.json';

/** Notes where the relay of `dataDir` is, for `npm run invite`. */
export function recordRelayUrl(dataDir: string, url: string): void {
  // In cluster mode no SQLite store has made DATA_DIR.
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, RECORD), `${JSON.stringify({ url, pid: process.pid })}\n`);
}

/** Forgets it again at shutdown (unless another relay has recorded itself since). */
export function forgetRelayUrl(dataDir: string): void {
  if (readRecord(dataDir)?.pid === process.pid) rmSync(join(dataDir, RECORD), { force: true });
}

/** The address of the relay running on `dataDir`, or null if none is. */
export function runningRelayUrl(dataDir: string): string | null {
  const record = readRecord(dataDir);
  if (record === null) return null;
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return record.url;
}

function readRecord(dataDir: string): { url: string; pid: number } | null {
  try {
    const record = JSON.parse(readFileSync(join(dataDir, RECORD), 'utf8')) as { url?: unknown; pid?: unknown };
    return typeof record.url === 'string' && Number.isInteger(record.pid) ? { url: record.url, pid: record.pid as number } : null;
  } catch {
    return null;
  }
}
