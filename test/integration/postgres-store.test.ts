/**
 * The PostgreSQL store against a real server: ownership claims, fenced
 * writes, compaction and release, checksums, poker keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { FencedError } from '../../server/board-store.js';
import { PostgresBoardStore } from '../../server/postgres-store.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres.js';

let server: PostgresServer;
const stores: PostgresBoardStore[] = [];

beforeAll(() => {
  server = startPostgres();
});
afterAll(async () => {
  for (const store of stores) await store.close().catch(() => {});
  server.destroy();
});

async function relay(id: string, ownerTimeoutMs = 60_000): Promise<PostgresBoardStore> {
  const store = await PostgresBoardStore.open({ url: server.url, relayId: id, relayUrl: `ws://${id}.invalid`, ownerTimeoutMs });
  stores.push(store);
  return store;
}

function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(text, text);
  return Y.encodeStateAsUpdate(doc);
}

const keys = (updates: { data: Uint8Array }[]) => {
  const doc = new Y.Doc();
  for (const { data } of updates) Y.applyUpdate(doc, data);
  return [...doc.getMap('m').keys()].sort();
};

describe('the PostgreSQL store', () => {
  it('gives a board one owner at a time, and a second relay learns who it is', async () => {
    const a = await relay('a1');
    const b = await relay('b1');
    expect(await a.claim('one')).toMatchObject({ owned: true, epoch: 1, reason: 'new' });
    expect(await b.claim('one')).toEqual({ owned: false, epoch: 1, relay: 'a1', url: 'ws://a1.invalid' });
    await a.append('one', [edit('x'), edit('y')]);
    expect(keys((await b.load('one')).updates)).toEqual(['x', 'y']);
    // The owner claiming again (a new room for the board) moves the epoch on.
    expect(await a.claim('one')).toMatchObject({ owned: true, epoch: 2, reason: 'own' });
  });

  it("fences a relay whose board was taken over: its writes store nothing, and it knows", async () => {
    const a = await relay('a2', 300);
    const b = await relay('b2', 300);
    await a.claim('two');
    await a.append('two', [edit('before')]);
    // a stops beating; past the timeout b may claim.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await b.heartbeat();
    expect(await b.claim('two')).toMatchObject({ owned: true, epoch: 2, reason: 'stale' });
    await expect(a.append('two', [edit('stale')])).rejects.toBeInstanceOf(FencedError);
    await expect(a.compact('two', edit('stale state'))).rejects.toBeInstanceOf(FencedError);
    expect(a.owns('two')).toBe(false);
    await b.append('two', [edit('after')]);
    expect(keys((await b.load('two')).updates)).toEqual(['after', 'before']);
  });

  it('lets a relay take over from an owner it cannot reach, at the epoch it found', async () => {
    const a = await relay('a3');
    const b = await relay('b3');
    await a.claim('three');
    const found = await b.claim('three');
    expect(found.owned).toBe(false);
    expect(await b.claim('three', found.epoch + 5)).toMatchObject({ owned: false });
    expect(await b.claim('three', found.epoch)).toMatchObject({ owned: true, epoch: found.epoch + 1, reason: 'unreachable' });
    await expect(a.append('three', [edit('late')])).rejects.toBeInstanceOf(FencedError);
  });

  it('compacts and releases in one fenced transaction', async () => {
    const a = await relay('a4');
    await a.claim('four');
    await a.append('four', [edit('p'), edit('q')]);
    const doc = new Y.Doc();
    for (const { data } of (await a.load('four')).updates) Y.applyUpdate(doc, data);
    await a.compact('four', Y.encodeStateAsUpdate(doc));
    expect((await a.load('four')).updates).toHaveLength(1);
    await a.release('four', null);
    expect(a.owns('four')).toBe(false);
    const b = await relay('b4');
    expect(await b.claim('four')).toMatchObject({ owned: true, reason: 'new' });
    expect(keys((await b.load('four')).updates)).toEqual(['p', 'q']);
  });

  it('quarantines a row whose bytes no longer match their checksum, and keeps poker keys', async () => {
    const a = await relay('a5');
    await a.claim('five');
    await a.append('five', [edit('good'), edit('flipped')]);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query("UPDATE board_updates SET data = set_byte(data, 3, get_byte(data, 3) # 1) WHERE board = 'five' AND seq = (SELECT max(seq) FROM board_updates WHERE board = 'five')");
    const loaded = await a.load('five');
    expect(keys(loaded.updates)).toEqual(['good']);
    expect(loaded.quarantined).toHaveLength(1);
    expect((await client.query("SELECT count(*)::int AS n FROM board_quarantine WHERE board = 'five'")).rows[0].n).toBe(1);
    await client.end();
    await a.saveRoundKey('five', 'r1', { privateKey: 'k', secretHash: 'h' });
    expect(await a.roundKey('five', 'r1')).toEqual({ privateKey: 'k', secretHash: 'h' });
    expect(await a.roundKey('five', 'r2')).toBeNull();
  });

  it('refuses to write a board it never claimed', async () => {
    const a = await relay('a6');
    await expect(a.append('six', [edit('x')])).rejects.toBeInstanceOf(FencedError);
  });
});
