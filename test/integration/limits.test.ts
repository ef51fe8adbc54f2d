/**
 * Limits close only the connection that goes over them, with a code and a
 * reason that name the limit; operations endpoints answer as documented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addItem, orderedItems, updateItem } from '../../shared/index.js';
import { connectClient, sleep, waitFor, type Client } from '../helpers/clients.js';
import { relayMetric, startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

let relay: RelayProcess;
const clients: Client[] = [];

beforeAll(async () => {
  relay = await startRelayProcess(tempDataDir(), {
    MAX_MESSAGES_PER_SECOND: '50',
    MAX_BYTES_PER_SECOND: '16384',
    MAX_MESSAGE_BYTES: '16384',
    MAX_CONNECTIONS_PER_ADDRESS: '12',
    MAX_LOADED_BOARDS: '3',
    MAX_SEND_BUFFER_BYTES: '65536',
  });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await relay.kill('SIGKILL');
});

function client(board: string): Client {
  const made = connectClient(relay.syncUrl, board);
  clients.push(made);
  return made;
}

async function rawSocket(board: string): Promise<WebSocket> {
  const socket = new WebSocket(`${relay.syncUrl}/${board}`);
  socket.on('error', () => {});
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`the relay refused the socket: ${response.statusCode}`)));
  });
  return socket;
}

const closed = (socket: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));

const metric = (name: string) => relayMetric(relay.httpUrl, name);

const QUERY_AWARENESS = new Uint8Array([3]);

function awarenessOfSize(bytes: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // awareness message
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, 12345);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, JSON.stringify({ pad: 'x'.repeat(bytes) }));
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

describe('per-connection limits', () => {
  it('closes a connection over the message rate with 1008, and only that one', async () => {
    const calm = client('rate');
    const other = client('rate');
    await Promise.all([calm.synced(), other.synced()]);
    const noisy = await rawSocket('rate');
    const result = closed(noisy);
    for (let i = 0; i < 400; i++) noisy.send(QUERY_AWARENESS);
    expect(await result).toMatchObject({ code: 1008, reason: expect.stringContaining('message rate') });
    addItem(calm.doc, { title: 'still fine' });
    await waitFor(() => orderedItems(other.doc).length === 1, 'the calm client to be heard');
    expect(await metric('relay_limit_closes_total{limit="messages"}')).toBe(1);
  });

  it('closes a connection over the byte rate with 1008', async () => {
    const noisy = await rawSocket('bytes');
    const result = closed(noisy);
    for (let i = 0; i < 20; i++) noisy.send(awarenessOfSize(4000));
    expect(await result).toMatchObject({ code: 1008, reason: expect.stringContaining('byte rate') });
  });

  it('closes a client that stops reading with 1013 and keeps the others going', async () => {
    const own = await startRelayProcess(tempDataDir(), { MAX_SEND_BUFFER_BYTES: '65536', MAX_BYTES_PER_SECOND: String(1024 ** 3), MAX_MESSAGES_PER_SECOND: '10000' });
    try {
      const writer = connectClient(own.syncUrl, 'slow');
      const reader = connectClient(own.syncUrl, 'slow');
      clients.push(writer, reader);
      await Promise.all([writer.synced(), reader.synced()]);
      const id = addItem(writer.doc, { title: 'x' });
      const stalled = new WebSocket(`${own.syncUrl}/slow`);
      stalled.on('error', () => {});
      await new Promise((resolve) => stalled.once('open', resolve));
      const closes = async () => Number(/relay_limit_closes_total\{limit="send-buffer"\} (\d+)/.exec(await (await fetch(`${own.httpUrl}/metrics`)).text())?.[1] ?? 0);
      // Stop reading: once the kernel's socket buffers are full (several MB on loopback), what the relay sends piles up in its own.
      (stalled as unknown as { _socket: { pause(): void } })._socket.pause();
      for (let i = 0; i < 1000 && (await closes()) === 0; i++) {
        updateItem(writer.doc, id, { description: randomBytes(20_000).toString('hex') });
        await sleep(5);
      }
      expect(await closes()).toBe(1);
      const last = orderedItems(writer.doc)[0]!.description;
      await waitFor(() => orderedItems(reader.doc)[0]?.description === last, 'the reader to keep up');
      stalled.terminate();
    } finally {
      await own.kill('SIGKILL');
    }
  });
});

describe('per-address and per-relay limits', () => {
  it('refuses connections over the per-address cap with 429', async () => {
    const sockets: WebSocket[] = [];
    const open = await metric('relay_connections');
    for (let i = open; i < 12; i++) sockets.push(await rawSocket(`addr-${i % 2}`));
    const status = await new Promise<number>((resolve) => {
      const extra = new WebSocket(`${relay.syncUrl}/addr-0`);
      extra.on('error', () => {});
      extra.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      extra.once('open', () => resolve(101));
    });
    expect(status).toBe(429);
    for (const socket of sockets) socket.close();
    await waitFor(async () => (await metric('relay_connections')) === open, 'the sockets to close');
    // Failed handshakes give their place back too: twelve of them, then a good one.
    for (let i = 0; i < 12; i++) {
      // No Sec-WebSocket-Key: ws refuses the handshake after the relay has counted the address.
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(relay.port, '127.0.0.1', () => socket.write('GET /sync/addr-0 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
    }
    const again = await rawSocket('addr-0');
    again.close();
  });

  it('keeps at most MAX_LOADED_BOARDS boards loaded, saving what it unloads', async () => {
    for (const c of clients.splice(0)) c.destroy();
    await waitFor(async () => (await metric('relay_connections')) === 0, 'earlier clients to leave');
    const a = client('lru-a');
    await a.synced();
    addItem(a.doc, { title: 'kept through eviction' });
    for (const board of ['lru-b', 'lru-c', 'lru-d', 'lru-e']) await client(board).synced();
    expect(await metric('relay_boards_loaded')).toBeLessThanOrEqual(3);
    expect(await metric('relay_evictions_total')).toBeGreaterThan(0);
    const again = connectClient(relay.syncUrl, 'lru-a', new Y.Doc());
    clients.push(again);
    await again.synced();
    expect(orderedItems(again.doc).map((i) => i.title)).toEqual(['kept through eviction']);
  });
});

describe('operations', () => {
  it('serves metrics, health, readiness and security headers', async () => {
    const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    for (const name of [
      'relay_connections',
      'relay_boards_loaded',
      'relay_messages_in_total',
      'relay_bytes_in_total',
      'relay_messages_out_total',
      'relay_bytes_out_total',
      'relay_update_apply_seconds_bucket',
      'relay_storage_write_seconds_bucket',
      'relay_evictions_total',
      'relay_limit_closes_total',
      'process_resident_memory_bytes',
    ]) {
      expect(metrics).toContain(name);
    }
    const health = await fetch(`${relay.httpUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', invites: false });
    expect(await (await fetch(`${relay.httpUrl}/ready`)).json()).toEqual({ ready: true });
    const page = await fetch(`${relay.httpUrl}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`ws://127.0.0.1:${relay.port}`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers /ready with 503 while draining after SIGTERM, then exits cleanly', async () => {
    const draining = await startRelayProcess(tempDataDir(), { DRAIN_MS: '1500' });
    expect((await fetch(`${draining.httpUrl}/ready`)).status).toBe(200);
    draining.child.kill('SIGTERM');
    await waitFor(async () => (await fetch(`${draining.httpUrl}/ready`)).status === 503, 'readiness to drop');
    expect((await fetch(`${draining.httpUrl}/health`)).status).toBe(200);
    expect(await draining.exited).toBe(0);
  });
});
