/**
 * Attacks that stayed within every message and byte limit yet cost the
 * others (issue 10's trial), each against a real relay process with real
 * sockets: the relay refuses or closes the offender alone, names the limit,
 * and counts it in /metrics.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { connect } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addItem, orderedItems } from '../../shared/index.js';
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '../../server/protocol.js';
import { connectClient, sleep, waitFor, type Client } from '../helpers/clients.js';
import { relayMetric, startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';
import { craftUpdate } from '../helpers/craft-update.js';

const clients: Client[] = [];
const processes: RelayProcess[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.terminate();
  for (const p of processes.splice(0)) await p.kill('SIGKILL');
});

async function relay(env: Record<string, string> = {}, dataDir = tempDataDir()): Promise<RelayProcess> {
  const started = await startRelayProcess(dataDir, env);
  processes.push(started);
  return started;
}

function client(r: RelayProcess, board: string): Client {
  const made = connectClient(r.syncUrl, board);
  clients.push(made);
  return made;
}

async function raw(r: RelayProcess, board: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(`${r.syncUrl}/${board}`, { headers });
  sockets.push(socket);
  socket.on('error', () => {});
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused: ${response.statusCode}`)));
  });
  return socket;
}

const closed = (socket: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve({ code: 0, reason: 'already closed' });
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });

const metric = (r: RelayProcess, name: string) => relayMetric(r.httpUrl, name);

/** `n` map overwrites of a few keys, as one update from a fresh client. */
function overwrites(n: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < n; i++) doc.getMap('junk').set(`k${i % 100}`, i);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('what one update may hold', () => {
  it('closes a socket whose update holds more than MAX_UPDATE_ENTRIES, and neither applies nor forwards it', async () => {
    const r = await relay();
    const watcher = client(r, 'big');
    await watcher.synced();
    const socket = await raw(r, 'big');
    const update = overwrites(200_000); // about 2 MB, far under MAX_MESSAGE_BYTES
    socket.send(encodeUpdate(update));
    expect(await closed(socket)).toMatchObject({ code: 1009, reason: expect.stringMatching(/MAX_UPDATE_ENTRIES/) });
    await sleep(200);
    expect(watcher.doc.getMap('junk').size).toBe(0);
    expect(await metric(r, 'relay_limit_closes_total{limit="update-entries"}')).toBe(1);
  });

  it('refuses sub-documents (1008), deletions of unknown clients (1008) and v2 updates (1007), storing none of them', async () => {
    const dataDir = tempDataDir();
    const r = await relay({}, dataDir);
    const withSubdocs = new Y.Doc();
    withSubdocs.transact(() => {
      for (let i = 0; i < 1000; i++) withSubdocs.getMap('docs').set(`d${i}`, new Y.Doc());
    });
    const unknownDeletes = craftUpdate([], Array.from({ length: 2000 }, (_, i) => ({ client: 500_000 + i, ranges: [[0, 3]] as [number, number][] })));
    const v2 = new Y.Doc();
    addItem(v2, { title: 'in v2' });
    const cases: [Uint8Array, number][] = [
      [Y.encodeStateAsUpdate(withSubdocs), 1008],
      [unknownDeletes, 1008],
      [Y.encodeStateAsUpdateV2(v2), 1007],
    ];
    for (const [update, code] of cases) {
      const socket = await raw(r, 'odd');
      socket.send(encodeUpdate(update));
      expect((await closed(socket)).code).toBe(code);
    }
    // An honest edit afterwards is stored alone: nothing of the above waits to be re-read or sent on.
    const honest = client(r, 'odd');
    await honest.synced();
    addItem(honest.doc, { title: 'honest' });
    await sleep(300);
    await r.kill('SIGTERM');
    const db = new Database(join(dataDir, 'boards.sqlite3'), { readonly: true });
    const rows = db.prepare("SELECT data FROM updates WHERE board = 'odd'").all() as { data: Buffer }[];
    db.close();
    const stored = new Y.Doc();
    for (const row of rows) Y.applyUpdate(stored, row.data);
    expect(orderedItems(stored).map((item) => item.title)).toEqual(['honest']);
    expect(stored.getMap('docs').size).toBe(0);
    expect(stored.store.pendingDs).toBeNull();
  });
});

