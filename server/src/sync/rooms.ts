import { CLOSE, docToBoard, migrateDoc, type Board } from '@rejse/shared';
import type { DocumentLog, StoredBoardState } from '../storage/documents.ts';
import type { Connection } from './connection.ts';
import { GroupCommit } from './group-commit.ts';
import { DEFAULT_OPENING_TIMING, OpeningRoom } from './opening.ts';
import { docFromStoredState, fingerprint } from './persistence.ts';
import { Room, type RoomOptions } from './room.ts';

export interface RoomStats {
  /** Boards loaded in memory (each has at least one connection). */
  rooms: number;
  connections: number;
}

/** Where a board socket's frames go: the loaded room, or the opening that becomes it. */
export type JoinTarget = Room | OpeningRoom;

/**
 * The loaded boards. Everything here is synchronous (better-sqlite3 is), so a room is
 * fully loaded before its first message is handled, two connections to an unloaded board
 * can never load it twice, and a connection arriving while a room unloads simply finds
 * no room and loads the freshly stored state.
 *
 * One exception keeps a large board's first joiner from waiting for the decode (issue 14):
 * a board whose stored state is exactly a snapshot this process has already had loaded as a
 * whole board of the current schema version (its fingerprint is in `current`) is first an
 * `OpeningRoom` for sockets (see opening.ts): the stored bytes answer a fresh joiner at once,
 * and the room loads right after, before any frame is handled. Only bytes this process has
 * decoded, found current and stored itself are ever sent undecoded, so a board that needs
 * migrating, or one that would not load, never takes that path. After a restart `current`
 * is empty: every board's first load is the plain one.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly openings = new Map<string, OpeningRoom>();
  /** Board → fingerprint of its stored snapshot, when that snapshot is its whole stored state and a current board (see above). */
  private readonly current = new Map<string, string>();
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
    const opening = this.openings.get(boardId);
    if (opening) {
      const room = opening.load();
      if (!room) throw opening.failure ?? new Error(`board "${boardId}" stopped opening`);
      return room;
    }
    const began = performance.now();
    const state = Room.read(boardId, this.documents);
    return state && this.loadRoom(boardId, state, { readMs: performance.now() - began, early: false });
  }

  /**
   * Where a new board socket joins: the loaded room, or the board's opening (one is made when
   * the stored state allows answering early, see above), loading the room otherwise;
   * undefined for an unknown board. Throws RoomLoadError.
   */
  join(boardId: string): JoinTarget | undefined {
    const loaded = this.rooms.get(boardId) ?? this.openings.get(boardId);
    if (loaded) return loaded;
    const began = performance.now();
    const state = Room.read(boardId, this.documents);
    if (!state) return undefined;
    const known = this.current.get(boardId);
    if (known === undefined || state.updates.length > 0 || fingerprint(state.snapshot) !== known) {
      return this.loadRoom(boardId, state, { readMs: performance.now() - began, early: false });
    }
    const readMs = performance.now() - began;
    const opening = new OpeningRoom(
      boardId,
      state,
      DEFAULT_OPENING_TIMING,
      (opened) => {
        this.openings.delete(boardId);
        return this.loadRoom(boardId, opened.state, { readMs, early: opened.answeredEarly });
      },
      (failed, error) => {
        this.openings.delete(boardId);
        this.current.delete(boardId);
        this.options.log.error('could not load a board', { board: boardId, error });
        for (const conn of failed.connections) conn.close(CLOSE.SERVER_ERROR);
      },
    );
    this.openings.set(boardId, opening);
    return opening;
  }

  private loadRoom(boardId: string, state: StoredBoardState, how: { readMs: number; early: boolean }): Room {
    const room = Room.fromState(boardId, this.documents, state, this.options, how);
    room.onFailure = (failed) => this.evict(failed);
    this.rooms.set(boardId, room);
    this.onRoomLoaded?.(room);
    return room;
  }

  get(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  connectionCount(boardId: string): number {
    return (this.rooms.get(boardId) ?? this.openings.get(boardId))?.connectionCount ?? 0;
  }

  /** Removes a closed connection; the room unloads (compacted first) when it was the last one. */
  disconnect(target: JoinTarget, conn: Connection): void {
    if (target instanceof OpeningRoom) {
      const room = target.room;
      if (room) {
        this.disconnect(room, conn);
        return;
      }
      // Everyone left before the board loaded: nothing changed, nothing to store.
      if (!target.removeConnection(conn) && this.openings.get(target.boardId) === target) {
        target.cancel();
        this.openings.delete(target.boardId);
      }
      return;
    }
    target.removeConnection(conn);
    if (target.connectionCount === 0) this.unloadIfIdle(target);
  }

  /** Unloads a room that has no connections. Called right after a connect attempt that did not add one, too. */
  unloadIfIdle(room: Room): void {
    if (room.connectionCount > 0 || this.rooms.get(room.boardId) !== room) return;
    room.compact();
    // Read before destroy: whether the next joiner may be answered from the stored bytes.
    const stored = room.storedCurrentSnapshot;
    if (stored) this.current.set(room.boardId, stored);
    else this.current.delete(room.boardId);
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
    for (const opening of this.openings.values()) connections += opening.connectionCount;
    return { rooms: this.rooms.size, connections };
  }

  /** Shutdown: close every connection with `reason`, compact and unload every room. */
  closeAll(reason: { code: number; reason: string }): void {
    for (const opening of [...this.openings.values()]) {
      // Nothing was applied yet: nothing to store.
      opening.cancel();
      for (const conn of opening.connections) conn.close(reason);
    }
    this.openings.clear();
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
    this.current.delete(room.boardId);
    if (this.rooms.get(room.boardId) === room) this.rooms.delete(room.boardId);
    setImmediate(() => room.destroy());
  }
}
