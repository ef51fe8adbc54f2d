/**
 * Comments and history through a real relay with invites: viewers and
 * requesters read the discussion but the relay drops every comment they
 * write; what members write survives the relay being killed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addComment, addItem, itemHistory, itemThreads, recordHistory, resolveThread, updateItem } from '../../shared/index.js';
import { signInvite, type AccessRole } from '../../server/access.js';
import { connectClient, sleep, waitFor, type Client } from '../helpers/clients.js';
import { relayMetric, startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
const BOARD = 'discussed';
const dataDir = tempDataDir();
let relay: RelayProcess;
const clients: Client[] = [];

beforeAll(async () => {
  relay = await startRelayProcess(dataDir, { AUTH_SECRET: SECRET });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await relay.kill('SIGKILL');
});

function join(role: AccessRole): Client {
  const token = signInvite(SECRET, { board: BOARD, role, expiresAt: Date.now() + 60_000 });
  const client = connectClient(relay.syncUrl, BOARD, new Y.Doc(), WebSocket, { token });
  clients.push(client);
  return client;
}

const dropped = (role: AccessRole) => relayMetric(relay.httpUrl, `relay_dropped_updates_total{role="${role}"}`);

it("lets viewers and requesters read comments but drops the ones they write; members' comments and history survive a killed relay", async () => {
  const mia = join('member');
  await mia.synced();
  const stop = recordHistory(mia.doc, () => ({ id: 'mia', name: 'Mia' }));
  const itemId = addItem(mia.doc, { title: 'Export invoices' });
  updateItem(mia.doc, itemId, { estimate: 5 });
  const question = addComment(mia.doc, { itemId, text: 'Which formats?', author: { id: 'mia', name: 'Mia' }, question: true });

  const vic = join('viewer');
  await vic.synced();
  await waitFor(() => itemThreads(vic.doc, itemId).length === 1, 'the viewer to read the comment');
  const viewerDrops = await dropped('viewer');
  addComment(vic.doc, { itemId, text: 'A viewer chimes in', author: { id: 'vic', name: 'Vic' } });
  resolveThread(vic.doc, question, { id: 'vic', name: 'Vic' }, true);
  await waitFor(async () => (await dropped('viewer')) >= viewerDrops + 2, "both of the viewer's writes to be dropped");

  const rita = join('requester');
  await rita.synced();
  const requesterDrops = await dropped('requester');
  addComment(rita.doc, { itemId, replyTo: question, text: 'PDF please', author: { id: 'rita', name: 'Rita' } });
  await waitFor(async () => (await dropped('requester')) > requesterDrops, "the requester's reply to be dropped");

  // A member's reply goes through, after the forged ones.
  addComment(mia.doc, { itemId, replyTo: question, text: 'PDF and CSV', author: { id: 'mia', name: 'Mia' } });
  await sleep(300);
  stop();

  await relay.kill('SIGKILL');
  relay = await startRelayProcess(dataDir, { AUTH_SECRET: SECRET });
  const back = join('member');
  await back.synced();
  const [thread] = itemThreads(back.doc, itemId);
  expect(itemThreads(back.doc, itemId)).toHaveLength(1);
  expect(thread!.root).toMatchObject({ text: 'Which formats?', question: true, resolved: null });
  expect(thread!.replies.map((reply) => [reply.authorName, reply.text])).toEqual([['Mia', 'PDF and CSV']]);
  expect(itemHistory(back.doc, itemId).map((entry) => [entry.field, entry.by])).toEqual(
    expect.arrayContaining([
      ['created', 'Mia'],
      ['estimate', 'Mia'],
    ]),
  );
});
