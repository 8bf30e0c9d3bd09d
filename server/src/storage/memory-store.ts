import {
  BoardExistsError,
  UnknownBoardError,
  type BoardMeta,
  type BoardStorageStats,
  type BoardStore,
  type StoredAccessToken,
  type StoredBoardState,
  type StoredVoteRound,
} from './store.ts';

interface MemoryBoard {
  meta: BoardMeta;
  snapshot: Uint8Array;
  updates: { seq: number; data: Uint8Array }[];
  tokens: Map<string, StoredAccessToken>;
  participants: Map<string, Uint8Array>;
  rounds: Map<string, StoredVoteRound>;
  /** round id → participant id → card id → count */
  votes: Map<string, Map<string, Map<string, number>>>;
  drafts: Map<string, Uint8Array>;
}

/** Byte arrays are copied in and out, so callers can never alias stored data (as with SQLite). */
const copy = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

/** The in-memory store: same contract as SQLite, for fast tests. Nothing survives the process. */
export function createMemoryStore(): BoardStore {
  const boards = new Map<string, MemoryBoard>();
  let nextSeq = 1;
  let closed = false;

  const get = (id: string): MemoryBoard => {
    if (closed) throw new Error('store is closed');
    const board = boards.get(id);
    if (!board) throw new UnknownBoardError(id);
    return board;
  };
  const open = (): void => {
    if (closed) throw new Error('store is closed');
  };

  return {
    create(meta, initialState) {
      open();
      if (boards.has(meta.id)) throw new BoardExistsError(meta.id);
      boards.set(meta.id, {
        meta: { ...meta },
        snapshot: copy(initialState),
        updates: [],
        tokens: new Map(),
        participants: new Map(),
        rounds: new Map(),
        votes: new Map(),
        drafts: new Map(),
      });
    },
    exists(id) {
      open();
      return boards.has(id);
    },
    getMeta(id) {
      open();
      const board = boards.get(id);
      return board ? { ...board.meta } : undefined;
    },
    list() {
      open();
      return [...boards.values()]
        .map((b) => ({ ...b.meta }))
        .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
    },
    load(id): StoredBoardState | undefined {
      open();
      const board = boards.get(id);
      if (!board) return undefined;
      return {
        snapshot: copy(board.snapshot),
        updates: board.updates.map((u) => copy(u.data)),
        lastSeq: board.updates.at(-1)?.seq ?? 0,
      };
    },
    appendUpdate(id, update) {
      const board = get(id);
      const seq = nextSeq++;
      board.updates.push({ seq, data: copy(update) });
      return seq;
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
    stats(id): BoardStorageStats | undefined {
      open();
      const board = boards.get(id);
      if (!board) return undefined;
      return {
        updateRows: board.updates.length,
        snapshotBytes: board.snapshot.byteLength,
        updateBytes: board.updates.reduce((sum, u) => sum + u.data.byteLength, 0),
      };
    },
    setAccessToken(boardId, role, tokenHash, createdAt, sealed = null) {
      get(boardId).tokens.set(role, { role, tokenHash: copy(tokenHash), createdAt, ...(sealed ? { sealed: copy(sealed) } : {}) });
    },
    accessTokens(boardId) {
      open();
      const board = boards.get(boardId);
      if (!board) return [];
      return [...board.tokens.values()]
        .sort((a, b) => (a.role < b.role ? -1 : 1))
        .map((t) => ({ ...t, tokenHash: copy(t.tokenHash), ...(t.sealed ? { sealed: copy(t.sealed) } : {}) }));
    },
    participantSecretHash(boardId, participantId) {
      open();
      const hash = boards.get(boardId)?.participants.get(participantId);
      return hash ? copy(hash) : undefined;
    },
    addParticipant(boardId, participantId, secretHash) {
      const board = get(boardId);
      if (board.participants.has(participantId)) throw new Error(`participant "${participantId}" already exists`);
      board.participants.set(participantId, copy(secretHash));
    },
    createVoteRound(boardId, round) {
      const board = get(boardId);
      if (board.rounds.has(round.id)) throw new Error(`vote round "${round.id}" already exists`);
      board.rounds.set(round.id, { ...round });
    },
    voteRound(boardId, roundId) {
      open();
      const round = boards.get(boardId)?.rounds.get(roundId);
      return round ? { ...round } : undefined;
    },
    openVoteRound(boardId) {
      open();
      const board = boards.get(boardId);
      const openRounds = [...(board?.rounds.values() ?? [])].filter((r) => r.closedAt === null);
      const latest = openRounds.sort((a, b) => b.startedAt - a.startedAt)[0];
      return latest ? { ...latest } : undefined;
    },
    voteRounds(boardId) {
      open();
      const board = boards.get(boardId);
      return [...(board?.rounds.values() ?? [])]
        .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1))
        .map((r) => ({ ...r }));
    },
    closeVoteRound(boardId, roundId, closedAt) {
      const round = get(boardId).rounds.get(roundId);
      if (!round) throw new Error(`unknown vote round "${roundId}" on board "${boardId}"`);
      round.closedAt = closedAt;
    },
    setVote(boardId, roundId, participantId, cardId, count) {
      const board = get(boardId);
      if (!board.rounds.has(roundId)) throw new Error(`unknown vote round "${roundId}" on board "${boardId}"`);
      let byParticipant = board.votes.get(roundId);
      if (!byParticipant) board.votes.set(roundId, (byParticipant = new Map()));
      let mine = byParticipant.get(participantId);
      if (!mine) byParticipant.set(participantId, (mine = new Map()));
      if (count > 0) mine.set(cardId, count);
      else mine.delete(cardId);
    },
    participantVotes(boardId, roundId, participantId) {
      open();
      const mine = boards.get(boardId)?.votes.get(roundId)?.get(participantId);
      return new Map([...(mine ?? new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : 1)));
    },
    roundVotes(boardId, roundId) {
      open();
      const byParticipant = boards.get(boardId)?.votes.get(roundId);
      const rows = [];
      for (const [participantId, mine] of byParticipant ?? []) {
        for (const [cardId, count] of mine) rows.push({ participantId, cardId, count });
      }
      return rows.sort((a, b) =>
        a.participantId === b.participantId ? (a.cardId < b.cardId ? -1 : 1) : a.participantId < b.participantId ? -1 : 1,
      );
    },
    loadDraft(boardId, participantId) {
      open();
      const state = boards.get(boardId)?.drafts.get(participantId);
      return state ? copy(state) : undefined;
    },
    saveDraft(boardId, participantId, state) {
      get(boardId).drafts.set(participantId, copy(state));
    },
    listDrafts(boardId) {
      open();
      const board = boards.get(boardId);
      return [...(board?.drafts ?? [])]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([participantId, state]) => ({ participantId, state: copy(state) }));
    },
    deleteDraft(boardId, participantId) {
      open();
      boards.get(boardId)?.drafts.delete(participantId);
    },
    close() {
      closed = true;
    },
  };
}
