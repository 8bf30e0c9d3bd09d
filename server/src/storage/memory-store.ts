import { createMemoryActivity } from './activity-memory.ts';
import { BoardExistsError, UnknownBoardError, appendEach, type BoardMeta, type DocumentLog } from './documents.ts';
import type { DraftStore } from './drafts.ts';
import type { LinkStore, StoredAccessToken } from './links.ts';
import { createMemorySnapshots } from './snapshots-memory.ts';
import type { BoardStore } from './store.ts';
import { createMemoryTone } from './tone-memory.ts';
import type { StoredVote, StoredVoteRound, VoteStore } from './votes.ts';

/** Byte arrays are copied in and out, so callers can never alias stored data (as with SQLite). */
const copy = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What every memory store shares: the board ids (the foreign key) and whether the bundle is closed. */
interface MemoryBoards {
  /** Throws when closed or when the board does not exist (as SQLite's foreign keys do). */
  require(id: string): void;
  /** Throws when closed. */
  open(): void;
}

interface MemoryDocument {
  meta: BoardMeta;
  snapshot: Uint8Array;
  updates: { seq: number; data: Uint8Array }[];
}

function createMemoryDocuments(boards: Map<string, MemoryDocument>, guard: MemoryBoards): DocumentLog {
  let nextSeq = 1;
  /** Rows appended inside the running batch, removed again if it throws (appends are what batches hold). */
  let batchRows: { board: MemoryDocument; seq: number }[] | null = null;
  const get = (id: string): MemoryDocument => {
    guard.require(id);
    return boards.get(id)!;
  };
  const log: DocumentLog = {
    create(meta, initialState) {
      guard.open();
      if (boards.has(meta.id)) throw new BoardExistsError(meta.id);
      boards.set(meta.id, { meta: { ...meta }, snapshot: copy(initialState), updates: [] });
    },
    exists(id) {
      guard.open();
      return boards.has(id);
    },
    meta(id) {
      guard.open();
      const board = boards.get(id);
      return board ? { ...board.meta } : undefined;
    },
    list() {
      guard.open();
      return [...boards.values()]
        .map((b) => ({ ...b.meta }))
        .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt || byKey(a.id, b.id));
    },
    load(id) {
      guard.open();
      const board = boards.get(id);
      if (!board) return undefined;
      return {
        snapshot: copy(board.snapshot),
        updates: board.updates.map((u) => copy(u.data)),
        lastSeq: board.updates.at(-1)?.seq ?? 0,
      };
    },
    tail(id, afterSeq) {
      guard.open();
      const board = boards.get(id);
      if (!board) return undefined;
      // Simple and always right: the snapshot too (only shared logs need the cheaper answer).
      const after = board.updates.filter((u) => u.seq > afterSeq);
      return {
        snapshot: copy(board.snapshot),
        updates: after.map((u) => copy(u.data)),
        lastSeq: board.updates.at(-1)?.seq ?? afterSeq,
      };
    },
    append(id, update) {
      const board = get(id);
      const seq = nextSeq++;
      board.updates.push({ seq, data: copy(update) });
      batchRows?.push({ board, seq });
      return seq;
    },
    appendMany: (entries) => appendEach(log, entries),
    batch(work) {
      if (batchRows) return work();
      const rows: { board: MemoryDocument; seq: number }[] = [];
      batchRows = rows;
      try {
        return work();
      } catch (error) {
        for (const { board, seq } of rows) board.updates = board.updates.filter((u) => u.seq !== seq);
        throw error;
      } finally {
        batchRows = null;
      }
    },
    compact(id, snapshot, throughSeq) {
      const board = get(id);
      board.snapshot = copy(snapshot);
      board.updates = board.updates.filter((u) => u.seq > throughSeq);
    },
    touch(id, changes) {
      const board = get(id);
      if (changes.title !== undefined) board.meta.title = changes.title;
      if (changes.updatedAt !== undefined) board.meta.updatedAt = changes.updatedAt;
    },
    stats(id) {
      guard.open();
      const board = boards.get(id);
      if (!board) return undefined;
      return {
        updateRows: board.updates.length,
        snapshotBytes: board.snapshot.byteLength,
        updateBytes: board.updates.reduce((sum, u) => sum + u.data.byteLength, 0),
      };
    },
  };
  return log;
}

function createMemoryLinks(guard: MemoryBoards): LinkStore {
  /** board id → role → token */
  const tokens = new Map<string, Map<string, StoredAccessToken>>();
  /** board id → participant id → secret hash */
  const participants = new Map<string, Map<string, Uint8Array>>();
  const of = <T>(map: Map<string, Map<string, T>>, boardId: string): Map<string, T> => {
    let inner = map.get(boardId);
    if (!inner) {
      inner = new Map();
      map.set(boardId, inner);
    }
    return inner;
  };
  return {
    setToken(boardId, role, tokenHash, createdAt, sealed = null) {
      guard.require(boardId);
      of(tokens, boardId).set(role, {
        role,
        tokenHash: copy(tokenHash),
        createdAt,
        ...(sealed ? { sealed: copy(sealed) } : {}),
      });
    },
    tokens(boardId) {
      guard.open();
      return [...(tokens.get(boardId)?.values() ?? [])]
        .sort((a, b) => byKey(a.role, b.role))
        .map((t) => ({ ...t, tokenHash: copy(t.tokenHash), ...(t.sealed ? { sealed: copy(t.sealed) } : {}) }));
    },
    participantSecretHash(boardId, participantId) {
      guard.open();
      const hash = participants.get(boardId)?.get(participantId);
      return hash ? copy(hash) : undefined;
    },
    addParticipant(boardId, participantId, secretHash) {
      guard.require(boardId);
      const bound = of(participants, boardId);
      if (bound.has(participantId)) throw new Error(`participant "${participantId}" already exists`);
      bound.set(participantId, copy(secretHash));
    },
  };
}

