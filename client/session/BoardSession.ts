/**
 * One open board in this tab: the Y.Doc, kept in IndexedDB (so the board
 * opens instantly and works offline) and synced through the relay with the
 * stock y-websocket provider (which also syncs other tabs of this browser
 * over BroadcastChannel). It owns the undo history of my own changes, my
 * presence, and the connection state shown in the header.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { commentsMap, historyMap, itemsMap, metaMap, planningMap, prioritizationMap, recordHistory, requestsMap, sprintsMap } from '../../shared/index.js';
import { roleOf, type AccessRole } from './access.js';
import type { Identity } from './identity.js';
import type { CursorAnchor, PresenceState } from './presence.js';
import { RelayClock } from './relayClock.js';
import { throttleLatest } from './throttle.js';
import { recordStep, undoStep } from './undoStep.js';

export type ConnectionStatus = 'connecting' | 'live' | 'offline' | 'reconnecting' | 'synced';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Local changes made since the relay last confirmed a full sync. */
  pending: number;
}

/** How long "All changes synced" shows after a reconnect before it settles to "Live". */
const SYNCED_NOTICE_MS = 2500;
/** At most about 20 cursor updates a second. */
const CURSOR_INTERVAL_MS = 50;

function syncUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/sync`;
}

/** The origin of notes the app writes for the person (see `note`): the undo manager does not track it. */
const NOT_AN_EDIT = Symbol('not an edit');

export class BoardSession {
  readonly doc = new Y.Doc();
  readonly local: IndexeddbPersistence;
  readonly remote: WebsocketProvider;
  /** Undo and redo of my own changes only: remote and stored updates have other origins. */
  readonly undo: Y.UndoManager;
  /** True once the local copy has been read from IndexedDB. */
  loadedLocally = false;
  /** The relay's clock, which the session timers run on. */
  readonly clock = new RelayClock();
  /** What my invite lets me do; viewers see the board read-only (the relay drops their changes anyway). */
  readonly role: AccessRole;

  private connection: ConnectionState = { status: 'connecting', pending: 0 };
  private stopHistory: () => void = () => {};
  private everSynced = false;
  private syncedTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly refusalListeners = new Set<(message: string) => void>();
  private readonly cursor = throttleLatest<CursorAnchor | null>(
    (cursor) => this.awareness.setLocalStateField('cursor', cursor),
    CURSOR_INTERVAL_MS,
  );

  constructor(
    readonly boardId: string,
    identity: Identity,
    /** The invite token, when the relay requires invites. */
    readonly token: string | null = null,
  ) {
    this.role = roleOf(token);
    this.local = new IndexeddbPersistence(`board:${boardId}`, this.doc);
    this.remote = new WebsocketProvider(syncUrl(), boardId, this.doc, { connect: navigator.onLine, params: token === null ? {} : { token } });
    // Sprints and planning settings, so that undoing a sprint's close or plan takes all of it back; comments and
    // history, so that undoing a duplicate's merge moves its comments and copied history back.
    this.undo = new Y.UndoManager(
      [itemsMap(this.doc), metaMap(this.doc), prioritizationMap(this.doc), requestsMap(this.doc), sprintsMap(this.doc), planningMap(this.doc), commentsMap(this.doc), historyMap(this.doc)],
      { captureTimeout: 400 },
    );
    // My own changes go into the items' history under my name (viewers and requesters change no items).
    if (this.role === 'facilitator' || this.role === 'member') this.stopHistory = recordHistory(this.doc, () => this.me);
    const presence: PresenceState = { user: identity, cursor: null, editing: null, dragging: null, following: true, access: this.role };
    this.awareness.setLocalState(presence);

    void this.local.whenSynced.then(() => {
      this.loadedLocally = true;
      this.emit();
    });
    this.remote.on('status', this.updateConnection);
    this.remote.on('status', this.republishPresence);
    this.remote.on('sync', this.updateConnection);
    this.remote.on('connection-close', this.updateConnection);
    this.remote.on('connection-error', this.updateConnection);
    this.doc.on('update', this.countPending);
    window.addEventListener('online', this.goOnline);
    window.addEventListener('offline', this.goOffline);
    this.updateConnection();
  }

  get awareness() {
    return this.remote.awareness;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getConnection = (): ConnectionState => this.connection;

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private setConnection(next: ConnectionState): void {
    if (next.status === this.connection.status && next.pending === this.connection.pending) return;
    this.connection = next;
    this.emit();
  }

  private readonly countPending = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.remote || origin === this.local) return;
    if (this.connection.status !== 'live' && this.connection.status !== 'synced') {
      this.setConnection({ ...this.connection, pending: this.connection.pending + 1 });
    }
  };

  /**
   * A browser going offline does not close its WebSockets (they linger
   * half-open), so the session disconnects itself and reconnects when the
   * network returns.
   */
  private readonly goOffline = (): void => {
    this.remote.disconnect();
    this.updateConnection();
  };

  private readonly goOnline = (): void => {
    this.remote.connect();
    this.updateConnection();
  };

  /**
   * On every (re)connection, my presence again with a newer clock. The stock
   * client sends it as it was, and the others, who dropped it when their own
   * connection closed (a relay restarting or failing over), ignore a clock
   * they have seen: I would look away until its 15-second renewal.
   */
  private readonly republishPresence = ({ status }: { status: string }): void => {
    const state = this.awareness.getLocalState();
    if (status === 'connected' && state !== null) this.awareness.setLocalState({ ...state });
  };

  private readonly updateConnection = (): void => {
    const { pending } = this.connection;
    if (!navigator.onLine || !this.remote.shouldConnect) {
      this.setConnection({ status: 'offline', pending });
      return;
    }
    if (this.remote.wsconnected && this.remote.synced) {
      if (this.connection.status !== 'live' && this.connection.status !== 'synced') void this.clock.measure();
      // The relay has answered our sync step 1, so it holds everything we had.
      const wasAway = this.everSynced && this.connection.status !== 'live' && this.connection.status !== 'synced';
      this.everSynced = true;
      if (wasAway) {
        this.setConnection({ status: 'synced', pending: 0 });
        clearTimeout(this.syncedTimer);
        this.syncedTimer = setTimeout(() => this.setConnection({ status: 'live', pending: 0 }), SYNCED_NOTICE_MS);
      } else if (this.connection.status !== 'synced') {
        this.setConnection({ status: 'live', pending: 0 });
      }
      return;
    }
    // A first connection that has already failed means the relay cannot be
    // reached from here: to the person that is being offline.
    const failed = this.remote.wsUnsuccessfulReconnects > 0;
    this.setConnection({ status: this.everSynced ? 'reconnecting' : failed ? 'offline' : 'connecting', pending });
  };

  /**
   * Writes a note the app makes on the person's behalf, not an edit of
   * theirs (a mention marked seen on opening the item): it is no undo step.
   * Otherwise undo would take the mark back, opening the item would set it
   * again, and Ctrl+Z would never get past it.
   */
  note(change: () => void): void {
    if (this.readOnly) return;
    try {
      this.doc.transact(change, NOT_AN_EDIT);
    } catch (error) {
      this.refuse(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * Runs one change the person asked for (an add, a move, a field set) as an
   * undo step of its own, so it never merges with typing just before or
   * after it. When the model refuses it (shared/ throws an Error naming the
   * problem, having written nothing), the person is told why through
   * onRefused (the page's notice); act then returns undefined.
   */
  act<T>(change: () => T): T | undefined {
    return this.actUndoable(change)?.result;
  }

  /** Like act, for a change that returns nothing: whether it was made (false when it was refused, and reported). */
  attempt(change: () => void, refused?: (message: string) => void): boolean {
    return this.actUndoable(change, refused) !== undefined;
  }

  /** Like act, and also returns `undo`, which later takes back exactly this change (a toast's Undo). */
  actUndoable<T>(change: () => T, refused: (message: string) => void = (message) => this.refuse(message)): { result: T; undo: () => boolean } | undefined {
    try {
      if (this.readOnly) throw new Error('you have a view-only invite to this board');
      const { result, step } = recordStep(this.undo, change);
      return { result, undo: () => step !== null && undoStep(this.undo, step) };
    } catch (error) {
      refused(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /**
   * A long change made in steps (a large import), with a pause for the page
   * between steps: `step` returns false when nothing is left. All steps make
   * one undo step (the manager keeps capturing across them), and the returned
   * `undo` takes back exactly that. A refusal is reported like act's; steps
   * already made stay (undo takes them back).
   */
  async actInSteps(step: () => boolean): Promise<{ undo: () => boolean } | undefined> {
    if (this.readOnly) {
      this.refuse('you have a view-only invite to this board');
      return undefined;
    }
    const manager = this.undo;
    const before = manager.undoStack[manager.undoStack.length - 1];
    const timeout = manager.captureTimeout;
    manager.stopCapturing();
    manager.captureTimeout = Number.MAX_SAFE_INTEGER;
    let refused = false;
    try {
      for (;;) {
        let more: boolean;
        try {
          more = step();
        } catch (error) {
          this.refuse(error instanceof Error ? error.message : String(error));
          refused = true;
          break;
        }
        if (!more) break;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      manager.captureTimeout = timeout;
      manager.stopCapturing();
    }
    const after = manager.undoStack[manager.undoStack.length - 1];
    const made = after !== undefined && after !== before ? after : null;
    if (refused && made === null) return undefined;
    return { undo: () => made !== null && undoStep(manager, made) };
  }

  /**
   * Typing in a bound text field. Unlike act, consecutive keystrokes merge
   * into one undo step per pause. A refusal is reported like act's, and
   * false tells the field to show the stored text again.
   */
  type(change: () => void): boolean {
    try {
      if (this.readOnly) throw new Error('you have a view-only invite to this board');
      change();
      return true;
    } catch (error) {
      this.refuse(error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  /** Tells the person that something they asked for did not happen, and why. */
  refuse(message: string): void {
    for (const listener of this.refusalListeners) listener(message);
  }

  onRefused(listener: (message: string) => void): () => void {
    this.refusalListeners.add(listener);
    return () => {
      this.refusalListeners.delete(listener);
    };
  }

  get readOnly(): boolean {
    return this.role === 'viewer';
  }

  setName(identity: Identity): void {
    this.awareness.setLocalStateField('user', identity);
  }

  /** Publishes my pointer, at most every CURSOR_INTERVAL_MS; the last position always goes out. */
  setCursor(cursor: CursorAnchor | null): void {
    this.cursor.push(cursor);
  }

  setEditing(editing: PresenceState['editing']): void {
    this.awareness.setLocalStateField('editing', editing);
  }

  setDragging(ids: string[] | null): void {
    this.awareness.setLocalStateField('dragging', ids);
  }

  setFollowing(following: boolean): void {
    this.awareness.setLocalStateField('following', following);
  }

  /** Me, as the grooming session knows me. */
  get me(): { id: string; name: string } {
    const user = (this.awareness.getLocalState() as PresenceState | null)?.user;
    return { id: user?.id ?? '', name: user?.name ?? '' };
  }

  destroy(): void {
    clearTimeout(this.syncedTimer);
    this.cursor.cancel();
    window.removeEventListener('online', this.goOnline);
    window.removeEventListener('offline', this.goOffline);
    this.doc.off('update', this.countPending);
    this.stopHistory();
    this.undo.destroy();
    this.remote.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }
}
