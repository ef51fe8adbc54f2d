/**
 * With AUTH_SECRET set: invites are checked before the upgrade, roles are
 * enforced by the relay (viewers write nothing, only facilitators run the
 * meeting and reveal), and a connection may publish only its own presence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { acceptRequest, addItem, allRequests, fileRequest, handOff, joinSession, orderedItems, readSession, requestsMap, setFramework, startSession, updateItem } from '../../shared/index.js';
import { signInvite, type AccessRole } from '../../server/access.js';
import { encodeAwareness, encodeUpdate } from '../../server/protocol.js';
import { craftUpdate } from '../helpers/craft-update.js';
import { connectClient, sleep, waitFor, type Client } from '../helpers/clients.js';
import { relayMetric, startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
let relay: RelayProcess;
const dataDir = tempDataDir();
const clients: Client[] = [];

beforeAll(async () => {
  relay = await startRelayProcess(dataDir, { AUTH_SECRET: SECRET, UNLOAD_DELAY_MS: '0' });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await relay.kill('SIGKILL');
});

const invite = (board: string, role: AccessRole, expiresAt = Date.now() + 60_000, secret = SECRET) => signInvite(secret, { board, role, expiresAt });

function join(board: string, role: AccessRole): Client {
  const client = connectClient(relay.syncUrl, board, new Y.Doc(), WebSocket, { token: invite(board, role) });
  clients.push(client);
  return client;
}

/** The HTTP status the relay answers a WebSocket upgrade with (101 when it accepts). */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', (error) => (error.message.includes('Unexpected server response') ? undefined : reject(error)));
  });
}

const metric = (name: string) => relayMetric(relay.httpUrl, name);

