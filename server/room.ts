/**
 * One board held in memory: its Y.Doc, its awareness and its connected peers.
 *
 * Life cycle: `loading` (reading storage; peers wait, nothing is synced) ->
 * `ready` (updates are validated, applied, stored, then forwarded) ->
 * `closed` (saved and dropped from memory by the registry). A storage error
 * makes the room `failed`: its peers are disconnected so that they
 * reconnect, reload from storage and resend what they still hold. So does a
 * fenced write (another relay owns the board now: docs/scale-out.md).
 *
 * Committing: with a store that commits at once (SQLite), each update is
 * stored and forwarded before the next is applied. With a batched store
 * (PostgreSQL), the updates applied in one event-loop turn are committed
 * in one call, one call at a time, and forwarded once it succeeds; until
 * then nothing derived from them leaves the room: answers to sync requests
 * wait for `whenCommitted`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, ProtocolError, encodeAwareness, encodeUpdate, filterAwareness } from './protocol.js';
import type { AccessRole } from './access.js';
import { FencedError, type BoardStore } from './board-store.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { checkUpdate } from './update-policy.js';
import { clockOf, discardPending, hasPending } from '../shared/yjs-internals.js';
import { scanUpdate, type ScanLimits } from './update-scan.js';

/** What a room needs from a connection. */
export interface Peer {
  /** What the peer may write (update-policy.ts). */
  readonly role: AccessRole;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  /** A client on another relay: its link, which takes one copy of what goes to all the board's clients there. */
  readonly fanout?: Fanout;
}

/** Sends one frame to every client of a board on another relay, but `except` (docs/scale-out.md). */
export interface Fanout {
  broadcast(board: string, frame: Uint8Array, except: Peer | null): void;
}

/** Awareness client ids one connection may publish; a stock client uses one. */
const MAX_AWARENESS_IDS_PER_PEER = 8;

/** The origin of the relay's own changes. */
const RELAY_ORIGIN = Symbol('relay');

/** Stored states at least this large are sent to new clients before the relay applies them. */
const EARLY_ANSWER_MIN_BYTES = 256 * 1024;
/** How long the relay waits for new clients' sync step 1 before applying a large stored state. */
const EARLY_ANSWER_WINDOW_MS = 20;
/** How long it then waits at most for those answers to leave the process. */
const EARLY_SEND_WAIT_MS = 1000;


export type RoomState = 'loading' | 'ready' | 'failed' | 'closed';

export interface RoomOptions {
  store: BoardStore;
  log: Logger;
  metrics: Metrics;
  /** Compact storage after this many appended updates. */
  compactEvery: number;
  /** What one update may hold (update-scan.ts). */
  scanLimits: ScanLimits;
  /** Called once when the room fails and must be dropped. */
  onFailed: (room: Room) => void;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Each peer with the awareness client ids it has published. */
  private readonly peers = new Map<Peer, Set<number>>();
  /** The whole board encoded, for new clients; dropped on every change. */
  private encodedState: Uint8Array | null = null;
  /** The last answer to a non-empty state vector; dropped on every change. */
  private lastDiff: { key: string; update: Uint8Array } | null = null;
  /** Sends of the stored state made before it was applied (see answerEarly); null outside that window. */
  private earlyAnswers: Promise<void>[] | null = null;
  private earlyAnswersSent = false;
  /** The board's state vector right after loading, when some peer was answered early. */
  private loadedVector: Uint8Array | null = null;
  private changedSinceLoad = false;
  /** Client ids of the relay and of facilitators (from their presence); members may not write under them (update-policy.ts). */
  private readonly facilitatorClients = new Set<number>();
  private appendsSinceCompaction = 0;
  private compactionScheduled = false;
  /** Batched store: updates applied and not yet handed to the store, with who sent each. */
  private uncommitted: { update: Uint8Array; origin: unknown }[] = [];
  /** Batched store: the write (or compaction) in progress; one at a time keeps the board's rows in order. */
  private writing: Promise<void> | null = null;
  private commitScheduled = false;
  private readonly committedWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  state: RoomState = 'loading';
  /** Settles when loading ends, either way; check `state` afterwards. */
  readonly loaded: Promise<void>;

  constructor(
    readonly name: string,
    private readonly options: RoomOptions,
  ) {
    // The board id as guid: a fresh random one (uuidv4 through WebCrypto) costs more than the rest of a room's setup.
    this.doc = new Y.Doc({ gc: true, guid: name });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.facilitatorClients.add(this.doc.clientID);
    // The relay publishes no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.loaded = this.load();
  }