describe('work over time', () => {
  it('closes a socket that keeps the relay busy within the message and byte limits, and counts it', async () => {
    const r = await relay({ MAX_WORK_MS_PER_SECOND: '20', MAX_BYTES_PER_SECOND: String(64 * 1024 * 1024) });
    const socket = await raw(r, 'busy');
    const done = closed(socket);
    let sent = 0;
    for (; sent < 200 && socket.readyState === WebSocket.OPEN; sent++) {
      socket.send(encodeUpdate(Y.encodeStateAsUpdate(((doc) => (doc.getMap('m').set('x', sent), doc))(new Y.Doc()))));
      socket.send(encodeUpdate(overwrites(20_000)));
      await sleep(20);
    }
    expect(await done).toMatchObject({ code: 1008, reason: expect.stringMatching(/work budget/) });
    expect(await metric(r, 'relay_limit_closes_total{limit="work"}')).toBe(1);
  });

  it('answers a repeated sync request from a cache, not by encoding the board again each time', async () => {
    const r = await relay();
    const author = client(r, 'large');
    await author.synced();
    author.doc.transact(() => {
      for (let i = 0; i < 1000; i++) addItem(author.doc, { title: `item ${i}`, description: 'd'.repeat(500) });
    });
    await sleep(500);
    const socket = await raw(r, 'large');
    // Behind the board by all but one edit, and naming a client the board has never seen.
    const stale = Y.encodeStateVector(new Map([[author.doc.clientID, 1], [123456789, 0]]));
    const cpuBefore = await metric(r, 'process_cpu_seconds_total');
    for (let i = 0; i < 100; i++) {
      const answered = new Promise((resolve) => socket.once('message', resolve));
      socket.send(encodeSyncStep1(stale));
      await answered;
    }
    const cpu = (await metric(r, 'process_cpu_seconds_total')) - cpuBefore;
    // Encoding this board's diff costs the relay milliseconds each time; answered from a cache it costs next to nothing.
    expect(cpu).toBeLessThan(0.5);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });
});

describe('presence', () => {
  it('closes a socket whose presence message passes MAX_PRESENCE_BYTES; nobody receives it', async () => {
    const r = await relay();
    const other = client(r, 'presence');
    await other.synced();
    const socket = await raw(r, 'presence');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 4242);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, JSON.stringify({ user: { name: 'x'.repeat(200_000) } }));
    socket.send(encodeAwareness(encoding.toUint8Array(e)));
    expect((await closed(socket)).code).toBe(1009);
    expect(other.provider.awareness.getStates().has(4242)).toBe(false);
    expect(await metric(r, 'relay_limit_closes_total{limit="presence-size"}')).toBe(1);
  });
});

