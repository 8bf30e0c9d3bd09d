import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { docOf, smallBoard, syncDocs } from '../../testing/fixtures.ts';
import { expectedRepairs, rawReferenceViolations, rawShapeViolations } from '../../testing/raw-invariants.ts';
import type { CardId, LaneId, StageId } from '../ids.ts';
import { facilitationMap } from '../facilitation/layout.ts';
import { cardsMap, lanesMap, linksMap, metaMap, personasMap, stagesMap } from './layout.ts';
import { addPersona, linkCards, moveCard, removePersona, removeStage, setActivePersona, updateCard } from './ops.ts';
import { LOCAL_ORIGIN } from './origins.ts';
import { docToBoard, readBoardWithRepairs } from './read.ts';

const told = (doc: Y.Doc) =>
  readBoardWithRepairs(doc, 'b')
    .repairs.map((r) => `${r.kind} ${r.path}`)
    .sort();
const replicaOf = (doc: Y.Doc, clientID: number) => {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe("the reader's repairs", () => {
  it('a board written whole needs none, and its raw document breaks no invariant', () => {
    const doc = docOf(smallBoard());
    expect(told(doc)).toEqual([]);
    expect(rawShapeViolations(doc)).toEqual([]);
    expect(rawReferenceViolations(doc)).toEqual([]);
  });

  it('listening changes nothing that is read', () => {
    const doc = docOf(smallBoard());
    stagesMap(doc).get('s_reminder')!.set('removed', true);
    linksMap(doc).set('k_bad', { from: 'c_pain', to: 'c_gone' });
    expect(readBoardWithRepairs(doc, 'b').board).toEqual(docToBoard(doc, 'b'));
  });

  it('a card added to a stage another user removed at the same time is put back, and told', () => {
    const a = docOf(smallBoard());
    const b = replicaOf(a, 2);
    removeStage(a, 's_paid' as StageId);
    moveCard(b, 'c_idea' as CardId, { stageId: 's_paid' as StageId, laneId: 'l_ideas' as LaneId });
    syncDocs(a, b);
    expect(told(a)).toEqual(['card-rehomed cards/c_idea']);
    expect(rawReferenceViolations(a)).toEqual([{ rule: 'card-outside-grid', path: 'cards/c_idea' }]);
    expect(docToBoard(a, 'b').cards.find((c) => c.id === 'c_idea')!.stageId).toBe('s_invoice');
  });

  it('a link made while the other user deleted its card is dropped, and told', () => {
    const a = docOf(smallBoard());
    const b = replicaOf(a, 2);
    cardsMap(a).delete('c_letter');
    const link = linkCards(b, 'c_letter' as CardId, 'c_pain' as CardId);
    syncDocs(a, b);
    expect(told(b)).toEqual([`link-dropped links/${link}`]);
    expect(told(b)).toEqual(expectedRepairs(b));
  });

  it('stages removed by two users at once come back, and that is told once', () => {
    const a = docOf(smallBoard());
    removeStage(a, 's_invoice' as StageId);
    const b = replicaOf(a, 2);
    removeStage(a, 's_reminder' as StageId, { cards: 'delete' });
    removeStage(b, 's_paid' as StageId);
    syncDocs(a, b);
    expect(told(a)).toEqual(['axis-revived stages']);
    expect(expectedRepairs(a)).toEqual(['axis-revived stages']);
  });

  it('an active persona removed while another user chose it is cleared, and told', () => {
    const a = docOf(smallBoard());
    const first = addPersona(a, { name: 'Young', description: '', segment: '' });
    const second = addPersona(a, { name: 'Older', description: '', segment: '' });
    const b = replicaOf(a, 2);
    removePersona(a, second);
    setActivePersona(b, second);
    syncDocs(a, b);
    const active = metaMap(a).get('activePersonaId');
    // Whichever write won, the reader's view and its repair report agree.
    expect(told(a)).toEqual(active === second ? ['active-persona-cleared meta/activePersonaId'] : []);
    expect(told(a)).toEqual(expectedRepairs(a));
    expect(active === first || active === second).toBe(true);
  });

  it("undoing a move that overwrote another user's move leaves no cell: the card is put back, and told", () => {
    const a = docOf(smallBoard());
    const b = replicaOf(a, 2);
    const undoA = new Y.UndoManager(cardsMap(a), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const undoB = new Y.UndoManager(cardsMap(b), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    moveCard(a, 'c_letter' as CardId, { stageId: 's_paid' as StageId, laneId: 'l_touch' as LaneId });
    moveCard(b, 'c_letter' as CardId, { stageId: 's_invoice' as StageId, laneId: 'l_pains' as LaneId });
    syncDocs(a, b);
    const winner = (cardsMap(a).get('c_letter')!.get('cell') as { stageId: string }).stageId === 's_paid' ? undoA : undoB;
    winner.undo();
    syncDocs(a, b);
    expect(cardsMap(a).get('c_letter')!.get('cell')).toBeUndefined();
    expect(told(a)).toEqual(['card-rehomed cards/c_letter']);
    expect(told(a)).toEqual(expectedRepairs(a));
  });

  it('a damaged document: every wrong value is told and breaks the raw shape', () => {
    const doc = docOf(smallBoard());
    doc.transact(() => {
      metaMap(doc).set('currency', 'XXX');
      stagesMap(doc).get('s_paid')!.set('title', 7);
      lanesMap(doc).get('l_pains')!.set('kind', 'swimming');
      cardsMap(doc).get('c_idea')!.set('impact', 9);
      cardsMap(doc).get('c_pain')!.set('cell', 'nowhere');
      (cardsMap(doc) as Y.Map<unknown>).set('c_text', 'not a record');
      linksMap(doc).set('k_self', { from: 'c_idea', to: 'c_idea' });
      personasMap(doc).set('p_1', new Y.Map());
      facilitationMap(doc).set('lockBoard', 'yes');
      doc.getMap('elsewhere').set('x', 1);
    });
    expect(told(doc)).toEqual([
      'card-rehomed cards/c_pain',
      'field-defaulted cards/c_idea/impact',
      'field-defaulted lanes/l_pains/kind',
      'field-defaulted meta/currency',
      'field-defaulted personas/p_1/description',
      'field-defaulted personas/p_1/name',
      'field-defaulted personas/p_1/order',
      'field-defaulted personas/p_1/segment',
      'field-defaulted stages/s_paid/title',
      'link-dropped links/k_self',
      'record-skipped cards/c_text',
    ]);
    expect(
      rawShapeViolations(doc)
        .map((v) => `${v.rule} ${v.path}`)
        .sort(),
    ).toEqual([
      'bad-record cards/c_text',
      'bad-record links/k_self',
      'bad-value cards/c_idea/impact',
      'bad-value cards/c_pain/cell',
      'bad-value facilitation/lockBoard',
      'bad-value lanes/l_pains/kind',
      'bad-value meta/currency',
      'bad-value stages/s_paid/title',
      'unknown-root elsewhere',
    ]);
  });

  it('a document with no stage record at all drops its cards, and says so', () => {
    const doc = docOf(smallBoard());
    doc.transact(() => {
      for (const id of [...stagesMap(doc).keys()]) stagesMap(doc).delete(id);
    });
    expect(told(doc)).toEqual([
      'card-dropped cards/c_idea',
      'card-dropped cards/c_letter',
      'card-dropped cards/c_pain',
      'link-dropped links/k_1',
    ]);
    expect(rawShapeViolations(doc)).toEqual([{ rule: 'no-stage-record', path: 'stages' }]);
  });

  it('facilitation leftovers are not violations: a locked card deleted, a focused stage removed', () => {
    const doc = docOf(smallBoard());
    facilitationMap(doc).set('lockedCards', ['c_letter']);
    facilitationMap(doc).set('focusStageId', 's_paid');
    cardsMap(doc).delete('c_letter');
    removeStage(doc, 's_paid' as StageId);
    expect(rawShapeViolations(doc)).toEqual([]);
    expect(rawReferenceViolations(doc)).toEqual([]);
  });

  it('a field changed through the edit operations stays of its type', () => {
    const doc = docOf(smallBoard());
    updateCard(doc, 'c_idea' as CardId, { impact: 5, owner: null });
    expect(rawShapeViolations(doc)).toEqual([]);
    expect(told(doc)).toEqual([]);
  });
});
