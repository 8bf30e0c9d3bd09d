import {
  PARTICIPANT_SECRET_PARAM,
  PROTOCOL_VERSION,
  cardsMap,
  createCardId,
  readCellOf,
  recordFrom,
  type AddCardInput,
  type CardId,
  type CardKind,
  type RecordMap,
} from '@rejse/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createExternalStore, type ExternalStore } from '../doc/externalStore.ts';
import type { ParticipantIdentity } from './participant.ts';

/** One private draft card, as the drafts panel lists it. */
export interface DraftCard {
  id: CardId;
  kind: CardKind;
  text: string;
  stageId: string;
  laneId: string;
  order: number;
}

const DRAFT_ORIGIN = 'rejse:drafts';

/**
 * This participant's private drafts while private mode is on: a small Yjs document of the
 * board's card layout, synced with the server at `/ws/<board>/drafts/<participant>` (only
 * this participant and facilitators may open it). The facilitator's reveal moves the cards
 * onto the board and empties this document.
 */
export class DraftsSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly cards: ExternalStore<readonly DraftCard[]>;

  constructor(boardId: string, wsBase: string, token: string | null, participant: ParticipantIdentity) {
    this.cards = createExternalStore<readonly DraftCard[]>([]);
    this.provider = new WebsocketProvider(`${wsBase}/ws`, `${boardId}/drafts/${participant.id}`, this.doc, {
      params: {
        v: String(PROTOCOL_VERSION),
        ...(token ? { token } : {}),
        [PARTICIPANT_SECRET_PARAM]: participant.secret,
      },
    });
    this.doc.on('update', this.refresh);
  }

  add(input: AddCardInput): CardId {
    const id = createCardId();
    const { stageId, laneId, kind, index: _index, id: _id, ...fields } = input;
    const order = this.cards.get().length + 1;
    this.doc.transact(() => {
      cardsMap(this.doc).set(id, recordFrom({ text: '', ...fields, kind, cell: { stageId, laneId, order } }));
    }, DRAFT_ORIGIN);
    return id;
  }

  setText(id: CardId, text: string): void {
    const record = cardsMap(this.doc).get(id);
    if (record) this.doc.transact(() => record.set('text', text), DRAFT_ORIGIN);
  }

  remove(id: CardId): void {
    this.doc.transact(() => cardsMap(this.doc).delete(id), DRAFT_ORIGIN);
  }

  destroy(): void {
    this.doc.off('update', this.refresh);
    this.provider.destroy();
    this.doc.destroy();
  }

  private readonly refresh = (): void => {
    const list: DraftCard[] = [];
    cardsMap(this.doc).forEach((record: RecordMap, id) => {
      if (!(record instanceof Y.Map)) return;
      const cell = readCellOf(record);
      const kind = record.get('kind');
      const text = record.get('text');
      list.push({
        id: id as CardId,
        kind: (typeof kind === 'string' ? kind : 'note') as CardKind,
        text: typeof text === 'string' ? text : '',
        stageId: cell?.stageId ?? '',
        laneId: cell?.laneId ?? '',
        order: cell?.order ?? 0,
      });
    });
    this.cards.set(list.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)));
  };
}