describe('clients that stop reading', () => {
  it('caps what waits for one address in all, closing its largest buffers first', async () => {
    const r = await relay({ MAX_ADDRESS_SEND_BUFFER_BYTES: String(2 * 1024 * 1024), MAX_BYTES_PER_SECOND: String(64 * 1024 * 1024), MAX_MESSAGES_PER_SECOND: '100000' });
    const stalled: WebSocket[] = [];
    for (let i = 0; i < 6; i++) {
      const socket = await raw(r, 'stall');
      (socket as unknown as { _socket: { pause(): void } })._socket.pause();
      stalled.push(socket);
    }
    const closes = stalled.map((socket) => closed(socket));
    const writer = client(r, 'stall');
    await writer.synced();
    // 200 KB per update, to every stalled socket: several MB each before the kernel's buffers even fill.
    for (let i = 0; i < 60; i++) {
      updateDescription(writer.doc, i);
      await sleep(10);
    }
    await waitFor(async () => (await metric(r, 'relay_limit_closes_total{limit="address-send-buffer"}')) > 0, 'the address cap to close a stalled socket', 15_000);
    for (const socket of stalled) (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const codes = (await Promise.all(closes.map((c) => Promise.race([c, sleep(3000).then(() => ({ code: 0, reason: 'open' }))])))).map((c) => c.code);
    expect(codes).toContain(1013);
  });
});

function updateDescription(doc: Y.Doc, i: number): void {
  doc.getMap('blobs').set(`b${i}`, 'z'.repeat(200_000));
}

describe('handshakes', () => {
  it('times out upgrades whose headers never complete, and caps them per address; /health keeps answering', async () => {
    // TRUST_PROXY=false: by default peers on this machine are the trusted proxy, which the cap leaves alone.
    const r = await relay({ HANDSHAKE_TIMEOUT_MS: '500', MAX_HANDSHAKES_PER_ADDRESS: '20', TRUST_PROXY: 'false' });
    const ended: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      const socket = connect(r.port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(`GET /sync/slow HTTP/1.1\r\nHost: x\r\n`); // the headers never end
      ended.push(new Promise((resolve) => socket.once('close', () => resolve())));
    }
    await Promise.race([Promise.all(ended), sleep(5000)]);
    expect((await fetch(`${r.httpUrl}/health`)).status).toBe(200);
    expect(await metric(r, 'relay_limit_closes_total{limit="handshakes-per-address"}')).toBeGreaterThan(0);
    expect(await metric(r, 'relay_limit_closes_total{limit="handshake-timeout"}')).toBeGreaterThan(0);
    const all = await Promise.race([Promise.all(ended).then(() => true), sleep(100).then(() => false)]);
    expect(all).toBe(true);
  });
});

describe('addresses', () => {
  it('lets 300 clients in from one address by default, and counts clients behind a proxy on this machine by X-Forwarded-For', async () => {
    const r = await relay();
    for (let i = 0; i < 300; i++) await raw(r, `many-${i % 30}`);
    for (const s of sockets.splice(0)) s.terminate();
    const capped = await relay({ MAX_CONNECTIONS_PER_ADDRESS: '2' });
    for (let i = 0; i < 5; i++) await raw(capped, 'proxied', { 'X-Forwarded-For': `203.0.113.${i}` });
    await raw(capped, 'proxied', { 'X-Forwarded-For': '198.51.100.1' });
    await raw(capped, 'proxied', { 'X-Forwarded-For': '198.51.100.1' });
    await expect(raw(capped, 'proxied', { 'X-Forwarded-For': '198.51.100.1' })).rejects.toThrow(/429/);
  });
});

describe('a corrupt stored row', () => {
  it('is quarantined loudly and the board loads with everything else', async () => {
    const dataDir = tempDataDir();
    let r = await relay({ LOG_LEVEL: 'error' }, dataDir);
    // Five people add an item each: rows from different clients, so losing one leaves the others readable.
    for (let i = 0; i < 5; i++) {
      const author = client(r, 'corrupt');
      await author.synced();
      addItem(author.doc, { title: `item ${i}` });
      await sleep(50);
    }
    await sleep(200);
    clients.splice(0).forEach((c) => c.destroy());
    await r.kill('SIGKILL');
    const db = new Database(join(dataDir, 'boards.sqlite3'));
    const rows = db.prepare("SELECT seq, data FROM updates WHERE board = 'corrupt' ORDER BY seq").all() as { seq: number; data: Buffer }[];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const flipped = Buffer.from(rows[1]!.data);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x10;
    db.prepare("UPDATE updates SET data = ? WHERE board = 'corrupt' AND seq = ?").run(flipped, rows[1]!.seq);
    db.prepare("UPDATE updates SET data = ? WHERE board = 'corrupt' AND seq = ?").run(rows[3]!.data.subarray(0, 5), rows[3]!.seq);
    db.close();

    r = await relay({ LOG_LEVEL: 'error' }, dataDir);
    const reader = client(r, 'corrupt');
    await reader.synced();
    expect(orderedItems(reader.doc).length).toBe(3);
    expect(await metric(r, 'relay_quarantined_rows_total')).toBe(2);
    expect(r.stderr()).toMatch(/quarantined/);
    expect((await fetch(`${r.httpUrl}/ready`)).status).toBe(200);
  });
});
