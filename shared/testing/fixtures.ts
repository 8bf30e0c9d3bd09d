import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, type Board } from '../src/schema/board.ts';
import type { BoardId, CardId, LaneId, LinkId, StageId } from '../src/ids.ts';
import { writeBoardInto } from '../src/doc/write.ts';

/** A small, valid board: three stages, three lanes, a touchpoint, a pain and an idea linked to it. */
export function smallBoard(): Board {
  return {
    id: 'board1' as BoardId,
    title: 'Collection letters',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    scenarios: [],
    cadenceRules: [],
    locale: 'en',
    currency: 'DKK',
    personas: [],
    activePersonaId: null,
    stages: [
      { id: 's_invoice' as StageId, title: 'Invoice' },
      { id: 's_reminder' as StageId, title: 'Reminder' },
      { id: 's_paid' as StageId, title: 'Paid' },
    ],
    lanes: [
      { id: 'l_touch' as LaneId, title: 'Touchpoints', kind: 'touchpoints' },
      { id: 'l_pains' as LaneId, title: 'Pain points', kind: 'pains' },
      { id: 'l_ideas' as LaneId, title: 'Ideas', kind: 'ideas' },
    ],
    cards: [
      {
        id: 'c_letter' as CardId,
        kind: 'touchpoint',
        stageId: 's_reminder' as StageId,
        laneId: 'l_touch' as LaneId,
        order: 1,
        text: 'First reminder letter',
        channel: 'letter',
        emotion: -1,
        metrics: { yearlyVolume: 1_000_000 },
      },
      {
        id: 'c_pain' as CardId,
        kind: 'pain',
        stageId: 's_reminder' as StageId,
        laneId: 'l_pains' as LaneId,
        order: 1,
        text: 'Which product is this claim about?',
      },
      {
        id: 'c_idea' as CardId,
        kind: 'idea',
        stageId: 's_reminder' as StageId,
        laneId: 'l_ideas' as LaneId,
        order: 1,
        text: 'Name the original creditor on the letter',
        impact: 4,
        effort: 2,
        status: 'proposed',
      },
    ],
    links: [{ id: 'k_1' as LinkId, from: 'c_idea' as CardId, to: 'c_pain' as CardId }],
  };
}

export function docOf(board: Board): Y.Doc {
  const doc = new Y.Doc();
  writeBoardInto(doc, board);
  return doc;
}

/** Copies every update of `a` into `b` and back: two replicas exchanging state. */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}