function createMemoryVotes(guard: MemoryBoards): VoteStore {
  /** `${boardId}/${roundId}` → round */
  const rounds = new Map<string, StoredVoteRound>();
  /** `${boardId}/${roundId}` → participant id → card id → count */
  const votes = new Map<string, Map<string, Map<string, number>>>();
  const key = (boardId: string, roundId: string): string => `${boardId}/${roundId}`;
  const boardRounds = (boardId: string): StoredVoteRound[] =>
    [...rounds.entries()].filter(([k]) => k.startsWith(`${boardId}/`)).map(([, round]) => round);
  const requireRound = (boardId: string, roundId: string): StoredVoteRound => {
    guard.require(boardId);
    const round = rounds.get(key(boardId, roundId));
    if (!round) throw new Error(`unknown vote round "${roundId}" on board "${boardId}"`);
    return round;
  };
  return {
    createRound(boardId, round) {
      guard.require(boardId);
      if (rounds.has(key(boardId, round.id))) throw new Error(`vote round "${round.id}" already exists`);
      rounds.set(key(boardId, round.id), { ...round });
    },
    round(boardId, roundId) {
      guard.open();
      const round = rounds.get(key(boardId, roundId));
      return round ? { ...round } : undefined;
    },
    openRound(boardId) {
      guard.open();
      const latest = boardRounds(boardId)
        .filter((r) => r.closedAt === null)
        .sort((a, b) => b.startedAt - a.startedAt)[0];
      return latest ? { ...latest } : undefined;
    },
    rounds(boardId) {
      guard.open();
      return boardRounds(boardId)
        .sort((a, b) => a.startedAt - b.startedAt || byKey(a.id, b.id))
        .map((r) => ({ ...r }));
    },
    closeRound(boardId, roundId, closedAt) {
      requireRound(boardId, roundId).closedAt = closedAt;
    },
    setVote(boardId, roundId, participantId, cardId, count) {
      requireRound(boardId, roundId);
      let byParticipant = votes.get(key(boardId, roundId));
      if (!byParticipant) {
        byParticipant = new Map();
        votes.set(key(boardId, roundId), byParticipant);
      }
      let mine = byParticipant.get(participantId);
      if (!mine) {
        mine = new Map();
        byParticipant.set(participantId, mine);
      }
      if (count > 0) mine.set(cardId, count);
      else mine.delete(cardId);
    },
    participantVotes(boardId, roundId, participantId) {
      guard.open();
      const mine = votes.get(key(boardId, roundId))?.get(participantId);
      return new Map([...(mine ?? new Map<string, number>())].sort(([a], [b]) => byKey(a, b)));
    },
    roundVotes(boardId, roundId) {
      guard.open();
      const rows: StoredVote[] = [];
      for (const [participantId, mine] of votes.get(key(boardId, roundId)) ?? []) {
        for (const [cardId, count] of mine) rows.push({ participantId, cardId, count });
      }
      return rows.sort((a, b) => byKey(a.participantId, b.participantId) || byKey(a.cardId, b.cardId));
    },
  };
}

function createMemoryDrafts(guard: MemoryBoards): DraftStore {
  /** board id → participant id → state */
  const drafts = new Map<string, Map<string, Uint8Array>>();
  return {
    load(boardId, participantId) {
      guard.open();
      const state = drafts.get(boardId)?.get(participantId);
      return state ? copy(state) : undefined;
    },
    save(boardId, participantId, state) {
      guard.require(boardId);
      let mine = drafts.get(boardId);
      if (!mine) {
        mine = new Map();
        drafts.set(boardId, mine);
      }
      mine.set(participantId, copy(state));
    },
    list(boardId) {
      guard.open();
      return [...(drafts.get(boardId) ?? [])]
        .sort(([a], [b]) => byKey(a, b))
        .map(([participantId, state]) => ({ participantId, state: copy(state) }));
    },
    delete(boardId, participantId) {
      guard.open();
      drafts.get(boardId)?.delete(participantId);
    },
  };
}

/** The in-memory stores: same contracts as SQLite, for fast tests. Nothing survives the process. */
export function createMemoryStore(): BoardStore {
  const documents = new Map<string, MemoryDocument>();
  let closed = false;
  const guard: MemoryBoards = {
    open() {
      if (closed) throw new Error('store is closed');
    },
    require(id) {
      guard.open();
      if (!documents.has(id)) throw new UnknownBoardError(id);
    },
  };
  return {
    documents: createMemoryDocuments(documents, guard),
    links: createMemoryLinks(guard),
    votes: createMemoryVotes(guard),
    drafts: createMemoryDrafts(guard),
    tone: createMemoryTone(guard),
    snapshots: createMemorySnapshots((id) => !closed && documents.has(id)),
    activity: createMemoryActivity((id) => !closed && documents.has(id)),
    close() {
      closed = true;
    },
  };
}
