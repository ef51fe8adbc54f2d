/**
 * Sealed votes against the real relay with stock clients: a listener in the
 * room records every frame it receives and every state of its document until
 * the reveal, and the cards cast are in none of them. After the reveal every
 * client reads every vote, including one from a voter who left before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  acceptRound,
  addItem,
  castVote,
  joinSession,
  openRoundVotes,
  orderedItems,
  readRound,
  readSession,
  sealVote,
  startSession,
} from '../../shared/index.js';
import { connectClient, waitFor, type Client } from '../helpers/clients.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess(tempDataDir());
});
afterAll(async () => {
  await relay.kill('SIGKILL');
});

/** Distinctive cards, so that any trace of them would be found. */
const DECK = ['Zebra42', 'Quokka77', 'Narwhal19'];
const CAST: Record<string, string> = { fay: 'Zebra42', vic: 'Quokka77', val: 'Narwhal19' };

/** A stock client whose WebSocket records every frame it receives. */
function listeningClient(board: string, frames: Buffer[]): Client {
  class RecordingSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
    }
  }
  return connectClient(relay.syncUrl, board, new Y.Doc(), RecordingSocket as unknown as typeof WebSocket);
}

async function api(path: string, body: unknown, secret?: string) {
  const response = await fetch(`${relay.httpUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret !== undefined && { authorization: `Bearer ${secret}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('sealed votes through the relay', () => {
  it('keeps votes unreadable until the reveal, then shows all of them to everyone', async () => {
    const board = `poker-${Date.now()}`;
    const frames: Buffer[] = [];
    const states: string[] = [];
    const listener = listeningClient(board, frames);
    // Every state of the listener's document until the reveal, with the public deck left out.
    listener.doc.on('update', () => {
      const json = listener.doc.toJSON() as { grooming?: { session?: { deck?: unknown }; rounds?: Record<string, { deck?: unknown; privateKey?: unknown }> } };
      if (Object.values(json.grooming?.rounds ?? {}).some((round) => round.privateKey)) return;
      delete json.grooming?.session?.deck;
      for (const round of Object.values(json.grooming?.rounds ?? {})) delete round.deck;
      states.push(JSON.stringify(json));
    });
    const fay = connectClient(relay.syncUrl, board);
    const vic = connectClient(relay.syncUrl, board);
    const val = connectClient(relay.syncUrl, board);
    await Promise.all([listener, fay, vic, val].map((c) => c.synced()));

    // Fay starts a session with a custom deck and opens a round on the relay.
    const itemId = addItem(fay.doc, { title: 'Estimate me' });
    startSession(fay.doc, { facilitator: { id: 'fay', name: 'Fay' }, agenda: [itemId], now: Date.now(), deck: { id: 'custom', custom: DECK, unknownCard: true, coffeeCard: false } });
    await waitFor(() => readSession(val.doc) !== null && readSession(vic.doc) !== null, 'the session to reach everyone');
    joinSession(vic.doc, { id: 'vic', name: 'Vic' }, 'voter');
    joinSession(val.doc, { id: 'val', name: 'Val' }, 'voter');
    const opened = await api(`/api/boards/${board}/rounds`, { itemId });
    expect(opened.status).toBe(201);
    const { roundId, secret } = opened.body as { roundId: string; secret: string };
    await waitFor(() => [fay, vic, val, listener].every((c) => readRound(c.doc, roundId) !== null), 'the round to reach everyone');
    expect(readRound(listener.doc, roundId)!.deck).toEqual([...DECK, '?']);

    for (const [voter, client] of [['fay', fay], ['vic', vic], ['val', val]] as const) {
      const publicKey = readRound(client.doc, roundId)!.publicKey!;
      castVote(client.doc, roundId, { id: voter, name: voter }, await sealVote(publicKey, CAST[voter]!, { roundId, voter }), Date.now());
    }
    await waitFor(() => Object.keys(readRound(listener.doc, roundId)!.voters).length === 3, 'the listener to see three voters');
    // Everyone sees who has voted...
    expect(Object.keys(readRound(fay.doc, roundId)!.voters).sort()).toEqual(['fay', 'val', 'vic']);
    // ...and Val leaves before the reveal.
    val.destroy();

    // A reveal without the facilitator's secret is refused.
    expect((await api(`/api/boards/${board}/rounds/${roundId}/reveal`, {}, 'guess')).status).toBe(403);
    expect((await api(`/api/boards/${board}/rounds/${roundId}/reveal`, {})).status).toBe(403);
    expect(readRound(listener.doc, roundId)!.status).toBe('voting');

    // Nothing before the reveal holds a cast card: not a frame, not a document
    // state. The deck itself is public (it is how voters know their cards), so
    // the frames that carry it, and the deck fields of the states, are set aside.
    const framesBefore = frames.length;
    const carriesDeck = (frame: Buffer) => {
      let at = 0;
      for (const card of DECK) {
        at = frame.indexOf(Buffer.from(card), at);
        if (at < 0) return false;
      }
      return true;
    };
    const voteFrames = frames.filter((frame) => !carriesDeck(frame));
    expect(voteFrames.length).toBeGreaterThan(3);
    for (const card of DECK) {
      for (const frame of voteFrames) expect(frame.includes(Buffer.from(card))).toBe(false);
      for (const state of states) expect(state.includes(card)).toBe(false);
    }

    expect((await api(`/api/boards/${board}/rounds/${roundId}/reveal`, {}, secret)).status).toBe(200);
    await waitFor(() => [fay, vic, listener].every((c) => readRound(c.doc, roundId)!.status === 'revealed'), 'the reveal to reach everyone');
    const privateKey = readRound(listener.doc, roundId)!.privateKey!;
    // The private key was not on the wire before the reveal either.
    for (const frame of frames.slice(0, framesBefore)) expect(frame.includes(Buffer.from(privateKey.d!))).toBe(false);

    const expected = [['fay', 'Zebra42'], ['val', 'Narwhal19'], ['vic', 'Quokka77']];
    for (const client of [fay, vic, listener]) {
      const result = await openRoundVotes(readRound(client.doc, roundId)!);
      expect(result!.votes.map((v) => [v.voter, v.card]).sort()).toEqual(expected);
    }
    // Val, back later, sees the same.
    const valAgain = connectClient(relay.syncUrl, board);
    await valAgain.synced();
    expect((await openRoundVotes(readRound(valAgain.doc, roundId)!))!.votes).toHaveLength(3);
    for (const client of [listener, fay, vic, valAgain]) client.destroy();
  });

  it('opens a round on business value with the relative scale, and accepting it writes that input', async () => {
    const board = `value-${Date.now()}`;
    const fay = connectClient(relay.syncUrl, board);
    await fay.synced();
    const itemId = addItem(fay.doc, { title: 'Worth how much?' });
    startSession(fay.doc, { facilitator: { id: 'fay', name: 'Fay' }, agenda: [itemId], now: Date.now(), deck: { id: 'custom', custom: DECK, unknownCard: false, coffeeCard: false } });
    await waitFor(async () => (await api(`/api/boards/${board}/rounds`, { itemId, target: 'nonsense' })).status === 400, 'a bad target to be refused once the session arrived');
    const opened = await api(`/api/boards/${board}/rounds`, { itemId, target: 'businessValue' });
    expect(opened.status).toBe(201);
    const { roundId, secret } = opened.body as { roundId: string; secret: string };
    await waitFor(() => readRound(fay.doc, roundId) !== null, 'the round to arrive');
    expect(readRound(fay.doc, roundId)).toMatchObject({ target: 'businessValue', deck: ['1', '2', '3', '5', '8', '13', '20', '?'] });
    const publicKey = readRound(fay.doc, roundId)!.publicKey!;
    castVote(fay.doc, roundId, { id: 'fay', name: 'Fay' }, await sealVote(publicKey, '13', { roundId, voter: 'fay' }), Date.now());
    const vic = connectClient(relay.syncUrl, board);
    await waitFor(() => Object.keys(readRound(vic.doc, roundId)?.voters ?? {}).length === 1, 'the vote to pass through the relay');
    expect((await api(`/api/boards/${board}/rounds/${roundId}/reveal`, {}, secret)).status).toBe(200);
    await waitFor(() => readRound(fay.doc, roundId)!.status === 'revealed', 'the reveal');
    acceptRound(fay.doc, roundId, '13', Date.now());
    expect(orderedItems(fay.doc)[0]!.scoreInputs.businessValue).toBe(13);
    // Stored through the relay: a new client sees it.
    const later = connectClient(relay.syncUrl, board);
    await waitFor(() => orderedItems(later.doc)[0]?.scoreInputs.businessValue === 13, 'the value to reach a new client');
    for (const client of [fay, vic, later]) client.destroy();
  });

  it('answers the time and refuses rounds without a session or for unknown items', async () => {
    const time = (await (await fetch(`${relay.httpUrl}/api/time`)).json()) as { now: number };
    expect(Math.abs(time.now - Date.now())).toBeLessThan(60_000);
    const board = `no-session-${Date.now()}`;
    expect((await api(`/api/boards/${board}/rounds`, { itemId: 'x' })).status).toBe(409);
    expect((await api(`/api/boards/bad%20id/rounds`, { itemId: 'x' })).status).toBe(400);
    expect((await api(`/api/boards/${board}/rounds`, [])).status).toBe(400);
    expect((await api(`/api/boards/${board}/rounds/nope/reveal`, {}, 'x')).status).toBe(404);
  });
});
