/**
 * No client is synced against a board that has not finished loading. The
 * relay runs in this process here so that its storage can be made slow: a
 * real SQLite store whose loads are held back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addItem, orderedItems } from '../../shared/index.js';
import { startRelay, type Relay } from '../../server/relay.js';
import { SqliteBoardStore, type BoardStore, type RoundKey } from '../../server/storage.js';
import { createLogger } from '../../server/log.js';
import { connectClient, waitFor, type Client } from '../helpers/clients.js';
import { tempDataDir } from '../helpers/relay-process.js';

const log = createLogger('silent');
const running: Relay[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of running.splice(0)) await r.close();
});

class SlowStore implements BoardStore {
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
  append(board: string, update: Uint8Array) {
    return this.inner.append(board, update);
  }
  compact(board: string, state: Uint8Array, upToSeq: number) {
    this.inner.compact(board, state, upToSeq);
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
