import {
  CARDS,
  PARTICIPANT_SECRET_PARAM,
  PROTOCOL_VERSION,
  BoardOpError,
  cardsInCell,
  cardsMap,
  compareOrdered,
  createCardId,
  deleteCards,
  editCardText,
  orderAtIndex,
  orderBetween,
  readCard,
  readCellOf,
  recordWithText,
  updateCard,
  type AddCardInput,
  type Card,
  type CardId,
  type CardPatch,
  type CardTextField,
  type CellValue,
  type LaneId,
  type MoveTarget,
  type Ordered,
  type StageId,
  type TextEdit,
} from '@rejse/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createExternalStore, type ExternalStore } from '../doc/externalStore.ts';
import type { ParticipantIdentity } from './participant.ts';

const DRAFT_ORIGIN = 'rejse:drafts';

/**
 * This participant's private cards while private mode is on: a small Yjs document of the
 * board's card layout, synced with the server at `/ws/<board>/drafts/<participant>` (only
 * this participant and facilitators may open it; nobody else ever receives its text). The
 * canvas draws these cards in their cells in this person's view only (marked private), and
 * the guarded commands send edits, moves and deletes of them here instead of to the board.
 * The facilitator's reveal copies them onto the board and empties this document.
 *
 * Orders are chosen among the board's cards of the same cell too, so a private card keeps the
 * place in its cell it was given on the map. This person's edits here are undoable like theirs
 * on the board (`undoManager`, taken into the board's one history by `DraftsConnector`).
 */
export class DraftsSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly undoManager: Y.UndoManager;
  /** The private cards, in cell order; a new array (and new card objects) on every change. */
  readonly cards: ExternalStore<readonly Card[]>;

  constructor(
    boardId: string,
    wsBase: string,
    token: string | null,
    participant: ParticipantIdentity,
    /** The shared board's document, for the order of cards in a cell. */
    private readonly board: Y.Doc,
  ) {
    this.cards = createExternalStore<readonly Card[]>([]);
    this.provider = new WebsocketProvider(`${wsBase}/ws`, `${boardId}/drafts/${participant.id}`, this.doc, {
      params: {
        v: String(PROTOCOL_VERSION),
        ...(token ? { token } : {}),
        [PARTICIPANT_SECRET_PARAM]: participant.secret,
      },
    });
    this.undoManager = new Y.UndoManager(cardsMap(this.doc), { trackedOrigins: new Set([DRAFT_ORIGIN]) });
    this.doc.on('update', this.refresh);
    this.doc.on('afterTransaction', this.forgetRevealed);
  }

  has(id: string): boolean {
    return cardsMap(this.doc).has(id);
  }

  add(input: AddCardInput): CardId {
    const { stageId, laneId, kind, index, id: givenId, ...fields } = input;
    const id = givenId ?? createCardId();
    const inCell = this.cellOrder(stageId, laneId);
    const order = orderAtIndex(inCell, index ?? inCell.length);
    this.doc.transact(() => {
      cardsMap(this.doc).set(
        id,
        recordWithText(CARDS, { text: '', ...fields, kind, cell: { stageId, laneId, order } satisfies CellValue }),
      );
    }, DRAFT_ORIGIN);
    return id;
  }

  /** The same checks as a board card's (lengths, valid values): the shared ops work on this document as well. */
  update(id: CardId, patch: CardPatch): void {
    updateCard(this.doc, id, patch, DRAFT_ORIGIN);
  }

  editText(id: CardId, field: CardTextField, edit: TextEdit): void {
    editCardText(this.doc, id, field, edit, DRAFT_ORIGIN);
  }

  /** Moves private cards into a cell (between the board's cards there too), keeping their order. */
  move(ids: readonly CardId[], to: MoveTarget): void {
    const moving = new Set<string>(ids);
    const records = ids.map((id) => {
      const record = cardsMap(this.doc).get(id);
      if (!record) throw new BoardOpError('not-found', `card "${id}" does not exist`);
      return record;
    });
    const others = this.cellOrder(to.stageId, to.laneId).filter((c) => !moving.has(c.id));
    const at = Math.max(0, Math.min(to.index ?? others.length, others.length));
    this.doc.transact(() => {
      // Each moved card goes between the one placed before it and the next neighbour.
      let previous = others[at - 1]?.order;
      const next = others[at]?.order;
      for (const record of records) {
        const order = orderBetween(previous, next);
        record.set('cell', { stageId: to.stageId, laneId: to.laneId, order } satisfies CellValue);
        previous = order;
      }
    }, DRAFT_ORIGIN);
  }

  remove(ids: readonly CardId[]): void {
    deleteCards(this.doc, ids, DRAFT_ORIGIN);
  }

  destroy(): void {
    this.doc.off('update', this.refresh);
    this.doc.off('afterTransaction', this.forgetRevealed);
    this.undoManager.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }

  /** Cards of one cell on the map as this person sees it: the board's and the private ones. */
  private cellOrder(stageId: StageId, laneId: LaneId): Ordered[] {
    const own: Ordered[] = [];
    cardsMap(this.doc).forEach((record, id) => {
      const cell = readCellOf(record);
      if (cell && cell.stageId === stageId && cell.laneId === laneId) own.push({ id, order: cell.order });
    });
    return [...cardsInCell(this.board, stageId, laneId), ...own].sort(compareOrdered);
  }

  /**
   * Private cards removed from elsewhere (the facilitator's reveal empties this document) leave
   * no undo behind: an undo must not bring back, privately, a card now on the board.
   */
  private readonly forgetRevealed = (transaction: Y.Transaction): void => {
    if (!transaction.local && transaction.deleteSet.clients.size > 0) this.undoManager.clear();
  };

  private readonly refresh = (): void => {
    const records: [string, Y.Map<unknown>][] = [];
    const stages = new Set<string>();
    const lanes = new Set<string>();
    cardsMap(this.doc).forEach((record, id) => {
      if (!(record instanceof Y.Map)) return;
      const cell = readCellOf(record);
      if (!cell) return;
      stages.add(cell.stageId);
      lanes.add(cell.laneId);
      records.push([id, record]);
    });
    // Each card is read where it says it is; one in a stage or lane the board no longer has is not drawn.
    const list = records.map(([id, record]) => {
      const cell = readCellOf(record) as CellValue;
      return readCard(id, record, stages, lanes, cell.stageId as StageId, cell.laneId as LaneId);
    });
    this.cards.set(list.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)));
  };
}
