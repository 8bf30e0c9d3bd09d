import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  STORAGE_ORIGIN,
  countChanges,
  diffBoards,
  docToBoard,
  migrateDoc,
  randomId,
  readPeople,
  restoreBoardDoc,
  restoreCardDoc,
  type Board,
  type Role,
  type SnapshotInfo,
  type SnapshotKind,
} from '@rejse/shared';
import type { BoardHistory, HistoryActor } from '../http/history-api.ts';
import type { LiveBoards } from '../http/live.ts';
import type { Logger } from '../log.ts';
import type { SnapshotStore, StoredSnapshot } from '../storage/snapshots.ts';
import type { Room } from './room.ts';

export interface HistoryOptions {
  /** Snapshots kept per board (REJSE_SNAPSHOTS_PER_BOARD). */
  retention: number;
  /** At most one automatic snapshot this often while a board is edited (REJSE_SNAPSHOT_INTERVAL_MINUTES). */
  autoIntervalMs: number;
  now?: () => number;
}

export interface BoardHistoryService extends BoardHistory {
  /** Starts watching a loaded board for edits (automatic snapshots). */
  watch(room: Room): void;
  /** Stops the automatic snapshot timers (shutdown). */
  stop(): void;
}

/** A board document from a stored state, migrated like a loading room would (a throw-away copy). */
function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state, STORAGE_ORIGIN);
  migrateDoc(doc);
  return doc;
}

function boardOf(boardId: string, state: Uint8Array): Board {
  const doc = docOf(state);
  try {
    return docToBoard(doc, boardId);
  } finally {
    doc.destroy();
  }
}

/**
 * The version history: snapshots on request, at the end of run-sheet phases and sessions,
 * and automatically (at most every `autoIntervalMs` while a board is edited); comparing and
 * restoring. A snapshot is one `Y.encodeStateAsUpdate` of the live document, written in one
 * SQLite transaction (so it survives a SIGKILL as soon as the request is answered).
 */
export function createBoardHistory(
  deps: { snapshots: SnapshotStore; live: LiveBoards; log: Logger },
  options: HistoryOptions,
): BoardHistoryService {
  const { snapshots, live, log } = deps;
  const now = options.now ?? Date.now;
  const timers = new Map<string, NodeJS.Timeout>();
  /** Boards edited since their last snapshot. */
  const dirty = new Set<string>();

  const describe = (boardId: string, stored: StoredSnapshot, people: ReadonlyMap<string, string>): SnapshotInfo => ({
    id: stored.id,
    name: stored.name,
    kind: stored.kind as SnapshotKind,
    createdAt: stored.createdAt,
    by: {
      role: (stored.byRole as Role | null) ?? null,
      participantId: stored.byParticipant,
      name: stored.byParticipant ? (people.get(stored.byParticipant) ?? null) : null,
    },
    bytes: stored.bytes,
    changes: stored.changes,
  });

  const take = (boardId: string, name: string, kind: SnapshotKind, by: HistoryActor): SnapshotInfo | undefined => {
    const captured = live.read(boardId, (doc) => ({
      state: Y.encodeStateAsUpdate(doc),
      board: docToBoard(doc, boardId),
      people: readPeople(doc),
    }));
    if (!captured) return undefined;
    const previous = snapshots.listSnapshots(boardId).at(-1);
    const previousState = previous && snapshots.snapshotState(boardId, previous.id);
    let changes = { added: captured.board.cards.length, removed: 0, edited: 0 };
    if (previousState) {
      try {
        changes = countChanges(diffBoards(boardOf(boardId, previousState), captured.board));
      } catch (error) {
        log.warn('could not compare with the previous snapshot', { board: boardId, error });
      }
    }
    const stored: Omit<StoredSnapshot, 'bytes'> = {
      id: `h_${randomId(12)}`,
      name,
      kind,
      // Never before the previous one, so the list stays in the order they were taken.
      createdAt: Math.max(now(), (previous?.createdAt ?? 0) + 1),
      byRole: by.role,
      byParticipant: by.participantId,
      changes,
    };
    snapshots.addSnapshot(boardId, stored, captured.state, options.retention);
    dirty.delete(boardId);
    return describe(boardId, { ...stored, bytes: captured.state.length }, captured.people);
  };

  const autoSnapshot = (boardId: string): void => {
    timers.delete(boardId);
    if (!dirty.has(boardId)) return;
    try {
      take(boardId, '', 'auto', { role: null, participantId: null });
    } catch (error) {
      log.error('automatic snapshot failed', { board: boardId, error });
    }
  };

  const onEdit = (boardId: string): void => {
    dirty.add(boardId);
    if (timers.has(boardId)) return;
    const last = snapshots.listSnapshots(boardId).at(-1)?.createdAt ?? now();
    const wait = Math.max(0, last + options.autoIntervalMs - now());
    const timer = setTimeout(() => autoSnapshot(boardId), wait);
    // Never keeps the process alive; at shutdown an edit younger than the interval simply has no snapshot yet.
    timer.unref();
    timers.set(boardId, timer);
  };

  const stateOf = (boardId: string, snapshotId: string): Uint8Array | undefined => snapshots.snapshotState(boardId, snapshotId);

  return {
    retention: options.retention,
    list(boardId) {
      const people = live.read(boardId, (doc) => readPeople(doc));
      if (!people) return undefined;
      return snapshots.listSnapshots(boardId).map((stored) => describe(boardId, stored, people));
    },
    take,
    boardAt(boardId, snapshotId) {
      const state = stateOf(boardId, snapshotId);
      return state && boardOf(boardId, state);
    },
    compare(boardId, from, to) {
      const fromState = stateOf(boardId, from);
      if (!fromState) return undefined;
      let after: Board | undefined;
      if (to === 'live') after = live.read(boardId, (doc) => docToBoard(doc, boardId));
      else {
        const toState = stateOf(boardId, to);
        after = toState && boardOf(boardId, toState);
      }
      return after && diffBoards(boardOf(boardId, fromState), after);
    },
    restore(boardId, snapshotId, by, cardId) {
      const stored = snapshots.getSnapshot(boardId, snapshotId);
      const state = stateOf(boardId, snapshotId);
      if (!stored || !state) return undefined;
      const source = docOf(state);
      try {
        if (cardId !== undefined && !source.getMap('cards').has(cardId)) return undefined;
        // Named after the version it was taken for; the UI says "Before restoring …" in the reader's language.
        const label = stored.kind === 'restore' ? stored.name : stored.name || new Date(stored.createdAt).toISOString();
        const before = take(boardId, label.slice(0, 120), 'restore', by);
        if (!before) return undefined;
        const writes = live.edit(boardId, (doc) =>
          cardId === undefined ? restoreBoardDoc(doc, source, SERVER_ORIGIN) : restoreCardDoc(doc, source, cardId, SERVER_ORIGIN) ? 1 : 0,
        );
        if (writes === undefined) return undefined;
        return { restoredFrom: snapshotId, undoSnapshotId: before.id, writes };
      } finally {
        source.destroy();
      }
    },
    watch(room) {
      const boardId = room.boardId;
      room.doc.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin !== STORAGE_ORIGIN) onEdit(boardId);
      });
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
