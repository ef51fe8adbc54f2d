/**
 * One connection's side of the sync handshake: when, and with what, the
 * relay answers a client's sync step 1. (The wire format is in protocol.ts;
 * the room's side of early answers, which decides when a large stored
 * board is applied, is Room.answerEarly.)
 *
 *   client                         relay
 *   sync step 1 (its vector)  -->  answered with sync step 2 (what it lacks):
 *                                  - early: a new client (empty vector) of a
 *                                    large board still loading gets the stored
 *                                    state at once; once loaded, whatever the
 *                                    board gained meanwhile follows
 *                                  - held: a returning client whose vector is
 *                                    ahead brings edits; it is answered only
 *                                    once its own step 2 is committed, or
 *                                    after HOLD_ANSWER_MS
 *                                  - otherwise at once
 *                             <--  sync step 1 (the relay's vector, on join)
 *   sync step 2 (what the relay lacks)  -->  applied, committed; releases a held answer
 *
 * The stock client counts itself synced when it gets the relay's step 2, so
 * a held answer makes "synced" mean "the relay has stored what I brought":
 * if storage refuses it, the socket closes (1011) and the client never shows
 * synced. Clients with nothing new are answered at once (a reconnect storm
 * would otherwise bunch every answer together); a client whose only offline
 * edits are deletions is among them, since deleting does not move a state
 * vector: its deletions are committed just after it is told synced.
 *
 * With a batched store (PostgreSQL) the board may hold updates that are
 * applied but not yet committed; every answer waits until they are
 * (Room.whenCommitted), so that no client sees an update before it is
 * durable.
 */
import * as Y from 'yjs';
import { clockOf } from '../shared/yjs-internals.js';
import { CloseCode, ProtocolError, encodeSyncStep2, encodeUpdate, parseClientMessage } from './protocol.js';
import type { Room } from './room.js';

/** How long a returning client's sync step 1 waits for its own step 2 before it is answered anyway. */
const HOLD_ANSWER_MS = 5000;

/** What the handshake needs from its connection. */
export interface HandshakePeer {
  send(frame: Uint8Array): void;
  /** Sends now, bypassing the room (early answers); settles once the bytes are written. */
  sendEarly(frame: Uint8Array): Promise<void>;
  readonly closed: boolean;
  close(code: number, reason: string): void;
}

export class SyncHandshake {
  /** This client was sent the stored state before the room loaded (at most once). */
  private answeredEarly = false;
  /** A returning client's state vector, answered once its own state is committed. */
  private heldStateVector: Uint8Array | null = null;
  private holdTimer: NodeJS.Timeout | undefined;
  private clientStateCommitted = false;

  constructor(
    private readonly room: Room,
    private readonly peer: HandshakePeer,
  ) {}

  /**
   * While the room loads: answers a new client's sync step 1 from the stored
   * state if the room offers it (Room.earlyState). True when the frame was
   * answered and needs no more handling.
   */
  answerWhileLoading(frame: Uint8Array, firstFrame: boolean): boolean {
    if (!firstFrame || this.answeredEarly) return false;
    const early = this.room.earlyState();
    if (early === null) return false;
    let message;
    try {
      message = parseClientMessage(frame);
    } catch {
      return false; // handled, and refused, after loading
    }
    if (message.kind !== 'sync-step-1' || !isEmptyStateVector(message.stateVector)) return false;
    early.sent(this.peer.sendEarly(encodeSyncStep2(early.state)));
    this.answeredEarly = true;
    return true;
  }

  /** Once the client has joined the loaded room: what it missed after an early answer. */
  joined(): void {
    if (!this.answeredEarly) return;
    this.whenCommitted(() => {
      const missed = this.room.changesSinceLoad();
      if (missed !== null) this.peer.send(encodeUpdate(missed));
    });
  }

  /** The client's sync step 1: answered now, or held until its own step 2 is committed. */
  step1(stateVector: Uint8Array): void {
    if (!this.clientStateCommitted && this.bringsNews(stateVector)) this.hold(stateVector);
    else if (!this.room.hasUncommitted) this.peer.send(encodeSyncStep2(diffAgainst(this.room, stateVector)));
    else this.whenCommitted(() => this.answer(stateVector));
  }

  /** The client's sync step 2 has been applied; once it is committed, a held answer goes (a storage failure closes the socket instead). */
  step2Applied(): void {
    this.whenCommitted(() => {
      this.clientStateCommitted = true;
      this.answerHeld();
    });
  }

  dispose(): void {
    clearTimeout(this.holdTimer);
  }

  /** Whether the client holds edits the relay lacks (its state vector is ahead for some client id). Throws 1007 if unreadable. */
  private bringsNews(stateVector: Uint8Array): boolean {
    let clocks: Map<number, number>;
    try {
      clocks = Y.decodeStateVector(stateVector);
    } catch (error) {
      throw new ProtocolError(CloseCode.malformed, `bad state vector: ${(error as Error).message}`);
    }
    for (const [client, clock] of clocks) if (clock > clockOf(this.room.doc, client)) return true;
    return false;
  }

  private hold(stateVector: Uint8Array): void {
    this.heldStateVector = stateVector;
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => this.answerHeld(), HOLD_ANSWER_MS);
    this.holdTimer.unref();
  }

  private answerHeld(): void {
    clearTimeout(this.holdTimer);
    const stateVector = this.heldStateVector;
    this.heldStateVector = null;
    if (stateVector !== null) this.whenCommitted(() => this.answer(stateVector));
  }

  /** Runs `send` once the room has committed everything it applied (at once when it has). */
  private whenCommitted(send: () => void): void {
    if (!this.room.hasUncommitted) return send();
    // A failed room closes its peers itself.
    this.room.whenCommitted().then(() => !this.peer.closed && send(), () => {});
  }

  /** Answers a sync step 1 that was checked when it arrived: a failure now is the relay's, not the client's. */
  private answer(stateVector: Uint8Array): void {
    if (this.peer.closed) return;
    try {
      this.peer.send(encodeSyncStep2(diffAgainst(this.room, stateVector)));
    } catch (error) {
      this.peer.close(CloseCode.internal, `could not answer a sync step 1: ${String(error)}`);
    }
  }
}

/** A state vector with no clients: a brand-new, empty document. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

/** The part of the document a client lacks, given its state vector. */
function diffAgainst(room: Room, stateVector: Uint8Array): Uint8Array {
  try {
    return room.diffFor(stateVector);
  } catch (error) {
    throw new ProtocolError(CloseCode.malformed, `bad state vector: ${(error as Error).message}`);
  }
}
