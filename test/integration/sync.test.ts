/**
 * The relay as users meet it: a real relay process on an ephemeral port and
 * stock y-websocket clients converging through it, across disconnects,
 * restarts and a kill -9.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { addItem, moveItem, orderedIds, orderedItems, updateItem } from '../../shared/index.js';
import { connectClient, sleep, waitFor, type Client } from '../helpers/clients.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

const relays: RelayProcess[] = [];
const clients: Client[] = [];

async function relay(dataDir = tempDataDir(), env: Record<string, string> = {}): Promise<RelayProcess> {
  const started = await startRelayProcess(dataDir, env);
  relays.push(started);
  return started;
}

function client(url: string, board: string): Client {
  const c = connectClient(url, board);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(relays.splice(0).map((r) => r.kill('SIGKILL')));
});

const titles = (doc: Y.Doc) => orderedItems(doc).map((item) => item.title);

describe('sync through the relay', () => {
  it('two stock clients converge on adds, edits and moves', async () => {
    const r = await relay();
    const a = client(r.syncUrl, 'board-a');
    const b = client(r.syncUrl, 'board-a');
    await Promise.all([a.synced(), b.synced()]);
    const first = addItem(a.doc, { title: 'Sign in with SSO' });
    const second = addItem(b.doc, { title: 'Export to CSV' });
    await waitFor(() => orderedIds(a.doc).length === 2 && orderedIds(b.doc).length === 2, 'both items on both clients');
    moveItem(b.doc, second, { after: null });
    updateItem(a.doc, first, { estimate: 3, status: 'ready' });
    await waitFor(
      () => JSON.stringify(orderedItems(a.doc)) === JSON.stringify(orderedItems(b.doc)) && orderedIds(a.doc)[0] === second,
      'clients to converge',
    );
    expect(titles(a.doc)).toEqual(['Export to CSV', 'Sign in with SSO']);
    expect(orderedItems(b.doc)[1]).toMatchObject({ estimate: 3, status: 'ready' });
  });

  it('keeps boards apart', async () => {
    const r = await relay();
    const a = client(r.syncUrl, 'one');
    const b = client(r.syncUrl, 'two');
    await Promise.all([a.synced(), b.synced()]);
    addItem(a.doc, { title: 'only in one' });
    const probe = client(r.syncUrl, 'one');
    await waitFor(() => orderedIds(probe.doc).length === 1, 'the item to reach another client of board one');
    expect(orderedIds(b.doc)).toEqual([]);
  });

  it('merges edits made while disconnected', async () => {
    const r = await relay();
    const a = client(r.syncUrl, 'offline');
    const b = client(r.syncUrl, 'offline');
    await Promise.all([a.synced(), b.synced()]);
    const shared = addItem(a.doc, { title: 'Shared story' });
    await waitFor(() => orderedIds(b.doc).length === 1, 'b to see the first item');
    a.provider.disconnect();
    addItem(a.doc, { title: 'Written offline' }, { after: null });
    updateItem(a.doc, shared, { description: 'offline notes' });
    addItem(b.doc, { title: 'Written online' });
    await sleep(100);
    expect(titles(b.doc)).not.toContain('Written offline');
    a.provider.connect();
    await waitFor(() => orderedIds(a.doc).length === 3 && orderedIds(b.doc).length === 3, 'both to hold all three items');
    await waitFor(() => JSON.stringify(orderedItems(a.doc)) === JSON.stringify(orderedItems(b.doc)), 'identical boards');
    expect(titles(b.doc)).toEqual(['Written offline', 'Shared story', 'Written online']);
    expect(orderedItems(b.doc)[1]!.description).toBe('offline notes');
  });

  it('a restarted relay on the same DATA_DIR serves everything that was written', async () => {
    const dataDir = tempDataDir();
    const first = await relay(dataDir);
    const writer = client(first.syncUrl, 'durable');
    await writer.synced();
    for (let i = 0; i < 20; i++) addItem(writer.doc, { title: `story ${i}` });
    const expected = orderedItems(writer.doc);
    const watcher = client(first.syncUrl, 'durable');
    await waitFor(() => orderedIds(watcher.doc).length === 20, 'the watcher to receive every item');
    writer.destroy();
    watcher.destroy();
    expect(await first.kill('SIGTERM')).toBe(0);

    const second = await relay(dataDir);
    const reader = client(second.syncUrl, 'durable');
    await reader.synced();
    expect(orderedItems(reader.doc)).toEqual(expected);
  });

  it('after kill -9 under write load, every update another client received is still there', async () => {
    const dataDir = tempDataDir();
    const first = await relay(dataDir);
    const board = 'crash';
    const writers = [0, 1, 2].map(() => client(first.syncUrl, board));
    const observer = client(first.syncUrl, board);
    await Promise.all([...writers, observer].map((c) => c.synced()));
    let writing = true;
    const loops = writers.map(async (w, n) => {
      for (let i = 0; writing; i++) {
        const id = addItem(w.doc, { title: `writer ${n} item ${i}` });
        if (i % 3 === 0) updateItem(w.doc, id, { estimate: i % 13 });
        await sleep(2);
      }
    });
    // Kill at a different moment each run.
    const threshold = 50 + Math.floor(Math.random() * 250);
    await waitFor(() => orderedIds(observer.doc).length > threshold, 'a good amount of traffic');
    first.child.kill('SIGKILL');
    await first.exited;
    writing = false;
    await Promise.all(loops);
    // Everything the observer holds came from the relay before it died.
    const seen = orderedItems(observer.doc);
    for (const c of [...writers, observer]) c.destroy();

    const second = await relay(dataDir);
    const reader = client(second.syncUrl, board);
    await reader.synced();
    const stored = new Map(orderedItems(reader.doc).map((item) => [item.id, item]));
    const missing = seen.filter((item) => !stored.has(item.id));
    expect(missing).toEqual([]);
    for (const item of seen) {
      if (item.estimate !== null) expect(stored.get(item.id)!.estimate).toBe(item.estimate);
    }
  });

  it('shares presence, echoes it to the sender, and removes it at once when a client leaves', async () => {
    const r = await relay();
    const a = client(r.syncUrl, 'presence');
    const b = client(r.syncUrl, 'presence');
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(
      () => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Ana'),
      'b to see Ana',
    );
    const aId = a.doc.clientID;
    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 'Ana to disappear for b', 2000);
  });

  it('unloads a board with no clients and reloads it on the next connection', async () => {
    const r = await relay(tempDataDir(), { UNLOAD_DELAY_MS: '0' });
    const health = async () => (await fetch(`${r.httpUrl}/health`)).json() as Promise<{ rooms: number; connections: number }>;
    const a = client(r.syncUrl, 'unload');
    const witness = client(r.syncUrl, 'unload');
    await a.synced();
    addItem(a.doc, { title: 'kept' });
    await waitFor(() => orderedIds(witness.doc).length === 1, 'the update to reach the relay');
    expect(await health()).toMatchObject({ status: 'ok', rooms: 1, connections: 2 });
    a.destroy();
    witness.destroy();
    let h = await health();
    for (let i = 0; i < 50 && h.rooms !== 0; i++) {
      await sleep(20);
      h = await health();
    }
    expect(h).toMatchObject({ rooms: 0, connections: 0 });
    const b = client(r.syncUrl, 'unload');
    await b.synced();
    expect(titles(b.doc)).toEqual(['kept']);
  });

  it('keeps a board loaded for UNLOAD_DELAY_MS after its last client leaves', async () => {
    const r = await relay(tempDataDir(), { UNLOAD_DELAY_MS: '60000' });
    const a = client(r.syncUrl, 'linger');
    await a.synced();
    a.destroy();
    await waitFor(() => false === a.provider.wsconnected, 'the client to leave');
    await sleep(300);
    const health = (await (await fetch(`${r.httpUrl}/health`)).json()) as { rooms: number; connections: number };
    expect(health).toMatchObject({ rooms: 1, connections: 0 });
  });

  it('on SIGTERM closes sockets with 1012 and exits 0', async () => {
    const r = await relay();
    const a = client(r.syncUrl, 'shutdown');
    await a.synced();
    const closed = new Promise<number>((resolve) => a.provider.ws!.addEventListener('close', (e) => resolve(e.code)));
    a.provider.shouldConnect = false;
    expect(await r.kill('SIGTERM')).toBe(0);
    expect(await closed).toBe(1012);
  });
});

describe('storage', () => {
  it('compacts a board so that stored rows track its size, not its history', async () => {
    const dataDir = tempDataDir();
    const r = await relay(dataDir, { UNLOAD_DELAY_MS: '300' });
    const writer = client(r.syncUrl, 'history');
    const witness = client(r.syncUrl, 'history');
    await writer.synced();
    const id = addItem(writer.doc, { title: 'estimate me' });
    for (let i = 0; i < 1500; i++) updateItem(writer.doc, id, { estimate: i % 21 });
    // Estimates repeat, so a last, distinct edit says when everything has arrived.
    updateItem(writer.doc, id, { title: 'estimated' });
    await waitFor(() => orderedItems(witness.doc)[0]?.title === 'estimated', 'the last edit to arrive');
    expect(orderedItems(witness.doc)[0]?.estimate).toBe(1499 % 21);
    const rows = () => {
      const db = new Database(join(dataDir, 'boards.sqlite3'), { readonly: true });
      try {
        return (db.prepare("SELECT COUNT(*) AS n FROM updates WHERE board = 'history'").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    // Compaction runs soon after every 500 appended rows, while the board is still loaded.
    await waitFor(() => rows() <= 500, 'the loaded board to be compacted');
    writer.destroy();
    witness.destroy();
    await waitFor(() => rows() === 1, 'the board to be compacted to one row when it unloads');
    const reader = client(r.syncUrl, 'history');
    await reader.synced();
    expect(orderedItems(reader.doc)[0]!.estimate).toBe(1499 % 21);
  });
});
