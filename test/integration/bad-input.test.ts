/**
 * Bad input closes only the offending socket, with a code that says why,
 * and stores nothing from it; the relay and every other client carry on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { addItem, orderedIds } from '../../shared/index.js';
import { connectClient, waitFor, type Client } from '../helpers/clients.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

let relay: RelayProcess;
const dataDir = tempDataDir();
const MAX = 64 * 1024;

beforeAll(async () => {
  relay = await startRelayProcess(dataDir, { MAX_MESSAGE_BYTES: String(MAX) });
});
afterAll(async () => {
  await relay.kill('SIGKILL');
});

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** Opens a raw socket, sends `frame`, and resolves with the close code the relay gives. */
async function closeCodeFor(board: string, frame: Uint8Array | string): Promise<number> {
  const socket = new WebSocket(`${relay.syncUrl}/${board}`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.send(frame, { binary: typeof frame !== 'string' });
  return closed;
}

async function upgradeStatus(path: string): Promise<number> {
  const socket = new WebSocket(`ws://127.0.0.1:${relay.port}${path}`);
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => reject(new Error(`${path} was accepted`)));
    socket.once('error', () => {});
  });
}

const BAD_FRAMES: [string, Uint8Array | string, number][] = [
  ['an empty frame', new Uint8Array([]), 1007],
  ['a truncated update', new Uint8Array([0, 2, 50, 1, 2]), 1007],
  ['an unknown sync step', message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 9); }), 1007],
  ['trailing bytes after a message', new Uint8Array([3, 0]), 1007],
  ['an update Yjs rejects', message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 255, 255, 255, 255, 99])); }), 1007],
  ['a bad state vector', message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, new Uint8Array([4, 255])); }), 1007],
  ['a malformed awareness update', message((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, new Uint8Array([1, 7, 1, 3, 123, 34, 120])); }), 1007],
  ['an unknown message type', new Uint8Array([9]), 1008],
  ['an auth message from a client', new Uint8Array([2, 0]), 1008],
  ['a text frame', 'hello', 1008],
  ['a frame over MAX_MESSAGE_BYTES', new Uint8Array(MAX + 1), 1009],
];

describe('bad input', () => {
  let good: Client;
  let elsewhere: Client;

  beforeAll(async () => {
    good = connectClient(relay.syncUrl, 'victim');
    elsewhere = connectClient(relay.syncUrl, 'other-board');
    await Promise.all([good.synced(), elsewhere.synced()]);
    addItem(good.doc, { title: 'before the attack' });
  });
  afterAll(() => {
    good.destroy();
    elsewhere.destroy();
  });

  for (const [name, frame, code] of BAD_FRAMES) {
    it(`closes the socket that sent ${name} with ${code}`, async () => {
      expect(await closeCodeFor('victim', frame)).toBe(code);
    });
  }

  it('leaves the relay, the board and other clients working, and stores nothing from bad frames', async () => {
    for (const [, frame] of BAD_FRAMES) await closeCodeFor('victim', frame);
    expect(good.provider.wsconnected).toBe(true);
    expect(elsewhere.provider.wsconnected).toBe(true);
    addItem(good.doc, { title: 'after the attack' });
    addItem(elsewhere.doc, { title: 'elsewhere' });
    const fresh = connectClient(relay.syncUrl, 'victim');
    await fresh.synced();
    await waitFor(() => orderedIds(fresh.doc).length === 2, 'the fresh client to get both good items');
    expect(fresh.doc.getMap('items').size).toBe(2);
    expect([...fresh.doc.share.keys()].sort()).toEqual(['items', 'meta']);
    fresh.destroy();
    const health = await fetch(`${relay.httpUrl}/health`);
    expect(health.status).toBe(200);
  });

  it('refuses bad board paths at the upgrade and creates no room', async () => {
    const before = (await (await fetch(`${relay.httpUrl}/health`)).json()) as { rooms: number };
    expect(await upgradeStatus('/sync/bad%20id')).toBe(400);
    expect(await upgradeStatus(`/sync/${'x'.repeat(65)}`)).toBe(400);
    expect(await upgradeStatus('/sync/')).toBe(400);
    expect(await upgradeStatus('/sync/a/b')).toBe(400);
    expect(await upgradeStatus('/elsewhere/board')).toBe(404);
    const after = (await (await fetch(`${relay.httpUrl}/health`)).json()) as { rooms: number };
    expect(after.rooms).toBe(before.rooms);
  });

  it('answers an upgrade whose path is not a URL with 400, and stays up', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(relay.port, '127.0.0.1', () => socket.write('GET //[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${relay.httpUrl}/health`)).status).toBe(200);
  });
});
