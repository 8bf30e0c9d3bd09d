import * as Y from 'yjs';
import type { Board } from '../schema/board.ts';
import {
  CARDS,
  LANES,
  PERSONAS,
  STAGES,
  cardsMap,
  lanesMap,
  linksMap,
  metaMap,
  personasMap,
  cadenceRulesMap,
  recordFrom,
  scenariosMap,
  stagesMap,
} from './layout.ts';
import { recordWithText } from './text.ts';
import { customChannelKey } from './custom-channels.ts';
import { spreadPersonaEmotions } from './persona-emotions.ts';
import { writeOutcomes } from './board-file.ts';
import { SEED_ORIGIN } from './origins.ts';

/** Writes a plain board into an empty document (seeding, templates, imports). */
export function writeBoardInto(doc: Y.Doc, board: Board, origin: unknown = SEED_ORIGIN): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('title', board.title);
    meta.set('schemaVersion', board.schemaVersion);
    meta.set('locale', board.locale);
    meta.set('currency', board.currency);
    meta.set('activePersonaId', board.activePersonaId);
    for (const name of board.customChannels ?? []) meta.set(customChannelKey(name), name);
    board.stages.forEach((stage, index) => {
      stagesMap(doc).set(stage.id, recordWithText(STAGES, { title: stage.title, order: index + 1 }));
    });
    board.lanes.forEach((lane, index) => {
      lanesMap(doc).set(lane.id, recordWithText(LANES, { title: lane.title, kind: lane.kind, order: index + 1 }));
    });
    board.personas.forEach((persona, index) => {
      const { id, ...fields } = persona;
      personasMap(doc).set(id, recordWithText(PERSONAS, { ...fields, order: index + 1 }));
    });
    for (const card of board.cards) {
      const { id, stageId, laneId, order, ...fields } = card;
      cardsMap(doc).set(id, recordWithText(CARDS, spreadPersonaEmotions({ ...fields, cell: { stageId, laneId, order } })));
    }
    for (const link of board.links) {
      linksMap(doc).set(link.id, { from: link.from, to: link.to });
    }
    board.scenarios.forEach(({ id, ...fields }, index) => {
      scenariosMap(doc).set(id, recordFrom({ ...fields, order: index + 1 }));
    });
    board.cadenceRules.forEach(({ id, ...fields }, index) => {
      cadenceRulesMap(doc).set(id, recordFrom({ ...fields, order: index + 1 }));
    });
    if (board.outcomes) writeOutcomes(doc, board.outcomes);
  }, origin);
}

export function boardToDoc(board: Board): Y.Doc {
  const doc = new Y.Doc();
  writeBoardInto(doc, board);
  return doc;
}
