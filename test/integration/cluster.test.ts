/**
 * Several real relay processes sharing boards through a real PostgreSQL,
 * with stock y-websocket clients spread across them (docs/scale-out.md).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import { linkHeaders } from '../../server/cluster/link.js';
import { startBalancer } from '../helpers/balancer.js';
import { signInvite } from '../../server/access.js';
import { addItem, castVote, joinSession, readRound, readSession, sealVote, startSession } from '../../shared/index.js';
import * as Y from 'yjs';
import { connectClient, sleep, waitFor, type Client } from '../helpers/clients.js';
import { relayMetric, startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';
import { ownerPort, startPostgres, type PostgresServer } from '../helpers/postgres.js';

const SECRET = 'cluster-secret-0123456789-abcdefghijkl';
let server: PostgresServer;
let db: pg.Client;
const relays: RelayProcess[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  server = startPostgres();
  db = new pg.Client({ connectionString: server.url });
  await db.connect();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const relay of relays.splice(0)) await relay.kill('SIGKILL');
});
afterAll(async () => {
  await db.end();
  server.destroy();
});

async function relay(env: Record<string, string> = {}): Promise<RelayProcess> {
  const started = await startRelayProcess(tempDataDir(), {
    DATABASE_URL: server.url,
    CLUSTER_SECRET: SECRET,
    CLUSTER_HEARTBEAT_MS: '100',
    CLUSTER_OWNER_TIMEOUT_MS: '600',
    UNLOAD_DELAY_MS: '0',
    ...env,
  });
  relays.push(started);
  return started;
}

function join(on: RelayProcess, board: string): Client {
  const client = connectClient(on.syncUrl, board);
  clients.push(client);
  return client;
}

const words = (client: Client) => [...client.doc.getMap<string>('words').keys()].sort();

const metric = (on: RelayProcess, name: string) => relayMetric(on.httpUrl, name);

/** The relay process owning the board now. */
async function ownerRelay(board: string): Promise<RelayProcess> {
  const port = await ownerPort(db, board);
  return relays.find((one) => one.port === port)!;
}

async function owners(board: string): Promise<{ relay: string; epoch: number }[]> {
  const { rows } = await db.query<{ relay: string; epoch: string }>('SELECT relay, epoch FROM board_owners WHERE board = $1', [board]);
  return rows.map((row) => ({ relay: row.relay, epoch: Number(row.epoch) }));
}

async function stored(board: string): Promise<string[]> {
  const { rows } = await db.query<{ data: Buffer }>('SELECT data FROM board_updates WHERE board = $1 ORDER BY seq', [board]);
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
  return [...doc.getMap<string>('words').keys()].sort();
}

