/**
 * The boards held in memory. A room is created (and starts loading) when the
 * first client of a board connects, and is saved and dropped when its last
 * client has been gone for `unloadDelayMs` (so that a client reconnecting,
 * or a whole team after a network blip, finds its board still loaded).
 * Everything here runs on one thread. With SQLite, storage writes are
 * synchronous, so a client that connects while a board unloads simply gets a
 * fresh room that loads what was just saved; with PostgreSQL the fresh room
 * claims the board first, which waits for the old room's last save
 * (postgres-store.ts).
 *
 * At most `maxLoaded` boards are held. Opening one more unloads (after
 * saving) the least recently opened board nobody is connected to, or, when
 * every board has clients, the least recently opened one: its clients are
 * closed with 1013 and reconnect, which loads it again.
 */
import { Room, type RoomOptions } from './room.js';
import { CloseCode } from './protocol.js';

export interface RoomsOptions extends Omit<RoomOptions, 'onFailed'> {
  /** How long a board with no clients stays loaded. */
  unloadDelayMs: number;
  /** MAX_LOADED_BOARDS. */
  maxLoaded: number;
}

export class Rooms {
  /** In least recently opened order: Map keeps insertion order, and open() re-inserts. */
  private readonly rooms = new Map<string, Room>();
  private readonly idle = new Map<Room, NodeJS.Timeout>();
  /** Rooms being saved on unload, by board: a new room for the board waits for it (cluster.ts claims after). */
  private readonly closing = new Map<string, Promise<void>>();

  constructor(private readonly options: RoomsOptions) {}

  get size(): number {
    return this.rooms.size;
  }

  /** The board's room if it is in memory (without counting as opened). */
  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /** Every room in memory. */
  all(): Room[] {
    return [...this.rooms.values()];
  }

  /** Settles once no room of the board is still being saved. */
  settled(name: string): Promise<void> {
    return this.closing.get(name) ?? Promise.resolve();
  }

  /**
   * Drops a room that lost its board to another relay without noticing yet
   * (cluster mode): its clients reconnect, and nothing of it is saved.
   */
  abandon(room: Room): Promise<void> {
    room.abandon();
    return this.drop(room);
  }

  /** The board's room, created and loading if it was not in memory. */
  open(name: string): Room {
    let room = this.rooms.get(name);
    if (room !== undefined) {
      this.keep(room);
      this.rooms.delete(name);
      this.rooms.set(name, room);
      return room;
    }
    while (this.rooms.size >= this.options.maxLoaded && this.evictOne()) {
      // evicted one; check again
    }
    room = new Room(name, { ...this.options, onFailed: (failed) => void this.drop(failed) });
    this.rooms.set(name, room);
    this.options.metrics.boardsLoaded.set(this.rooms.size);
    return room;
  }

  /** Unloads the least recently opened board, preferring one with no clients. False if none can go. */
  private evictOne(): boolean {
    const loaded = [...this.rooms.values()].filter((room) => room.state === 'ready');
    const victim = loaded.find((room) => room.peerCount === 0) ?? loaded[0];
    if (victim === undefined) return false;
    this.options.log.info('unloading a board to stay under MAX_LOADED_BOARDS', { board: victim.name, clients: victim.peerCount });
    this.options.metrics.evictions.inc();
    victim.closePeers(CloseCode.tryAgainLater, 'board unloaded: the relay is at its board limit; reconnect');
    void this.drop(victim);
    return true;
  }

  /** Saves and unloads the room if nobody is connected. A loading room is unloaded once it has loaded. */
  releaseIfIdle(room: Room): void {
    if (room.peerCount > 0 || this.rooms.get(room.name) !== room) return;
    if (room.state === 'loading') {
      void room.loaded.then(() => this.releaseIfIdle(room));
      return;
    }
    if (this.options.unloadDelayMs === 0 || room.state !== 'ready') return void this.drop(room);
    if (this.idle.has(room)) return;
    const timer = setTimeout(() => {
      this.idle.delete(room);
      if (room.peerCount === 0) void this.drop(room);
    }, this.options.unloadDelayMs);
    timer.unref();
    this.idle.set(room, timer);
  }

  /** Cancels a pending unload: someone is back. */
  private keep(room: Room): void {
    clearTimeout(this.idle.get(room));
    this.idle.delete(room);
  }

  /** Unloads the room; the promise settles once it is saved (at once with SQLite). */
  private drop(room: Room): Promise<void> {
    this.keep(room);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    this.options.metrics.boardsLoaded.set(this.rooms.size);
    const closed = room.close();
    const earlier = this.closing.get(room.name);
    const settled = Promise.all([earlier, closed]).then(() => {
      if (this.closing.get(room.name) === settled) this.closing.delete(room.name);
    });
    this.closing.set(room.name, settled);
    return closed;
  }

  /** Saves and unloads every room (shutdown). */
  closeAll(): Promise<void> {
    return Promise.all([...this.rooms.values()].map((room) => this.drop(room))).then(() => {});
  }
}
