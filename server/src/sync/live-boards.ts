import * as Y from 'yjs';
import {
  BoardOpError,
  LIMITS,
  SERVER_ORIGIN,
  addCard,
  cardsMap,
  readPeople,
  readCard,
  readLanes,
  readStages,
  setPrivateMode,
  type Card,
  type CardFields,
} from '@rejse/shared';
import type { LiveBoards } from '../http/live.ts';
import type { Logger } from '../log.ts';
import type { BoardStore } from '../storage/store.ts';
import type { DraftRooms } from './drafts.ts';
import { docFromStoredState } from './persistence.ts';
import type { RoomManager } from './rooms.ts';
import type { SyncServer } from './websocket.ts';

export interface LiveBoardsDeps {
  rooms: RoomManager;
  store: BoardStore;
  drafts: DraftRooms;
  /** The socket server, attached after the HTTP app exists (null until then). */
  sync: () => Pick<SyncServer, 'closeConnections' | 'countConnections'> | null;
  log: Logger;
}

/** A draft card as the fields `addCard` takes (its id, cell and order are the board's business). */
function draftFields(card: Card): Partial<CardFields> {
  const { id: _id, stageId: _stage, laneId: _lane, order: _order, kind: _kind, ...fields } = card;
  return fields;
}

/** "Name: text" when the author is known and it fits a card; the text alone otherwise. */
function signed(text: string, author: string | undefined): string {
  if (!author) return text;
  const withName = `${author}: ${text}`;
  return withName.length <= LIMITS.cardTextLength ? withName : text;
}

export function createLiveBoards(deps: LiveBoardsDeps): LiveBoards {
  const { rooms, store, drafts } = deps;

  const edit = <T>(boardId: string, run: (doc: Y.Doc) => T): T | undefined => {
    const room = rooms.acquire(boardId);
    if (!room) return undefined;
    try {
      let result!: T;
      room.doc.transact(() => {
        result = run(room.doc);
      }, SERVER_ORIGIN);
      // Stored (and sent) before the HTTP answer says it happened.
      room.flush();
      if (room.failure) throw room.failure;
      return result;
    } finally {
      rooms.unloadIfIdle(room);
    }
  };

  const read = <T>(boardId: string, run: (doc: Y.Doc) => T): T | undefined => {
    const room = rooms.get(boardId);
    if (room && !room.isDestroyed) {
      room.flush();
      if (!room.isDestroyed && !room.failure) return run(room.doc);
    }
    const state = store.documents.load(boardId);
    if (!state) return undefined;
    const doc = docFromStoredState(boardId, state);
    try {
      return run(doc);
    } finally {
      doc.destroy();
    }
  };

  return {
    edit,
    read,
    closeConnections(boardId, match, reason) {
      return deps.sync()?.closeConnections(boardId, match, reason) ?? 0;
    },
    countConnections(boardId, match) {
      return deps.sync()?.countConnections(boardId, match) ?? 0;
    },
    privateCounts(boardId) {
      const counts = new Map<string, number>();
      for (const room of drafts.liveRooms(boardId)) counts.set(room.participantId, cardsMap(room.doc).size);
      for (const draft of store.drafts.list(boardId)) {
        if (counts.has(draft.participantId)) continue;
        const doc = new Y.Doc();
        try {
          Y.applyUpdate(doc, draft.state);
          counts.set(draft.participantId, cardsMap(doc).size);
        } catch (error) {
          deps.log.warn('skipped unreadable private drafts', { board: boardId, error });
        } finally {
          doc.destroy();
        }
      }
      for (const [participantId, count] of counts) if (count === 0) counts.delete(participantId);
      return counts;
    },
    revealDrafts(boardId, options = {}) {
      const live = new Map(drafts.liveRooms(boardId).map((room) => [room.participantId, room]));
      const stored = store.drafts.list(boardId);
      const docs: { participantId: string; doc: Y.Doc; temporary: boolean }[] = [];
      for (const room of live.values()) docs.push({ participantId: room.participantId, doc: room.doc, temporary: false });
      for (const draft of stored) {
        if (live.has(draft.participantId)) continue;
        const doc = new Y.Doc();
        try {
          Y.applyUpdate(doc, draft.state);
          docs.push({ participantId: draft.participantId, doc, temporary: true });
        } catch (error) {
          doc.destroy();
          deps.log.warn('skipped unreadable private drafts', { board: boardId, error });
        }
      }
      try {
        const revealed = edit(boardId, (board) => {
          const stages = readStages(board);
          const lanes = readLanes(board);
          const firstStage = stages[0]?.id;
          const firstLane = lanes[0]?.id;
          let count = 0;
          const people = options.showAuthors ? readPeople(board) : new Map<string, string>();
          if (firstStage && firstLane) {
            const stageIds = new Set<string>(stages.map((s) => s.id));
            const laneIds = new Set<string>(lanes.map((l) => l.id));
            for (const { doc, participantId } of docs) {
              const author = people.get(participantId);
              const cards: Card[] = [];
              cardsMap(doc).forEach((record, id) => {
                if (record instanceof Y.Map) cards.push(readCard(id, record, stageIds, laneIds, firstStage, firstLane));
              });
              cards.sort((a, b) => a.order - b.order);
              for (const card of cards) {
                try {
                  const fields = { ...draftFields(card), text: signed(card.text, author) };
                  addCard(board, { stageId: card.stageId, laneId: card.laneId, kind: card.kind, ...fields }, SERVER_ORIGIN);
                  count += 1;
                } catch (error) {
                  // A draft that breaks the board's rules (too long, board full) stays out of it.
                  if (!(error instanceof BoardOpError)) throw error;
                }
              }
            }
          }
          setPrivateMode(board, false, SERVER_ORIGIN);
          return count;
        });
        if (revealed === undefined) return undefined;
        for (const { participantId, temporary } of docs) {
          if (temporary) store.drafts.delete(boardId, participantId);
          else live.get(participantId)?.clear();
        }
        return revealed;
      } finally {
        for (const { doc, temporary } of docs) if (temporary) doc.destroy();
      }
    },
  };
}
