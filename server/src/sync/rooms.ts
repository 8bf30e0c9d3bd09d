import { docToBoard, migrateDoc, type Board } from '@rejse/shared';
import type { DocumentLog } from '../storage/documents.ts';
import type { Connection } from './connection.ts';
import { GroupCommit } from './group-commit.ts';
import { docFromStoredState } from './persistence.ts';
import { Room, type RoomOptions } from './room.ts';

export interface RoomStats {
  /** Boards loaded in memory (each has at least one connection). */
  rooms: number;
  connections: number;
}

/**
 * The loaded boards. Everything here is synchronous (better-sqlite3 is), so a room is
 * fully loaded before its first message is handled, two connections to an unloaded board
 * can never load it twice, and a connection arriving while a room unloads simply finds
 * no room and loads the freshly stored state.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly options: RoomOptions;
  /** Told about every room as it loads (the version history and the activity log watch its edits). */
  onRoomLoaded: ((room: Room) => void) | null = null;

  constructor(
    private readonly documents: DocumentLog,
    options: RoomOptions,
  ) {
    // One group commit for every room: a turn's updates of all boards go in one transaction.
    this.options = { ...options, commit: options.commit ?? new GroupCommit(documents) };
  }

  /** The loaded room of a board, loading it if needed; undefined for an unknown board. Throws RoomLoadError. */
  acquire(boardId: string): Room | undefined {
    const loaded = this.rooms.get(boardId);
    if (loaded) return loaded;
    const room = Room.load(boardId, this.documents, this.options);
    if (!room) return undefined;
    room.onFailure = (failed) => this.evict(failed);
    this.rooms.set(boardId, room);
    this.onRoomLoaded?.(room);
    return room;
  }

  get(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  connectionCount(boardId: string): number {
    return this.rooms.get(boardId)?.connectionCount ?? 0;
  }

  /** Removes a closed connection; the room unloads (compacted first) when it was the last one. */
  disconnect(room: Room, conn: Connection): void {
    room.removeConnection(conn);
    if (room.connectionCount === 0) this.unloadIfIdle(room);
  }

  /** Unloads a room that has no connections. Called right after a connect attempt that did not add one, too. */
  unloadIfIdle(room: Room): void {
    if (room.connectionCount > 0 || this.rooms.get(room.boardId) !== room) return;
    room.compact();
    this.rooms.delete(room.boardId);
    room.destroy();
  }

  /**
   * The board as plain data: from the live document when loaded (it may be ahead of the
   * stored metadata), else read from storage without loading a room.
   */
  readBoard(boardId: string): Board | undefined {
    const room = this.rooms.get(boardId);
    if (room) {
      // Only what is stored leaves the server.
      room.flush();
      if (!room.isDestroyed && !room.failure) return docToBoard(room.doc, boardId);
    }
    const state = this.documents.load(boardId);
    if (!state) return undefined;
    const doc = docFromStoredState(boardId, state);
    try {
      // Upgrades this throw-away copy only; the stored board is migrated when a room loads it.
      migrateDoc(doc);
      return docToBoard(doc, boardId);
    } finally {
      doc.destroy();
    }
  }

  stats(): RoomStats {
    let connections = 0;
    for (const room of this.rooms.values()) connections += room.connectionCount;
    return { rooms: this.rooms.size, connections };
  }

  /** Shutdown: close every connection with `reason`, compact and unload every room. */
  closeAll(reason: { code: number; reason: string }): void {
    for (const room of [...this.rooms.values()]) {
      // What waits for the end of the turn is stored and sent before the sockets close.
      room.flush();
      room.closeConnections(reason);
      room.compact();
      this.rooms.delete(room.boardId);
      room.destroy();
    }
  }

  /**
   * Drops a room whose storage failed, without storing it: its connections were closed,
   * and the next connection loads the board fresh from what storage holds. The document
   * is destroyed on the next turn (the failure is reported from inside its update event).
   */
  private evict(room: Room): void {
    if (this.rooms.get(room.boardId) === room) this.rooms.delete(room.boardId);
    setImmediate(() => room.destroy());
  }
}