async function api(path: string, token: string | null, body?: unknown): Promise<Response> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return fetch(`${relay.httpUrl}${path}${query}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
}

describe('invite tokens', () => {
  it('refuses a missing, malformed, forged, expired or other board\'s token before the upgrade, and opens no board', async () => {
    const url = `${relay.syncUrl}/locked`;
    expect(await upgradeStatus(url)).toBe(401);
    expect(await upgradeStatus(`${url}?token=garbage`)).toBe(401);
    expect(await upgradeStatus(`${url}?token=${invite('locked', 'facilitator', Date.now() + 60_000, 'another-secret-of-enough-length-000')}`)).toBe(401);
    expect(await upgradeStatus(`${url}?token=${invite('locked', 'facilitator', Date.now() - 1000)}`)).toBe(401);
    expect(await upgradeStatus(`${url}?token=${invite('elsewhere', 'facilitator')}`)).toBe(403);
    // A token edited to claim a higher role no longer matches its signature.
    const [payload, signature] = invite('locked', 'viewer').split('.');
    const forged = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('viewer', 'facilitator')).toString('base64url');
    expect(await upgradeStatus(`${url}?token=${forged}.${signature}`)).toBe(401);
    expect(await metric('relay_boards_loaded')).toBe(0);
    expect(await upgradeStatus(`${url}?token=${invite('locked', 'member')}`)).toBe(101);
  });

  it('says on /health that invites are required, so the home page can say how to get in', async () => {
    expect(await (await fetch(`${relay.httpUrl}/health`)).json()).toMatchObject({ status: 'ok', invites: true });
  });

  it('tells the client its role, and lets only a facilitator make invites', async () => {
    const access = await (await api('/api/boards/inv/access', invite('inv', 'viewer'))).json();
    expect(access).toMatchObject({ auth: true, role: 'viewer' });
    expect((await api('/api/boards/inv/access', null)).status).toBe(401);
    expect((await api('/api/boards/inv/invites', invite('inv', 'member'), { role: 'member', days: 7 })).status).toBe(403);
    const made = await api('/api/boards/inv/invites', invite('inv', 'facilitator'), { role: 'member', days: 7 });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    expect(await upgradeStatus(`${relay.syncUrl}/inv?token=${token}`)).toBe(101);
    expect(await upgradeStatus(`${relay.syncUrl}/other?token=${token}`)).toBe(403);
    // A tab still running the app from before the rename asks for an "observer": it gets a viewer.
    const legacy = await api('/api/boards/inv/invites', invite('inv', 'facilitator'), { role: 'observer', days: 1 });
    expect(await legacy.json()).toMatchObject({ role: 'viewer' });
  });
});

describe('roles', () => {
  it("drops a viewer's updates: they reach no other client and no storage", async () => {
    const member = join('watched', 'member');
    await member.synced();
    addItem(member.doc, { title: 'from the member' });
    const viewer = join('watched', 'viewer');
    await viewer.synced();
    await waitFor(() => orderedItems(viewer.doc).length === 1, 'the viewer to read the board');
    addItem(viewer.doc, { title: 'forged by the viewer' });
    addItem(member.doc, { title: 'second from the member' });
    await waitFor(() => orderedItems(viewer.doc).length === 3, "the member's second item to reach the viewer");
    await sleep(200);
    expect(orderedItems(member.doc).map((i) => i.title).sort()).toEqual(['from the member', 'second from the member']);
    expect(await metric('relay_dropped_updates_total{role="viewer"}')).toBeGreaterThan(0);
    member.provider.disconnect();
    viewer.provider.disconnect();
    await sleep(300); // the board unloads (UNLOAD_DELAY_MS=0)
    const fresh = join('watched', 'member');
    await fresh.synced();
    expect(orderedItems(fresh.doc).map((i) => i.title).sort()).toEqual(['from the member', 'second from the member']);
  });

  it('lets only a facilitator run the meeting, hand over the role or reveal', async () => {
    const fay = join('meeting', 'facilitator');
    const mo = join('meeting', 'member');
    await Promise.all([fay.synced(), mo.synced()]);
    const itemId = addItem(fay.doc, { title: 'story' });
    startSession(fay.doc, { facilitator: { id: 'fay', name: 'Fay' }, agenda: [itemId], now: Date.now() });
    await waitFor(() => readSession(mo.doc) !== null, 'the session to reach the member');
    joinSession(mo.doc, { id: 'mo', name: 'Mo' }, 'voter');
    await waitFor(() => readSession(fay.doc)!.participants.some((p) => p.id === 'mo'), "the member's join to count");

    // The member takes the facilitator role: dropped.
    handOff(mo.doc, 'mo');
    await sleep(300);
    expect(readSession(fay.doc)!.facilitator).toBe('fay');
    // The facilitator hands it over: allowed.
    handOff(fay.doc, 'mo');
    await waitFor(() => readSession(mo.doc)!.facilitator === 'mo' && readSession(fay.doc)!.facilitator === 'mo', 'the hand-over');

    // Opening and revealing rounds need a facilitator's invite.
    expect((await api('/api/boards/meeting/rounds', invite('meeting', 'member'), { itemId })).status).toBe(403);
    const opened = await api('/api/boards/meeting/rounds', invite('meeting', 'facilitator'), { itemId });
    expect(opened.status).toBe(201);
    const { roundId } = (await opened.json()) as { roundId: string };
    expect((await api(`/api/boards/meeting/rounds/${roundId}/reveal`, invite('meeting', 'member'), {})).status).toBe(403);
    expect((await api(`/api/boards/meeting/rounds/${roundId}/reveal`, invite('meeting', 'facilitator'), {})).status).toBe(200);
  });

  it('protects the session and the rounds on a board just loaded from storage', async () => {
    const fay = join('reloaded', 'facilitator');
    await fay.synced();
    const itemId = addItem(fay.doc, { title: 'story' });
    startSession(fay.doc, { facilitator: { id: 'fay', name: 'Fay' }, agenda: [itemId], now: Date.now() });
    await sleep(200);
    const opened = await api('/api/boards/reloaded/rounds', invite('reloaded', 'facilitator'), { itemId });
    const { roundId } = (await opened.json()) as { roundId: string };
    await waitFor(() => readSession(fay.doc)?.currentRound === roundId, 'the round to open');
    fay.destroy();
    await sleep(300); // the board unloads (UNLOAD_DELAY_MS=0); the next connection loads it from storage

    // A member's first updates replace the rounds and the session by name, without a delete set.
    const dropped = await metric('relay_dropped_updates_total{role="member"}');
    const raw = new WebSocket(`${relay.syncUrl}/reloaded?token=${invite('reloaded', 'member')}`);
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(encodeUpdate(craftUpdate([{ client: 8080, clock: 0, items: [{ parentRoot: 'grooming', parentSub: 'rounds', values: ['mallory'] }] }])));
    raw.send(encodeUpdate(craftUpdate([{ client: 8081, clock: 0, items: [{ parentRoot: 'grooming', parentSub: 'session', values: ['mallory'] }] }])));
    await waitFor(async () => (await metric('relay_dropped_updates_total{role="member"}')) === dropped + 2, 'both updates to be dropped');
    raw.close();

    const back = join('reloaded', 'facilitator');
    await back.synced();
    expect(readSession(back.doc)).toMatchObject({ facilitator: 'fay', currentRound: roundId });
    expect((back.doc.getMap('grooming').get('rounds') as Y.Map<unknown>).has(roundId)).toBe(true);
  });

  it('lets a requester file requests and nothing else, forged updates included, also on a board just loaded', async () => {
    const board = 'intake';
    const paula = join(board, 'facilitator');
    await paula.synced();
    const itemId = addItem(paula.doc, { title: 'Existing story' });
    const earlier = fileRequest(paula.doc, { title: 'Filed by the team', source: 'internal' }, Date.now());
    await sleep(200);
    paula.destroy();
    await sleep(300); // the board unloads (UNLOAD_DELAY_MS=0); the requester's connection loads it from storage

    // A requester files a request: it is kept.
    const rita = join(board, 'requester');
    await rita.synced();
    const filed = fileRequest(rita.doc, { title: 'Export invoices as PDF', source: 'customer', sourceName: 'Acme', requester: 'Rita' }, Date.now());

    // Everything else a requester's client might send is dropped, each from a fresh connection (a client whose
    // update was dropped resyncs by reconnecting): editing, adding, accepting, replacing or deleting requests,
    // settings, and a crafted entry that names an existing request's key without overwriting it.
    const forgeries: ((doc: Y.Doc) => void)[] = [
      (doc) => updateItem(doc, itemId, { title: 'Hacked' }),
      (doc) => addItem(doc, { title: 'Sneaked into the backlog' }),
      (doc) => acceptRequest(doc, earlier, { by: 'Rita' }, Date.now()),
      (doc) => requestsMap(doc).set(earlier, new Y.Map()),
      (doc) => requestsMap(doc).delete(earlier),
      (doc) => setFramework(doc, 'rice', true),
    ];
    const dropped = await metric('relay_dropped_updates_total{role="requester"}');
    for (const forge of forgeries) {
      const mallory = join(board, 'requester');
      await mallory.synced();
      forge(mallory.doc);
      mallory.destroy();
    }
    const raw = new WebSocket(`${relay.syncUrl}/${board}?token=${invite(board, 'requester')}`);
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(encodeUpdate(craftUpdate([{ client: 9090, clock: 0, items: [{ parentRoot: 'requests', parentSub: earlier, values: ['replaced'] }] }])));
    await waitFor(async () => (await metric('relay_dropped_updates_total{role="requester"}')) === dropped + forgeries.length + 1, 'every forged update to be dropped');
    raw.close();

    const back = join(board, 'facilitator');
    await back.synced();
    await waitFor(() => allRequests(back.doc).length === 2, "the requester's request to be there");
    expect(orderedItems(back.doc).map((item) => item.title)).toEqual(['Existing story']);
    expect(allRequests(back.doc).map((request) => [request.id, request.title, request.triage])).toEqual([
      [earlier, 'Filed by the team', null],
      [filed, 'Export invoices as PDF', null],
    ]);
    expect(back.doc.getMap('prioritization').size).toBe(0);
  });

  it('lets a connection publish presence only for its own client ids', async () => {
    const alice = join('presence', 'member');
    const bob = join('presence', 'member');
    await Promise.all([alice.synced(), bob.synced()]);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    const aliceId = alice.doc.clientID;
    await waitFor(() => (bob.provider.awareness.getStates().get(aliceId) as { user?: { name: string } } | undefined)?.user?.name === 'Alice', "Alice's presence");

    // A raw socket claims Alice's id with a newer clock.
    const raw = new WebSocket(`${relay.syncUrl}/presence?token=${invite('presence', 'member')}`);
    await new Promise((resolve) => raw.once('open', resolve));
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = aliceId;
    fake.setLocalState({ user: { name: 'Mallory' } });
    for (let i = 0; i < 5; i++) fake.setLocalState({ user: { name: 'Mallory' }, n: i });
    raw.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(fake, [aliceId], new Map([[aliceId, { user: { name: 'Mallory' } }]]))));
    await sleep(300);
    expect((bob.provider.awareness.getStates().get(aliceId) as { user: { name: string } }).user.name).toBe('Alice');

    // Nor may one connection fill the board with presences: at most 8 ids, even within one message.
    const ids = Array.from({ length: 20 }, (_, i) => 900_000 + i);
    const crowd = encoding.createEncoder(); // y-protocols' awareness format: count, then id, clock, JSON state
    encoding.writeVarUint(crowd, ids.length);
    for (const id of ids) {
      encoding.writeVarUint(crowd, id);
      encoding.writeVarUint(crowd, 1);
      encoding.writeVarString(crowd, JSON.stringify({ user: { name: `ghost ${id}` } }));
    }
    raw.send(encodeAwareness(encoding.toUint8Array(crowd)));
    await sleep(300);
    const ghosts = [...bob.provider.awareness.getStates().keys()].filter((id) => ids.includes(id));
    expect(ghosts.length).toBe(8);
    raw.close();
    fake.destroy();
  });
});
