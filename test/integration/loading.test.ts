/**
 * No client is synced against a board that has not finished loading. The
 * relay runs in this process here so that its storage can be made slow: a
 * real SQLite store whose loads are held back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { addItem, orderedItems } from '../../shared/index.js';
import { startRelay, type Relay } from '../../server/relay.js';
import { SqliteBoardStore, type BoardStore, type RoundKey } from '../../server/storage.js';
import { createLogger } from '../../server/log.js';
import { encodeSyncStep1 } from '../../server/protocol.js';
import { connectClient, sleep, waitFor, type Client } from '../helpers/clients.js';
import { tempDataDir } from '../helpers/relay-process.js';

const log = createLogger('silent');
const running: Relay[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of running.splice(0)) await r.close();
});

class SlowStore implements BoardStore {
  readonly commits = 'at-once';
  loads = 0;
  constructor(
    private readonly inner: SqliteBoardStore,
    private readonly gate: Promise<void>,
  ) {}
  async load(board: string) {
    this.loads++;
    await this.gate;
    return this.inner.load(board);
  }
  append(board: string, updates: readonly Uint8Array[]) {
    this.inner.append(board, updates);
  }
  release(board: string, state: Uint8Array | null) {
    this.inner.release(board, state);
  }
  compact(board: string, state: Uint8Array) {
    this.inner.compact(board, state);
  }
  quarantine(board: string, seq: number, reason: string) {
    this.inner.quarantine(board, seq, reason);
  }
  saveRoundKey(board: string, round: string, key: RoundKey) {
    this.inner.saveRoundKey(board, round, key);
  }
  roundKey(board: string, round: string) {
    return this.inner.roundKey(board, round);
  }
  close() {
    this.inner.close();
  }
}

async function seed(dataDir: string, titles: string[]): Promise<void> {
  const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir, log });
  const writer = connectClient(`ws://127.0.0.1:${relay.port}/sync`, 'slow');
  const witness = connectClient(`ws://127.0.0.1:${relay.port}/sync`, 'slow');
  await writer.synced();
  for (const title of titles) addItem(writer.doc, { title });
  // What another client has received, the relay has stored.
  await waitFor(() => orderedItems(witness.doc).length === titles.length, 'the writes to reach the relay');
  writer.destroy();
  witness.destroy();
  await relay.close();
}

describe('a board whose load from storage is slow', () => {
  it('is never synced empty, and edits sent while it loads are kept', async () => {
    const dataDir = tempDataDir();
    await seed(dataDir, ['one', 'two', 'three']);

    let release!: () => void;
    const store = new SlowStore(new SqliteBoardStore(dataDir), new Promise<void>((resolve) => (release = resolve)));
    const relay = await startRelay({ port: 0, host: '127.0.0.1', store, log });
    running.push(relay);
    const url = `ws://127.0.0.1:${relay.port}/sync`;

    const early = connectClient(url, 'slow');
    clients.push(early);
    let titlesWhenSynced: string[] | null = null as string[] | null;
    early.provider.on('sync', (synced: boolean) => {
      if (synced && titlesWhenSynced === null) titlesWhenSynced = orderedItems(early.doc).map((i) => i.title);
    });
    await waitFor(() => early.provider.wsconnected, 'the socket to open');
    addItem(early.doc, { title: 'written while loading' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(early.provider.synced).toBe(false);
    expect(store.loads).toBe(1);

    release();
    await early.synced();
    // The early item was added to what looked like an empty board, so where it
    // lands among the stored ones is up to the keys; that it is all there is not.
    expect([...titlesWhenSynced!].sort()).toEqual(['one', 'three', 'two', 'written while loading']);

    const late = connectClient(url, 'slow');
    clients.push(late);
    await late.synced();
    expect(orderedItems(late.doc)).toEqual(orderedItems(early.doc));
    expect(orderedItems(late.doc)).toHaveLength(4);
  });
});

describe('a large stored board', () => {
  it('is sent to a new client from storage before the relay has applied it, and stays live', async () => {
    const dataDir = tempDataDir();
    {
      // Descriptions that make the stored state larger than the relay's early-answer threshold (256 KiB).
      const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir, log });
      const writer = connectClient(`ws://127.0.0.1:${relay.port}/sync`, 'large');
      const witness = connectClient(`ws://127.0.0.1:${relay.port}/sync`, 'large');
      await writer.synced();
      for (let i = 0; i < 4; i++) addItem(writer.doc, { title: `big ${i}`, description: 'x'.repeat(80_000) });
      await waitFor(() => orderedItems(witness.doc).length === 4, 'the write to reach the relay');
      writer.destroy();
      witness.destroy();
      await relay.close(); // saves the board as one compacted row
    }
    const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir, log });
    running.push(relay);
    const url = `ws://127.0.0.1:${relay.port}/sync`;

    const raw = new WebSocket(`${url}/large`);
    const received: Uint8Array[] = [];
    raw.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => received.length >= 2, 'the relay to answer');
    // Sync step 2 (message 0, step 1) comes before the relay's own sync step 1: it did not wait for the apply.
    expect([received[0]![0], received[0]![1]]).toEqual([0, 1]);
    const doc = new Y.Doc();
    const decoder = decoding.createDecoder(received[0]!);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    expect(orderedItems(doc).map((item) => item.description.length)).toEqual([80_000, 80_000, 80_000, 80_000]);

    // The board is live afterwards: an edit from one stock client reaches another.
    const a = connectClient(url, 'large');
    const b = connectClient(url, 'large');
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    addItem(a.doc, { title: 'after the early answer' });
    await waitFor(() => orderedItems(b.doc).length === 5, 'the edit to reach the other client');
    raw.close();
  });
});

describe('a large board answered early', () => {
  it('answers each client early at most once, and sends it what others wrote while the board loaded', async () => {
    const dataDir = tempDataDir();
    const seeded = new SqliteBoardStore(dataDir);
    const seed = new Y.Doc();
    for (let i = 0; i < 400; i++) seed.getMap('items').set(`k${i}`, 'x'.repeat(1000));
    seeded.append('early', [Y.encodeStateAsUpdate(seed)]); // one row of ~400 KB
    seeded.close();

    let release!: () => void;
    const store = new SlowStore(new SqliteBoardStore(dataDir), new Promise<void>((resolve) => (release = resolve)));
    const relay = await startRelay({ port: 0, host: '127.0.0.1', store, log });
    running.push(relay);
    const url = `ws://127.0.0.1:${relay.port}/sync`;

    // A stock client edits while the board loads: its edit waits in its queue.
    const writer = connectClient(url, 'early');
    clients.push(writer);
    await waitFor(() => writer.provider.wsconnected, 'the writer to connect');
    writer.doc.getMap('items').set('written while loading', 'yes');

    // A brand-new client asks, three times, right as the stored state has been read.
    const doc = new Y.Doc();
    const kinds: string[] = [];
    const raw = new WebSocket(`${url}/early`);
    raw.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type !== 0) return;
      const step = decoding.readVarUint(decoder);
      kinds.push(step === 0 ? 'step1' : 'data');
      if (step !== 0) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    });
    await new Promise((resolve) => raw.once('open', resolve));
    release();
    await sleep(1);
    const ask = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < 3; i++) raw.send(ask);

    await waitFor(() => doc.getMap('items').get('written while loading') === 'yes', "the writer's edit to reach the early client");
    // One answer before the relay's own sync step 1 (the early one); the others after it.
    expect(kinds.indexOf('step1')).toBe(1);
    expect(doc.getMap('items').size).toBe(401);
    raw.close();
  });
});