  get peerCount(): number {
    return this.peers.size;
  }

  private async load(): Promise<void> {
    try {
      const stored = await this.options.store.load(this.name);
      if (this.state !== 'loading') return;
      for (const { seq, reason } of stored.quarantined) this.quarantined(seq, reason);
      const only = stored.updates.length === 1 ? stored.updates[0]! : null;
      if (only?.verified) await this.answerEarly(only.data);
      if (this.state !== 'loading') return;
      Y.transact(this.doc, () => {
        for (const { seq, data, verified } of stored.updates) {
          if (!verified) {
            // Older than checksums: decode first, since applying can integrate part of a bad update before it fails.
            try {
              Y.decodeUpdate(data);
            } catch (error) {
              this.options.store.quarantine(this.name, seq, `unreadable: ${(error as Error).message}`);
              this.quarantined(seq, (error as Error).message);
              continue;
            }
          }
          Y.applyUpdate(this.doc, data);
        }
      });
      if (hasPending(this.doc)) {
        // Rows that depend on a quarantined one: they can apply only when a client brings the lost edits again.
        discardPending(this.doc);
        this.options.log.warn('stored updates wait for edits the board lost; discarded until a client resends them', { board: this.name });
      }
      if (this.earlyAnswersSent) this.loadedVector = Y.encodeStateVector(this.doc);
      this.appendsSinceCompaction = stored.updates.length > 1 ? stored.updates.length : 0;
      this.doc.on('update', this.onDocUpdate);
      this.state = 'ready';
      if (this.appendsSinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
    } catch (error) {
      this.fail('load', error);
    }
  }

  /** A stored row that could not be read was set aside; the board loads without it, and loudly says so. */
  private quarantined(seq: number, reason: string): void {
    this.options.metrics.quarantinedRows.inc();
    this.options.log.error('a stored update could not be read and was quarantined; the board loads without it', { board: this.name, seq, reason });
  }

  /**
   * A board saved by compaction is one stored row holding its whole state.
   * Applying a large one blocks the relay for a while (about half a second
   * for 4 MB), and a new client would then spend as long again decoding it.
   * So for a large state, new clients that ask in the first moments get the
   * stored bytes at once (see `earlyState`), and the apply waits until those
   * bytes have left the process: the relay and the client then decode in
   * parallel. The same bytes serve later new clients until the first change.
   */
  private async answerEarly(state: Uint8Array): Promise<void> {
    this.encodedState = state;
    if (state.byteLength < EARLY_ANSWER_MIN_BYTES) return;
    this.earlyAnswers = [];
    await sleep(EARLY_ANSWER_WINDOW_MS);
    const sent = this.earlyAnswers;
    this.earlyAnswers = null;
    this.earlyAnswersSent = sent.length > 0;
    // A client that does not read must not keep the board from loading.
    await Promise.race([Promise.all(sent), sleep(EARLY_SEND_WAIT_MS)]);
  }

  /**
   * For a peer answered early: what the board gained after the stored state,
   * from peers whose queued updates were applied before this one joined.
   * Null when there is nothing.
   */
  changesSinceLoad(): Uint8Array | null {
    if (this.loadedVector === null || !this.changedSinceLoad) return null;
    return Y.encodeStateAsUpdate(this.doc, this.loadedVector);
  }

  /**
   * While the room is waiting to apply a large stored state: that state, for
   * a client with an empty state vector. The caller sends it as sync step 2
   * and hands over a promise that settles once the bytes are written.
   */
  earlyState(): { state: Uint8Array; sent: (written: Promise<void>) => void } | null {
    const answers = this.earlyAnswers;
    if (answers === null || this.encodedState === null || this.state !== 'loading') return null;
    return { state: this.encodedState, sent: (written) => answers.push(written) };
  }

  /** Adds a peer to a ready room and sends it the relay's sync step 1 and everyone's presence. */
  join(peer: Peer, syncStep1: Uint8Array): void {
    this.peers.set(peer, new Set());
    peer.send(syncStep1);
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
    }
  }

  /** Closes every peer's socket (the board is being unloaded to make room; they reconnect). */
  closePeers(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
  }

