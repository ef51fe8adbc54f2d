/**
 * The boards held in memory. A room is created (and starts loading) when the
 * first client of a board connects, and is saved and dropped when its last
 * client has been gone for `unloadDelayMs` (so that a client reconnecting,
 * or a whole team after a network blip, finds its board still loaded).
 * Everything here runs on one thread and storage writes are synchronous, so
 * a client that connects while a board unloads simply gets a fresh room that
 * loads what was just saved.
 */
import { Room } from './room.js';
import type { BoardStore } from './storage.js';
import type { Logger } from './log.js';

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly idle = new Map<Room, NodeJS.Timeout>();

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly compactEvery: number,
    private readonly unloadDelayMs: number,
  ) {}

  get size(): number {
    return this.rooms.size;
  }

  /** The board's room, created and loading if it was not in memory. */
  open(name: string): Room {
    let room = this.rooms.get(name);
    if (room !== undefined) this.keep(room);
    if (room === undefined) {
      room = new Room(name, {
        store: this.store,
        log: this.log,
        compactEvery: this.compactEvery,
        onFailed: (failed) => this.drop(failed),
      });
      this.rooms.set(name, room);
    }
    return room;
  }

  /** Saves and unloads the room if nobody is connected. A loading room is unloaded once it has loaded. */
  releaseIfIdle(room: Room): void {
    if (room.peerCount > 0 || this.rooms.get(room.name) !== room) return;
    if (room.state === 'loading') {
      void room.loaded.then(() => this.releaseIfIdle(room));
      return;
    }
    if (this.unloadDelayMs === 0 || room.state !== 'ready') return this.drop(room);
    if (this.idle.has(room)) return;
    const timer = setTimeout(() => {
      this.idle.delete(room);
      if (room.peerCount === 0) this.drop(room);
    }, this.unloadDelayMs);
    timer.unref();
    this.idle.set(room, timer);
  }

  /** Cancels a pending unload: someone is back. */
  private keep(room: Room): void {
    clearTimeout(this.idle.get(room));
    this.idle.delete(room);
  }

  private drop(room: Room): void {
    this.keep(room);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    room.close();
  }

  /** Saves and unloads every room (shutdown). */
  closeAll(): void {
    for (const room of [...this.rooms.values()]) this.drop(room);
  }
}
