/**
 * The write-ahead journal (server/journal.ts) on real files, read back by
 * real SQLite storage. A crash is the files as they are on disk at some
 * moment: copying them from a live store and opening the copy is what a
 * restart after `kill -9` sees.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { SqliteBoardStore, type BackgroundError } from '../../server/storage.js';
import { Journal } from '../../server/journal.js';
import { tempDataDir } from '../helpers/relay-process.js';

const open: SqliteBoardStore[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

function store(dataDir: string, onError?: BackgroundError): SqliteBoardStore {
  const opened = new SqliteBoardStore(dataDir, 'normal', null, onError);
  open.push(opened);
  return opened;
}

/** The files of a data directory as they are now, in a fresh directory: a crash at this moment. */
function crashCopy(dataDir: string): string {
  const copy = tempDataDir();
  for (const name of ['boards.sqlite3', 'boards.sqlite3-wal', 'boards.sqlite3-shm', 'journal.log']) {
    if (existsSync(join(dataDir, name))) copyFileSync(join(dataDir, name), join(copy, name));
  }
  return copy;
}

/** An update that sets `key` on a map, from a doc of its own. */
function edit(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('items').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

async function keysOf(opened: SqliteBoardStore, board: string): Promise<string[]> {
  const doc = new Y.Doc();
  for (const { data } of (await opened.load(board)).updates) Y.applyUpdate(doc, data);
  return [...doc.getMap('items').keys()].sort();
}

describe('the journal', () => {
  it('reads back every record it wrote, and nothing of a record cut short or corrupted', () => {
    const file = join(tempDataDir(), 'journal.log');
    const journal = new Journal(file, false);
    journal.append('a', new Uint8Array([1, 2, 3]));
    journal.append('bé', new Uint8Array(0));
    journal.append('c', new Uint8Array([9]));
    journal.close();
    const whole = readFileSync(file);

    expect(new Journal(file, false).recover()).toEqual({
      records: [
        { board: 'a', data: new Uint8Array([1, 2, 3]) },
        { board: 'bé', data: new Uint8Array(0) },
        { board: 'c', data: new Uint8Array([9]) },
      ],
      readableBytes: whole.byteLength,
      unreadable: null,
    });

    truncateSync(file, whole.byteLength - 1);
    const cut = new Journal(file, false).recover();
    expect(cut.records.map((record) => record.board)).toEqual(['a', 'bé']);
    expect(cut.unreadable?.reason).toBe('a record cut short');

    const flipped = Buffer.from(whole);
    flipped[10] = (flipped[10] ?? 0) ^ 0x10; // inside the first record
    writeFileSync(file, flipped);
    const corrupt = new Journal(file, false).recover();
    expect(corrupt.records).toEqual([]);
    expect(corrupt.unreadable).toEqual({ bytes: new Uint8Array(flipped), reason: 'a record that fails its checksum' });
  });
});

describe('storage with a journal', () => {
  it('keeps every append across a crash before the journal was moved into SQLite', async () => {
    const dataDir = tempDataDir();
    const live = store(dataDir);
    live.append('board', [edit('one', '1')]);
    live.flush();
    live.append('board', [edit('two', '2')]);
    live.append('other', [edit('three', '3')]);
    // What a restarting relay would find: 'two' and 'three' are in the journal only.
    const copy = crashCopy(dataDir);
    expect(readFileSync(join(copy, 'journal.log')).byteLength).toBeGreaterThan(0);
    const restarted = store(copy);
    expect(await keysOf(restarted, 'board')).toEqual(['one', 'two']);
    expect(await keysOf(restarted, 'other')).toEqual(['three']);
    // Moved into SQLite, and the journal emptied.
    expect(readFileSync(join(copy, 'journal.log')).byteLength).toBe(0);
    expect((await restarted.load('board')).updates).toHaveLength(2);
  });

  it('with SQLITE_SYNC=full, flushes each record to the disk and reads it back the same', async () => {
    const dataDir = tempDataDir();
    const live = new SqliteBoardStore(dataDir, 'full');
    open.push(live);
    live.append('board', [edit('one', '1')]);
    const restarted = store(crashCopy(dataDir));
    expect(await keysOf(restarted, 'board')).toEqual(['one']);
  });

  it('loads what is journaled and not yet moved', async () => {
    const live = store(tempDataDir());
    live.append('board', [edit('one', '1')]);
    expect(await keysOf(live, 'board')).toEqual(['one']);
  });

  it('quarantines an unreadable end of the journal, loudly, and keeps the records before it', async () => {
    const dataDir = tempDataDir();
    const live = store(dataDir);
    live.append('board', [edit('one', '1')]);
    const copy = crashCopy(dataDir);
    appendFileSync(join(copy, 'journal.log'), Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 5]));
    const errors: [string, string][] = [];
    const restarted = store(copy, (what, error) => errors.push([what, error]));
    expect(await keysOf(restarted, 'board')).toEqual(['one']);
    expect(errors).toEqual([['journal-recovery', expect.stringMatching(/^9 bytes at the end of the journal could not be read/)]]);
    restarted.close();
    const db = new Database(join(copy, 'boards.sqlite3'), { readonly: true });
    expect(db.prepare('SELECT board, reason, length(data) AS bytes FROM quarantine').all()).toEqual([{ board: '(journal)', reason: 'a record cut short', bytes: 9 }]);
    db.close();
  });

  it('compacts journaled updates into the one row, so a reloaded board is one row', async () => {
    const dataDir = tempDataDir();
    const live = store(dataDir);
    const doc = new Y.Doc();
    for (const key of ['one', 'two']) {
      const update = edit(key, key);
      Y.applyUpdate(doc, update);
      live.append('board', [update]);
    }
    live.compact('board', Y.encodeStateAsUpdate(doc));
    live.close();
    const reopened = store(dataDir);
    expect((await reopened.load('board')).updates).toHaveLength(1);
    expect(await keysOf(reopened, 'board')).toEqual(['one', 'two']);
  });

  it('refuses, and journals nothing of, an update the size limit leaves no room for', async () => {
    const dataDir = tempDataDir();
    const live = store(dataDir);
    live.append('board', [edit('one', '1')]);
    live.flush();
    live.setSizeLimit(0);
    expect(() => live.append('board', [edit('big', 'x'.repeat(100_000))])).toThrow(/MAX_STORAGE_BYTES/);
    expect(readFileSync(join(dataDir, 'journal.log')).byteLength).toBe(0);
    expect(await keysOf(live, 'board')).toEqual(['one']);
  });

  it('stores what was journaled even when the size limit has since left no room, and empties the journal', async () => {
    const dataDir = tempDataDir();
    const live = store(dataDir);
    for (let i = 0; i < 20; i++) live.append('board', [edit(`key ${i}`, 'x'.repeat(5_000))]);
    const copy = crashCopy(dataDir);
    const restarted = new SqliteBoardStore(copy, 'normal', 4096);
    open.push(restarted);
    expect(readFileSync(join(copy, 'journal.log')).byteLength).toBe(0);
    expect(await keysOf(restarted, 'board')).toHaveLength(20);
  });

  it('records new updates where the next start can read them, after an unreadable end was set aside', async () => {
    const dataDir = tempDataDir();
    const first = store(dataDir);
    first.append('board', [edit('one', '1')]);
    const copy = crashCopy(dataDir);
    appendFileSync(join(copy, 'journal.log'), Buffer.from([200, 0, 0, 0, 1, 2, 3]));
    const second = store(copy);
    second.append('board', [edit('two', '2')]);
    const again = store(crashCopy(copy));
    expect(await keysOf(again, 'board')).toEqual(['one', 'two']);
  });

  it('lets one relay at a time use a data directory', () => {
    const dataDir = tempDataDir();
    store(dataDir);
    expect(() => new SqliteBoardStore(dataDir)).toThrow(/another relay is using the data directory/);
  });
});
