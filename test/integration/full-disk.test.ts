/**
 * A real full disk: the relay's data directory is a 3 MiB tmpfs that fills
 * up under a writer. Whatever another client was shown must survive a
 * `kill -9`, the failed writes must be counted and logged, and the writer
 * must not stay "synced" while its edits are refused. (SQLite's own quota,
 * tested in faults.test.ts, refuses an update before it is written; a full
 * filesystem fails the journal's write, or moving the journal into SQLite.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addItem, itemsMap } from '../../shared/index.js';
import { connectClient, sleep, waitFor, type Client } from '../helpers/clients.js';
import { startRelayProcess, type RelayProcess } from '../helpers/relay-process.js';
import { mountTmpfs, type Tmpfs } from '../helpers/tmpfs.js';

const clients: Client[] = [];
const processes: RelayProcess[] = [];
const mounts: Tmpfs[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const p of processes.splice(0)) await p.kill('SIGKILL');
  for (const m of mounts.splice(0)) m.unmount();
});

function client(url: string, board: string): Client {
  const made = connectClient(url, board);
  clients.push(made);
  return made;
}

async function storageErrors(relay: RelayProcess): Promise<number> {
  const text = await (await fetch(`${relay.httpUrl}/metrics`)).text();
  return Number(/^relay_storage_errors_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

describe('a real full filesystem', () => {
  it('loses nothing anyone was shown, counts and logs the failures, and keeps the writer unsynced', async () => {
    const disk = mountTmpfs(3 * 1024 * 1024);
    mounts.push(disk);
    let relay = await startRelayProcess(disk.dir, { LOG_LEVEL: 'error' });
    processes.push(relay);
    const port = String(relay.port);
    const writer = client(relay.syncUrl, 'full');
    const colleague = client(relay.syncUrl, 'full');
    await Promise.all([writer.synced(), colleague.synced()]);
    const shown = new Set<string>();
    itemsMap(colleague.doc).observe((event) => event.keysChanged.forEach((id) => shown.add(id)));
    let closes = 0;
    writer.provider.on('connection-close', () => closes++);

    // About 5 MiB of items into 3 MiB: the disk fills part way through.
    for (let i = 0; i < 250; i++) {
      addItem(writer.doc, { title: `item ${i}`, description: `${i} `.repeat(5_000).slice(0, 20_000) });
      await sleep(10);
    }
    await sleep(1000);
    expect(await storageErrors(relay)).toBeGreaterThan(0);
    expect(shown.size).toBeGreaterThan(0);
    expect(shown.size).toBeLessThan(250);
    expect(relay.stderr()).toMatch(/board append failed/);
    // Its edits were refused, so the writer was disconnected and is not told it is synced.
    expect(closes).toBeGreaterThan(0);
    expect(writer.provider.synced).toBe(false);

    await relay.kill('SIGKILL');
    disk.resize(64 * 1024 * 1024);
    relay = await startRelayProcess(disk.dir, { PORT: port, LOG_LEVEL: 'error' });
    processes.push(relay);
    const reader = client(relay.syncUrl, 'full');
    await reader.synced();
    const stored = itemsMap(reader.doc);
    const lost = [...shown].filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    // And with room again, the writer's held edits all arrive.
    await waitFor(() => itemsMap(reader.doc).size === 250, 'every item once the disk has room', 30_000);
  }, 120_000);
});
