/** Dead sockets are found by pings and closed, and their presence goes with them. */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { startRelay, type Relay } from '../../server/relay.js';
import { encodeAwareness } from '../../server/protocol.js';
import { createLogger } from '../../server/log.js';
import { connectClient, waitFor, type Client } from '../helpers/clients.js';
import { tempDataDir } from '../helpers/relay-process.js';

let relay: Relay | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await relay?.close();
});

describe('liveness', () => {
  it('closes a socket that stops answering pings and removes its presence', async () => {
    relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir: tempDataDir(), pingIntervalMs: 100, log: createLogger('silent') });
    const url = `ws://127.0.0.1:${relay.port}/sync`;
    const watcher = connectClient(url, 'ghosts');
    clients.push(watcher);
    await watcher.synced();

    // A client that announces itself, then goes silent: it never answers a ping.
    const silent = new WebSocket(`${url}/ghosts`, { autoPong: false });
    await new Promise((resolve) => silent.once('open', resolve));
    const ghostDoc = new Y.Doc();
    const ghost = new awarenessProtocol.Awareness(ghostDoc);
    ghost.setLocalStateField('user', { name: 'ghost' });
    silent.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(ghost, [ghostDoc.clientID])));
    await waitFor(() => watcher.provider.awareness.getStates().has(ghostDoc.clientID), 'the ghost to appear');

    const closed = new Promise<void>((resolve) => silent.once('close', () => resolve()));
    await closed;
    await waitFor(() => !watcher.provider.awareness.getStates().has(ghostDoc.clientID), 'the ghost to disappear');
    expect(relay.stats().connections).toBe(1);
    ghost.destroy();
  });

  it('answers a query for presence with every known state', async () => {
    relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir: tempDataDir(), log: createLogger('silent') });
    const url = `ws://127.0.0.1:${relay.port}/sync`;
    const ana = connectClient(url, 'query');
    clients.push(ana);
    await ana.synced();
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana' });

    const raw = new WebSocket(`${url}/query`);
    // Presence messages go to whichever listener is current.
    let listener = new awarenessProtocol.Awareness(new Y.Doc());
    raw.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 1) return;
      awarenessProtocol.applyAwarenessUpdate(listener, decoding.readVarUint8Array(decoder), 'relay');
    });
    const knowsAna = () => [...listener.getStates().values()].some((s) => s.user?.name === 'Ana');
    await waitFor(knowsAna, 'the presence sent on joining');
    listener.destroy();
    listener = new awarenessProtocol.Awareness(new Y.Doc());
    raw.send(new Uint8Array([3]));
    await waitFor(knowsAna, 'the answer to the query');
    raw.close();
    listener.destroy();
  });
});