  /** Removes a peer; its presence disappears for everyone at once. */
  leave(peer: Peer): void {
    const clients = this.peers.get(peer);
    if (clients === undefined) return;
    this.peers.delete(peer);
    if (clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], 'leave');
  }

  /**
   * Applies a client's update. Throws ProtocolError (and applies nothing)
   * when Yjs cannot decode it. Committing and forwarding happen in
   * onDocUpdate, synchronously, before this returns.
   */
  receiveUpdate(peer: Peer, update: Uint8Array): void {
    const started = performance.now();
    // Viewers write nothing: their updates are not even decoded (decoding can be costly).
    if (peer.role === 'viewer') return this.refuseUpdate(peer, 'viewers cannot change the board');
    // From the bytes alone, for every role: what would be costly to decode (too many entries, sub-documents,
    // deep values) or is not a well-formed v1 update, so that Yjs never half-applies a malformed one.
    const { entries } = scanUpdate(update, this.options.scanLimits);
    // An empty update (every client's sync step 2 when it has nothing new) changes nothing.
    if (entries === 0) return;
    // A member's update is decoded and checked against the role policy before it is applied; a facilitator's
    // (everyone's, without invites) is applied as it is: decoding it twice is most of the relay's work per update.
    if (peer.role !== 'facilitator') {
      let decoded: ReturnType<typeof Y.decodeUpdate>;
      try {
        decoded = Y.decodeUpdate(update);
      } catch (error) {
        throw new ProtocolError(CloseCode.malformed, `update rejected by Yjs: ${(error as Error).message}`);
      }
      const verdict = checkUpdate(this.doc, { role: peer.role, protectedClients: this.facilitatorClients }, decoded);
      if (!verdict.allowed && verdict.breach === 'structure') {
        // No honest client sends one; an honest one that somehow did resends everything it has after reconnecting.
        throw new ProtocolError(CloseCode.policy, `update refused: ${verdict.reason}; reconnect to resync`);
      }
      if (!verdict.allowed) return this.refuseUpdate(peer, verdict.reason);
    }
    Y.applyUpdate(this.doc, update, peer);
    if (hasPending(this.doc)) {
      // Part of the update builds on, or deletes, edits the relay does not have. Yjs would keep that part and
      // re-read it on every later update (and, for a member, land it unchecked on someone else's write): it is
      // discarded, and the sender, whose copy differs from the board now, resyncs by reconnecting.
      discardPending(this.doc);
      throw new ProtocolError(CloseCode.policy, 'update refers to edits the relay does not have; reconnect to resync');
    }
    this.options.metrics.applySeconds.observe((performance.now() - started) / 1000);
  }

  /** A peer's update its role may not make: dropped, not closed, so the client keeps the board it can read. */
  private refuseUpdate(peer: Peer, reason: string): void {
    this.options.metrics.droppedUpdates.inc({ role: peer.role });
    this.options.log.info('update dropped', { board: this.name, role: peer.role, reason });
  }


  /**
   * A change the relay itself makes (opening or revealing a poker round).
   * It takes the same path as a client's update: stored, then sent to
   * every client of the board.
   */
  changeAsRelay(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.state !== 'ready') throw new Error(`board ${this.name} is not loaded`);
    this.doc.transact(() => change(this.doc), RELAY_ORIGIN);
    if (this.state !== 'ready') throw new Error(`board ${this.name} could not store the change`);
    return this.whenCommitted();
  }

  /** Whether updates were applied that are not committed yet (a batched store). */
  get hasUncommitted(): boolean {
    return this.uncommitted.length > 0 || this.writing !== null;
  }

  /** Settles once every update applied so far is committed; rejects if the room fails first. */
  whenCommitted(): Promise<void> {
    if (!this.hasUncommitted) return this.state === 'failed' ? Promise.reject(new Error(`board ${this.name} failed`)) : Promise.resolve();
    return new Promise((resolve, reject) => this.committedWaiters.push({ resolve, reject }));
  }

  /**
   * Applies a peer's presence. A peer may publish only its own client ids:
   * an id already published by another peer of the board is dropped from
   * the update (so nobody can move or erase someone else's cursor), as are
   * ids beyond the first few a peer uses.
   */
  receiveAwareness(peer: Peer, update: Uint8Array): void {
    const owned = this.peers.get(peer);
    if (owned === undefined) return;
    const claimed = new Set<number>();
    const own = filterAwareness(update, (id) => {
      if (owned.has(id)) return true;
      // Ids new in this very message count toward the cap too.
      if (owned.size + claimed.size >= MAX_AWARENESS_IDS_PER_PEER) return false;
      for (const [other, ids] of this.peers) if (other !== peer && ids.has(id)) return false;
      claimed.add(id);
      return true;
    });
    if (own === null) return;
    if (peer.role === 'facilitator') for (const id of claimed) this.facilitatorClients.add(id);
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, own, peer);
    } catch (error) {
      throw new ProtocolError(CloseCode.malformed, `awareness update rejected: ${(error as Error).message}`);
    }
  }

  /** Every known presence, as one awareness message. */
  awarenessSnapshot(): Uint8Array {
    const clients = [...this.awareness.getStates().keys()];
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /**
   * What a client lacks, given its state vector. A brand-new client (empty
   * state vector) gets the whole board, which is encoded once per change
   * rather than once per client: on a large board that encoding is most of
   * the relay's share of a new client's wait.
   */
  diffFor(stateVector: Uint8Array): Uint8Array {
    // Clients the board has never seen change nothing in the answer: without them, most requests are the
    // empty vector, whose answer is cached. The last other answer is cached too, so that asking again and
    // again with the same vector costs nothing until the board changes.
    const known = new Map<number, number>();
    for (const [client, clock] of Y.decodeStateVector(stateVector)) {
      if (clock > 0 && clockOf(this.doc, client) > 0) known.set(client, clock);
    }
    if (known.size === 0) return (this.encodedState ??= Y.encodeStateAsUpdate(this.doc));
    const key = [...known].join(',');
    if (this.lastDiff?.key !== key) this.lastDiff = { key, update: Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(known)) };
    return this.lastDiff.update;
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.state !== 'ready') return;
    this.encodedState = null;
    this.lastDiff = null;
    this.changedSinceLoad = true;
    if (this.options.store.commits === 'batched') return this.queueCommit(update, origin);
    const started = performance.now();
    try {
      this.options.store.append(this.name, [update]);
      this.options.metrics.storageWriteSeconds.observe((performance.now() - started) / 1000);
    } catch (error) {
      this.options.metrics.storageErrors.inc();
      // Not stored, so not forwarded: nobody has seen this update. The
      // sender still holds it and resends it after reconnecting.
      this.fail('append', error);
      return;
    }
    this.appendsSinceCompaction++;
    if (this.appendsSinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
    this.forward(update, origin);
  };

  /** Sends a committed update to every peer but its sender. */
  private forward(update: Uint8Array, origin: unknown): void {
    this.sendAll(encodeUpdate(update), this.peers.has(origin as Peer) ? (origin as Peer) : null);
  }

  /** Sends a frame to every peer but `except`: once per other relay for the peers there. */
  private sendAll(frame: Uint8Array, except: Peer | null): void {
    let links: Set<Fanout> | null = null;
    for (const peer of this.peers.keys()) {
      if (peer === except) continue;
      if (peer.fanout === undefined) peer.send(frame);
      else (links ??= new Set()).add(peer.fanout);
    }
    if (links !== null) for (const link of links) link.broadcast(this.name, frame, except);
  }

  /** Batched store: the update joins this event-loop turn's batch. */
  private queueCommit(update: Uint8Array, origin: unknown): void {
    this.uncommitted.push({ update, origin });
    if (this.commitScheduled || this.writing !== null) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      this.commitQueued();
    });
  }

  /** Batched store: commits what is queued, forwards it, and goes on with what queued meanwhile. */
  private commitQueued(): void {
    if (this.writing !== null || this.state !== 'ready') return;
    if (this.uncommitted.length === 0) return this.settleCommitted();
    const batch = this.uncommitted;
    this.uncommitted = [];
    const started = performance.now();
    this.writing = Promise.resolve()
      .then(() => this.options.store.append(this.name, batch.map((queued) => queued.update)))
      .then(
        () => {
          this.writing = null;
          if (this.state !== 'ready') return;
          this.options.metrics.storageWriteSeconds.observe((performance.now() - started) / 1000);
          for (const { update, origin } of batch) this.forward(update, origin);
          this.appendsSinceCompaction += batch.length;
          if (this.appendsSinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
          this.commitQueued();
        },
        (error: unknown) => {
          this.writing = null;
          this.options.metrics.storageErrors.inc();
          // Not committed, so not forwarded: nobody has seen these updates. Their senders still hold them.
          this.fail('append', error);
        },
      );
  }

  /** Nothing is waiting to be committed: the answers that waited for it can go. */
  private settleCommitted(): void {
    if (this.hasUncommitted) return;
    for (const waiter of this.committedWaiters.splice(0)) waiter.resolve();
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.peers.get(origin as Peer);
    if (owned !== undefined) {
      for (const id of change.added) owned.add(id);
      for (const id of change.updated) owned.add(id);
      for (const id of change.removed) owned.delete(id);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0 || this.peers.size === 0) return;
    // Sent to every peer, the sender too: the stock client expects its own echo.
    this.sendAll(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), null);
  };

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    setImmediate(() => {
      this.compactionScheduled = false;
      if (this.state === 'ready') this.compact();
    });
  }

  /**
   * Rewrites storage as one merged state. With a store that commits at once,
   * everything applied is already stored, so this may run any time; with a
   * batched store it waits until nothing is being committed.
   */
  compact(): void {
    if (this.appendsSinceCompaction === 0 || this.state !== 'ready') return;
    if (this.options.store.commits === 'batched') return this.compactBatched();
    try {
      this.options.store.compact(this.name, (this.encodedState ??= Y.encodeStateAsUpdate(this.doc)));
      this.appendsSinceCompaction = 0;
    } catch (error) {
      // The individual updates are still stored; compaction can wait.
      this.options.log.warn('compaction failed', { board: this.name, error: String(error) });
    }
  }

  private compactBatched(): void {
    if (this.hasUncommitted) return; // tried again at the next threshold
    const compacted = this.appendsSinceCompaction;
    this.writing = Promise.resolve()
      .then(() => this.options.store.compact(this.name, (this.encodedState ??= Y.encodeStateAsUpdate(this.doc))))
      .then(
        () => {
          this.appendsSinceCompaction -= compacted;
        },
        (error: unknown) => {
          if (error instanceof FencedError) return this.fail('compaction', error);
          this.options.log.warn('compaction failed', { board: this.name, error: String(error) });
        },
      )
      .finally(() => {
        this.writing = null;
        this.commitQueued();
      });
  }

  private fail(stage: string, error: unknown): void {
    if (this.state === 'failed' || this.state === 'closed') return;
    const fenced = error instanceof FencedError;
    if (fenced) {
      this.options.metrics.fencedWrites.inc();
      this.options.log.warn('another relay owns the board now; its clients resync there', { board: this.name, stage });
    } else this.options.log.error(`board ${stage} failed`, { board: this.name, error: String(error) });
    this.state = 'failed';
    const reason = fenced ? 'the board moved to another relay; reconnect to resync' : 'storage error; reconnect to resync';
    for (const peer of [...this.peers.keys()]) peer.close(fenced ? CloseCode.restart : CloseCode.internal, reason);
    for (const waiter of this.committedWaiters.splice(0)) waiter.reject(new Error(`board ${this.name} failed: ${String(error)}`));
    this.options.onFailed(this);
  }

  /** The board moved to another relay (cluster mode): peers reconnect, and closing saves nothing. */
  abandon(): void {
    if (this.state === 'closed' || this.state === 'failed') return;
    this.state = 'failed';
    for (const peer of [...this.peers.keys()]) peer.close(CloseCode.restart, 'the board moved to another relay; reconnect to resync');
    for (const waiter of this.committedWaiters.splice(0)) waiter.reject(new Error(`board ${this.name} moved to another relay`));
  }

  /**
   * Saves (when anything changed since the last compaction), gives the board
   * up (a shared store) and releases memory. Settles once the store is done.
   * A failed room saves nothing and gives nothing up: it may no longer own
   * the board.
   */
  close(): Promise<void> {
    if (this.state === 'closed') return Promise.resolve();
    const wasReady = this.state === 'ready';
    const failed = this.state === 'failed';
    this.state = 'closed';
    for (const waiter of this.committedWaiters.splice(0)) waiter.reject(new Error(`board ${this.name} was unloaded`));
    this.awareness.destroy();
    const { store } = this.options;
    if (store.commits === 'at-once') {
      if (wasReady) this.saveAtOnce();
      this.doc.destroy();
      return Promise.resolve();
    }
    if (failed) {
      this.doc.destroy();
      return Promise.resolve();
    }
    // What is being committed finishes first; what was applied and not yet handed over goes with the state.
    return (this.writing ?? Promise.resolve())
      .catch(() => {})
      .then(() => store.release(this.name, wasReady && (this.appendsSinceCompaction > 0 || this.uncommitted.length > 0) ? Y.encodeStateAsUpdate(this.doc) : null))
      .catch((error: unknown) => this.options.log.warn('saving the board on unload failed; its updates stay stored one by one', { board: this.name, error: String(error) }))
      .finally(() => this.doc.destroy());
  }

  private saveAtOnce(): void {
    if (this.appendsSinceCompaction === 0) return;
    try {
      this.options.store.release(this.name, (this.encodedState ??= Y.encodeStateAsUpdate(this.doc)));
    } catch (error) {
      this.options.log.warn('compaction failed', { board: this.name, error: String(error) });
    }
  }
}
