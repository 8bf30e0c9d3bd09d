import type { StoredBoardState } from '../storage/documents.ts';
import type { Connection } from './connection.ts';
import * as Y from 'yjs';
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2 } from './messages.ts';
import type { Room } from './room.ts';

/** How long an opening waits for its first joiner's first frame, and for the early answer to be written. */
export interface OpeningTiming {
  /** A joiner that says nothing for this long does not hold the board's other joiners up any longer. */
  firstFrameWaitMs: number;
  /** The decode starts once the early answer is handed to the kernel, or after this long. */
  writeWaitMs: number;
}

export const DEFAULT_OPENING_TIMING: OpeningTiming = { firstFrameWaitMs: 250, writeWaitMs: 100 };

/** What a page holding nothing of the board sends first: sync step 1 with an empty state vector. */
const EMPTY_STATE_REQUEST = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));

/** The one thing a cold board can answer before its document is decoded: "I have nothing" (an empty state vector). */
function asksForEverything(frame: Uint8Array): boolean {
  try {
    const message = decodeClientMessage(frame);
    return message.type === 'sync-step1' && message.stateVector.length === 1 && message.stateVector[0] === 0;
  } catch {
    // The room judges a malformed frame (and closes that connection) once it is loaded.
    return false;
  }
}

/**
 * A cold board whose stored state is one snapshot this process already decoded as a whole
 * board of the current schema version (see `RoomManager`): its document is not decoded yet.
 *
 * Decoding a 5,000-card board takes the server 100–200 ms, and until now its first joiner
 * heard nothing before that. Here the joiner's first frame is awaited instead: when it asks
 * for everything (an empty state vector, what a fresh page sends on open), the stored bytes
 * are its answer as they are, sent at once, so the client applies them while the server
 * decodes the same bytes. Everything else each connection sends is kept, in arrival order,
 * and handed to the room once it is loaded, after the room has greeted the connection as
 * it greets every joiner (its state vector, so the client then sends what the board lacks).
 * A first frame that asks for anything else (a reconnecting client with state) loads the
 * room at once: nothing can be answered early for it.
 *
 * The connections hold this object as their room until `load` hands them to the real one;
 * `handleFrame` and `addConnection` then forward.
 */
export class OpeningRoom {
  private readonly members: Connection[] = [];
  private readonly queued: { conn: Connection; frame: Uint8Array }[] = [];
  private loaded: Room | null = null;
  /** Why the load failed, once it did. */
  failure: unknown = null;
  private timer: NodeJS.Timeout | null = null;
  private earlyAnswer = false;
  /** Connections whose request for everything was answered with the stored bytes. */
  private readonly answered = new WeakSet<Connection>();
  /** Fresh joiners answered before they asked (`answerFresh`): their own request is dropped when it comes. */
  private readonly answeredBeforeAsking = new WeakSet<Connection>();
  private finished = false;
  /** The early answer: the stored snapshot as sync step 2. */
  private readonly joinFrame: Uint8Array;

  constructor(
    readonly boardId: string,
    readonly state: StoredBoardState,
    private readonly timing: OpeningTiming,
    /** Loads the room from `state` (the manager's; throws RoomLoadError) — called once. */
    private readonly open: (opening: OpeningRoom) => Room,
    /** The load failed: the manager closes `members` and forgets this opening. */
    private readonly onFailure: (opening: OpeningRoom, error: unknown) => void,
  ) {
    this.joinFrame = encodeSyncStep2(state.snapshot);
    this.wait(timing.firstFrameWaitMs);
  }

  /** Whether a joiner was answered from the stored bytes before the room loaded. */
  get answeredEarly(): boolean {
    return this.earlyAnswer;
  }

  /** The room, once loaded. */
  get room(): Room | null {
    return this.loaded;
  }

  get connectionCount(): number {
    return this.loaded ? this.loaded.connectionCount : this.members.length;
  }

  get connections(): readonly Connection[] {
    return this.members;
  }

  /** True once the room is loaded (or the load failed); the manager then holds the room instead. */
  get isFinished(): boolean {
    return this.finished;
  }

  addConnection(conn: Connection): void {
    if (this.loaded) this.loaded.addConnection(conn);
    else if (!this.finished) this.members.push(conn);
  }

  /** Forgets a connection that closed before the room loaded. Returns whether anyone is left. */
  removeConnection(conn: Connection): boolean {
    const at = this.members.indexOf(conn);
    if (at >= 0) this.members.splice(at, 1);
    return this.members.length > 0;
  }

  /**
   * A joiner that said it holds nothing of the board (FRESH_JOIN_PARAM) is answered as if it had
   * asked for everything, at once; its own request, when it comes, is then dropped. Nothing is
   * done once the room is loaded: the room answers the joiner's request as it answers anyone's.
   */
  answerFresh(conn: Connection): void {
    if (this.loaded || this.finished || conn.closed) return;
    this.handleFrame(conn, EMPTY_STATE_REQUEST);
    if (this.answered.has(conn)) this.answeredBeforeAsking.add(conn);
  }

  handleFrame(conn: Connection, frame: Uint8Array): void {
    if (this.answeredBeforeAsking.has(conn) && asksForEverything(frame)) {
      this.answeredBeforeAsking.delete(conn);
      return;
    }
    if (this.loaded) {
      this.loaded.handleFrame(conn, frame);
      return;
    }
    if (this.finished || conn.closed) return;
    const first = !this.earlyAnswer && this.queued.length === 0;
    if (first && asksForEverything(frame)) {
      this.earlyAnswer = true;
      this.answered.add(conn);
      // Decode once the kernel has the bytes, so they travel while the server works, and after
      // one more turn of the event loop: requests already on their way (the page asks for its
      // role as it opens the socket) are answered first instead of waiting out the decode.
      this.wait(this.timing.writeWaitMs);
      conn.send(this.joinFrame, () => setImmediate(() => setImmediate(() => this.load())));
      return;
    }
    // Another joiner asking early for everything gets the same bytes (the snapshot is still the whole board).
    if (this.earlyAnswer && !this.answered.has(conn) && !this.queued.some((q) => q.conn === conn) && asksForEverything(frame)) {
      this.answered.add(conn);
      conn.send(this.joinFrame);
      return;
    }
    this.queued.push({ conn, frame });
    if (first) this.load();
  }

  /** Loads the room now (a HTTP route needs it, or a timer ran out) and hands every connection over. */
  load(): Room | undefined {
    if (this.finished) return this.loaded ?? undefined;
    this.finished = true;
    this.stopTimer();
    let room: Room;
    try {
      room = this.open(this);
    } catch (error) {
      this.failure = error;
      this.queued.length = 0;
      this.onFailure(this, error);
      return undefined;
    }
    this.loaded = room;
    const members = this.members.splice(0);
    for (const conn of members) if (!conn.closed) room.addConnection(conn);
    for (const { conn, frame } of this.queued.splice(0)) room.handleFrame(conn, frame);
    return room;
  }

  /** Shutdown or a dropped opening: no timer may load it later. */
  cancel(): void {
    this.finished = true;
    this.queued.length = 0;
    this.stopTimer();
  }

  private wait(ms: number): void {
    this.stopTimer();
    this.timer = setTimeout(() => this.load(), ms);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
