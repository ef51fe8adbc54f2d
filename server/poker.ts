/**
 * The relay's part in planning poker (docs/poker.md): it holds each round's
 * private key, so that no participant can read a vote before the reveal.
 *
 *   GET  /api/time                                   {"now": ms}: the relay's clock, for clients' offsets
 *   POST /api/boards/<board>/rounds                  {"itemId", "target"?} -> 201 {"roundId", "secret"}
 *   POST /api/boards/<board>/rounds/<round>/reveal   Authorization: Bearer <secret> -> 200
 *
 * With AUTH_SECRET set, both POSTs also need a facilitator's invite token
 * (`?token=`), and a facilitator may reveal any round of the board without
 * its secret (so that a new facilitator can finish a round after a hand-over).
 *
 * Opening a round makes a key pair, commits the private key and a hash of
 * a fresh reveal secret to the relay's own storage, and only then writes
 * the round (with its public key) into the board. The secret goes back to
 * the caller, the facilitator, alone: a reveal must present it. The reveal
 * writes the private key into the round and freezes the votes that count.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyFacilitator } from './access.js';
import { HttpError, readJson, sendJson as send, tokenOf } from './http-json.js';
// The grooming part of the model only: the whole of shared/index.ts would load the importers' libraries into the relay.
import { ROUND_TARGETS, deckCards, generateRoundKeys, openRound, readSession, revealRound, valueDeck, type PrivateKey, type RoundTarget } from '../shared/grooming/index.js';
import { randomId, newId } from '../shared/ids.js';
import { BOARD_ID } from './paths.js';
import type { Rooms } from './rooms.js';
import type { Room } from './room.js';
import type { BoardStore } from './storage.js';

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64');

/** Passes a call on to the board's owner (once: a call forwarded here that is not ours is refused, not bounced). */
async function forward(request: IncomingMessage, response: ServerResponse, owner: string): Promise<void> {
  if (request.headers['x-relay-forwarded'] !== undefined) throw new HttpError(503, 'the board is moving between relays; try again');
  const body = JSON.stringify(await readJson(request));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-relay-forwarded': '1' };
  if (request.headers.authorization !== undefined) headers.authorization = request.headers.authorization;
  const answer = await fetch(`${owner}${request.url ?? '/'}`, { method: request.method, headers, body }).catch(() => {
    throw new HttpError(503, "the board's relay could not be reached; try again");
  });
  response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' });
  response.end(Buffer.from(await answer.arrayBuffer()));
}

/** Cluster mode: the board's room when this relay owns it (claimed if need be), else its owner's http(s) address. */
export type LocateBoard = (board: string) => Promise<{ room: Room } | { owner: string }>;

export function createPokerApi(rooms: Rooms, store: BoardStore, authSecret: string | null, locate: LocateBoard | null = null) {

  /** Runs `use` on the board's loaded room, and lets the room unload afterwards if nobody is connected. */
  async function withRoom<T>(board: string, use: (room: Room) => Promise<T>): Promise<T> {
    // In a cluster the room must be this relay's own, claimed: a room merely opened here would not own the board.
    const found = locate === null ? { room: rooms.open(board) } : await locate(board);
    if (!('room' in found)) throw new HttpError(503, 'the board is moving between relays; try again');
    const { room } = found;
    try {
      await room.loaded;
      if (room.state !== 'ready') throw new HttpError(503, 'the board could not be loaded');
      return await use(room);
    } finally {
      rooms.releaseIfIdle(room);
    }
  }

  async function createRound(board: string, request: IncomingMessage): Promise<{ roundId: string; secret: string }> {
    const { itemId, target = 'estimate' } = await readJson(request);
    if (typeof itemId !== 'string') throw new HttpError(400, 'itemId must be an item id');
    if (!(ROUND_TARGETS as readonly unknown[]).includes(target)) throw new HttpError(400, `target must be one of ${ROUND_TARGETS.join(', ')}`);
    const keys = await generateRoundKeys();
    const roundId = newId();
    const secret = randomId(32);
    return withRoom(board, async (room) => {
      const running = () => {
        const session = readSession(room.doc);
        if (session === null || session.endedAt !== null) throw new HttpError(409, 'no grooming session is running on this board');
        return session;
      };
      running();
      // The key is committed before the round exists anywhere else.
      await store.saveRoundKey(board, roundId, { privateKey: JSON.stringify(keys.privateKey), secretHash: hash(secret) });
      // A value round uses the relative scale whatever deck the session estimates effort with (read after the wait).
      const deck = target === 'estimate' ? deckCards(running().deck) : valueDeck();
      let committed: Promise<void>;
      try {
        committed = room.changeAsRelay((doc) => openRound(doc, { roundId, itemId, publicKey: keys.publicKey, deck, now: Date.now(), target: target as RoundTarget }));
      } catch (error) {
        throw new HttpError(409, (error as Error).message);
      }
      await committed;
      return { roundId, secret };
    });
  }

  async function reveal(board: string, roundId: string, request: IncomingMessage): Promise<void> {
    const key = await store.roundKey(board, roundId);
    if (key === null) throw new HttpError(404, 'unknown round');
    if (authSecret === null) {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      const expected = Buffer.from(key.secretHash);
      const actual = Buffer.from(hash(given));
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
        throw new HttpError(403, "only the round's facilitator can reveal it");
      }
    }
    const privateKey = JSON.parse(key.privateKey) as PrivateKey;
    await withRoom(board, (room) => room.changeAsRelay((doc) => revealRound(doc, roundId, privateKey, Date.now())));
  }

  /** Answers the poker paths; false for any other path. */
  return async function handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    if (path === '/api/time') {
      if (request.method !== 'GET') throw new HttpError(405, 'use GET');
      send(response, 200, { now: Date.now() });
      return true;
    }
    const match = /^\/api\/boards\/([^/]+)\/rounds(?:\/([A-Za-z0-9]{1,64})\/(reveal))?$/.exec(path);
    if (match === null) return false;
    const [, board, roundId, action] = match;
    if (!BOARD_ID.test(board!)) throw new HttpError(400, 'bad board id');
    if (request.method !== 'POST') throw new HttpError(405, 'use POST');
    if (authSecret !== null) verifyFacilitator(authSecret, tokenOf(request), board!);
    const found = locate === null ? null : await locate(board!);
    if (found !== null && 'owner' in found) {
      await forward(request, response, found.owner);
      return true;
    }
    try {
      if (action === undefined) send(response, 201, await createRound(board!, request));
      else {
        await reveal(board!, roundId!, request);
        send(response, 200, { revealed: roundId });
      }
    } finally {
      // The room found above: unloaded if nobody joined it (withRoom held its own).
      if (found !== null) rooms.releaseIfIdle(found.room);
    }
    return true;
  };
}