describe('relays sharing boards through PostgreSQL', () => {
  it('lets clients on different relays edit one board together, with one owner', async () => {
    const [a, b, c] = [await relay(), await relay(), await relay()];
    const people = [join(a, 'shared'), join(b, 'shared'), join(c, 'shared'), join(a, 'shared'), join(b, 'shared')];
    await Promise.all(people.map((person) => person.synced()));
    people.forEach((person, n) => person.doc.getMap('words').set(`word-${n}`, `from ${n}`));
    const all = people.map((_, n) => `word-${n}`).sort();
    await waitFor(() => people.every((person) => words(person).join() === all.join()), 'every client to see every word');
    expect(await owners('shared')).toHaveLength(1);
    // Two of the three relays forwarded their clients to the owner.
    const forwarded = await Promise.all([a, b, c].map((one) => metric(one, 'relay_forwarded_messages_total{direction="to-owner"}')));
    expect(forwarded.filter((count) => count > 0)).toHaveLength(2);
    await waitFor(async () => (await stored('shared')).join() === all.join(), 'every word in PostgreSQL');
    // Presence crosses relays too.
    people[0]!.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => [...people[2]!.provider.awareness.getStates().values()].some((state) => (state as { user?: { name: string } }).user?.name === 'Ana'), "Ana's presence on the third relay");
  });

  it('merges offline edits made through any relay', async () => {
    const [a, b] = [await relay(), await relay()];
    const ana = join(a, 'offline');
    const bo = join(b, 'offline');
    await Promise.all([ana.synced(), bo.synced()]);
    ana.provider.disconnect();
    ana.doc.getMap('words').set('written offline', 'ana');
    bo.doc.getMap('words').set('written online', 'bo');
    await sleep(300);
    ana.provider.connect();
    await waitFor(() => words(ana).join() === 'written offline,written online' && words(bo).join() === 'written offline,written online', 'both edits on both sides');
  });

  it('runs a poker round through any relay, and the session carries on when the owner is killed', async () => {
    const [a, b, c] = [await relay(), await relay(), await relay()];
    const api = (on: RelayProcess, path: string, secret?: string) =>
      fetch(`${on.httpUrl}${path}`, { method: 'POST', body: '{}', headers: secret ? { authorization: `Bearer ${secret}` } : {} });
    // Behind a round-robin balancer, as in production: a client of the killed relay reconnects to another.
    const balancer = await startBalancer([a, b, c].map((one) => one.port));
    const behind = (board: string) => {
      const client = connectClient(balancer.syncUrl, board);
      clients.push(client);
      return client;
    };
    const fay = behind('meeting');
    const vic = behind('meeting');
    await Promise.all([fay.synced(), vic.synced()]);
    const itemId = addItem(fay.doc, { title: 'Estimate me' });
    startSession(fay.doc, { facilitator: { id: 'fay', name: 'Fay' }, agenda: [itemId], now: Date.now() });
    await waitFor(() => readSession(vic.doc) !== null, 'the session to reach Vic');
    joinSession(vic.doc, { id: 'vic', name: 'Vic' }, 'voter');
    await waitFor(() => readSession(fay.doc)!.participants.length === 2, "Vic's join to reach Fay");
    const owner = await ownerRelay('meeting');
    // The round is opened through a relay that does not own the board: the call goes on to the owner.
    const notOwner = [a, b, c].find((one) => one !== owner)!;
    const opened = await fetch(`${notOwner.httpUrl}/api/boards/meeting/rounds`, { method: 'POST', body: JSON.stringify({ itemId }) });
    expect(opened.status).toBe(201);
    const { roundId, secret } = (await opened.json()) as { roundId: string; secret: string };
    await waitFor(() => readRound(fay.doc, roundId) !== null && readRound(vic.doc, roundId) !== null, 'the round on both sides');
    for (const [voter, client, card] of [['fay', fay, '5'], ['vic', vic, '8']] as const) {
      castVote(client.doc, roundId, { id: voter, name: voter }, await sealVote(readRound(client.doc, roundId)!.publicKey!, card, { roundId, voter }), Date.now());
    }
    await waitFor(() => Object.keys(readRound(fay.doc, roundId)!.voters).length === 2, 'both votes');

    // The owner dies mid-round: both clients carry on through the others, and the reveal still works.
    await (await ownerRelay('meeting')).kill('SIGKILL');
    const alive = relays.filter((one) => one.child.exitCode === null && one.child.signalCode === null);
    const survivor = alive[0]!;
    await waitFor(async () => (await api(survivor, `/api/boards/meeting/rounds/${roundId}/reveal`, secret)).status === 200, 'the reveal through a surviving relay', 10_000);
    await waitFor(() => readRound(fay.doc, roundId)?.status === 'revealed' && readRound(vic.doc, roundId)?.status === 'revealed', 'the reveal on both sides', 10_000);
    await balancer.close();
  });

  it("enforces roles on clients forwarded from another relay: a viewer's updates are dropped by the owner", async () => {
    const AUTH = 'auth-secret-0123456789-abcdefghijklmnop';
    const [a, b] = [await relay({ AUTH_SECRET: AUTH }), await relay({ AUTH_SECRET: AUTH })];
    const as = (on: RelayProcess, role: 'member' | 'viewer') => {
      const client = connectClient(on.syncUrl, 'roles', new Y.Doc(), WebSocket, { token: signInvite(AUTH, { board: 'roles', role, expiresAt: Date.now() + 60_000 }) });
      clients.push(client);
      return client;
    };
    const mia = as(a, 'member');
    await mia.synced();
    const vic = as(b, 'viewer');
    const max = as(b, 'member');
    await Promise.all([vic.synced(), max.synced()]);
    vic.doc.getMap('words').set('forged by the viewer', 'x');
    max.doc.getMap('words').set('from a member on the other relay', 'y');
    await waitFor(() => words(mia).includes('from a member on the other relay'), "the forwarded member's word");
    await sleep(300);
    expect(words(mia)).toEqual(['from a member on the other relay']);
    expect(await stored('roles')).toEqual(['from a member on the other relay']);
    expect(await metric(a, 'relay_dropped_updates_total{role="viewer"}')).toBeGreaterThan(0);
  });

  it("refuses links from anyone without the cluster's secret", async () => {
    const a = await relay();
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${a.syncUrl.replace(/\/sync$/, '')}/cluster`, { headers });
        socket.once('open', () => (socket.close(), resolve(101)));
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.once('error', () => {});
      });
    expect(await status({})).toBe(403);
    expect(await status({ ...linkHeaders('another secret, just as long as the real one', 'mallory') })).toBe(403);
    expect(await status({ ...linkHeaders(SECRET, 'mallory', Date.now() - 10 * 60_000) })).toBe(403);
    expect(await status(linkHeaders(SECRET, 'a-real-relay'))).toBe(101);
  });
});
