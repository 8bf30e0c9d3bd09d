import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { CardId, LaneId, StageId } from '../ids.ts';
import { validateBoard } from '../schema/board.ts';
import { docOf, smallBoard, syncDocs } from '../../testing/fixtures.ts';
import {
  addCard,
  addLane,
  addStage,
  BoardOpError,
  countCardsIn,
  deleteCard,
  linkCards,
  moveCard,
  moveCards,
  moveLane,
  moveStage,
  removeLane,
  removeStage,
  renameLane,
  renameStage,
  unlinkCards,
  updateCard,
} from './ops.ts';
import { setBoardTitle } from './board-ops.ts';
import { docToBoard } from './read.ts';

const S = (id: string) => id as StageId;
const L = (id: string) => id as LaneId;
const C = (id: string) => id as CardId;

function fresh() {
  const doc = docOf(smallBoard());
  const read = () => docToBoard(doc, 'board1');
  return { doc, read };
}

function cellTexts(board: ReturnType<typeof docToBoard>, stageId: string, laneId: string): string[] {
  return board.cards.filter((c) => c.stageId === stageId && c.laneId === laneId).map((c) => c.text);
}

describe('card operations', () => {
  it('adds a card at the end of its cell, or at a given index', () => {
    const { doc, read } = fresh();
    addCard(doc, { stageId: S('s_invoice'), laneId: L('l_touch'), kind: 'touchpoint', text: 'B' });
    addCard(doc, { stageId: S('s_invoice'), laneId: L('l_touch'), kind: 'touchpoint', text: 'C' });
    addCard(doc, { stageId: S('s_invoice'), laneId: L('l_touch'), kind: 'touchpoint', text: 'A', index: 0 });
    expect(cellTexts(read(), 's_invoice', 'l_touch')).toEqual(['A', 'B', 'C']);
    expect(validateBoard(read()).ok).toBe(true);
  });

  it('refuses a card in a stage that does not exist, and invalid field values', () => {
    const { doc } = fresh();
    expect(() => addCard(doc, { stageId: S('nope'), laneId: L('l_touch'), kind: 'note' })).toThrow(BoardOpError);
    expect(() => addCard(doc, { stageId: S('s_invoice'), laneId: L('l_touch'), kind: 'touchpoint', emotion: 5 as never })).toThrow(
      /not a valid emotion/,
    );
    expect(() => addCard(doc, { stageId: S('s_invoice'), laneId: L('l_touch'), kind: 'note', text: 'x'.repeat(2001) })).toThrow(
      /longer than 2000/,
    );
  });

  it('updates fields and clears one with null', () => {
    const { doc, read } = fresh();
    updateCard(doc, C('c_letter'), { text: 'Reminder SMS', channel: 'sms', emotion: null });
    const card = read().cards.find((c) => c.id === 'c_letter')!;
    expect(card).toMatchObject({ text: 'Reminder SMS', channel: 'sms' });
    expect(card.emotion).toBeUndefined();
  });

  it('moves a card to another cell at an index, keeping the others in order', () => {
    const { doc, read } = fresh();
    const a = addCard(doc, { stageId: S('s_paid'), laneId: L('l_touch'), kind: 'touchpoint', text: 'A' });
    addCard(doc, { stageId: S('s_paid'), laneId: L('l_touch'), kind: 'touchpoint', text: 'B' });
    moveCard(doc, C('c_letter'), { stageId: S('s_paid'), laneId: L('l_touch'), index: 1 });
    expect(cellTexts(read(), 's_paid', 'l_touch')).toEqual(['A', 'First reminder letter', 'B']);
    moveCard(doc, a, { stageId: S('s_paid'), laneId: L('l_touch') });
    expect(cellTexts(read(), 's_paid', 'l_touch')).toEqual(['First reminder letter', 'B', 'A']);
  });

  it('moves several cards into one cell keeping their relative order', () => {
    const { doc, read } = fresh();
    addCard(doc, { stageId: S('s_paid'), laneId: L('l_ideas'), kind: 'idea', text: 'X' });
    moveCards(doc, [C('c_pain'), C('c_idea')], { stageId: S('s_paid'), laneId: L('l_ideas'), index: 0 });
    expect(cellTexts(read(), 's_paid', 'l_ideas')).toEqual([
      'Which product is this claim about?',
      'Name the original creditor on the letter',
      'X',
    ]);
  });

  it('deleting a card removes its links', () => {
    const { doc, read } = fresh();
    deleteCard(doc, C('c_pain'));
    expect(read().cards.map((c) => c.id)).not.toContain('c_pain');
    expect(read().links).toEqual([]);
  });

  it('links two cards once, refuses self-links, and unlinks', () => {
    const { doc, read } = fresh();
    const again = linkCards(doc, C('c_pain'), C('c_idea'));
    expect(read().links).toHaveLength(1);
    expect(again).toBe(read().links[0]!.id);
    expect(() => linkCards(doc, C('c_idea'), C('c_idea'))).toThrow(/itself/);
    const other = linkCards(doc, C('c_idea'), C('c_letter'));
    expect(read().links).toHaveLength(2);
    unlinkCards(doc, other);
    expect(read().links.map((l) => l.to)).toEqual(['c_pain']);
  });

  it('a move and a concurrent text edit of the same card both survive', () => {
    const a = docOf(smallBoard());
    const b = new Y.Doc();
    syncDocs(a, b);
    moveCard(a, C('c_letter'), { stageId: S('s_paid'), laneId: L('l_touch') });
    updateCard(b, C('c_letter'), { text: 'Reminder with creditor name' });
    syncDocs(a, b);
    const card = docToBoard(a, 'board1').cards.find((c) => c.id === 'c_letter')!;
    expect(card).toMatchObject({ stageId: 's_paid', text: 'Reminder with creditor name' });
    expect(docToBoard(a, 'board1')).toEqual(docToBoard(b, 'board1'));
  });
});

describe('stage and lane operations', () => {
  it('adds, renames and reorders stages', () => {
    const { doc, read } = fresh();
    const due = addStage(doc, 'Due date', 1);
    renameStage(doc, S('s_paid'), 'Paid invoice');
    expect(read().stages.map((s) => s.title)).toEqual(['Invoice', 'Due date', 'Reminder', 'Paid invoice']);
    moveStage(doc, due, 3);
    expect(read().stages.map((s) => s.title)).toEqual(['Invoice', 'Reminder', 'Paid invoice', 'Due date']);
    moveStage(doc, due, 0);
    expect(read().stages[0]!.title).toBe('Due date');
  });

  it('adds, renames and reorders lanes', () => {
    const { doc, read } = fresh();
    const backstage = addLane(doc, 'Backstage', 'backstage');
    renameLane(doc, L('l_touch'), 'Touchpoints & channels');
    moveLane(doc, backstage, 0);
    expect(read().lanes.map((l) => [l.title, l.kind])).toEqual([
      ['Backstage', 'backstage'],
      ['Touchpoints & channels', 'touchpoints'],
      ['Pain points', 'pains'],
      ['Ideas', 'ideas'],
    ]);
  });

  it('refuses to remove a stage that holds cards unless told what to do with them', () => {
    const { doc, read } = fresh();
    expect(countCardsIn(doc, 'stage', 's_reminder')).toBe(3);
    try {
      removeStage(doc, S('s_reminder'));
      expect.unreachable('removal should have been refused');
    } catch (error) {
      expect(error).toBeInstanceOf(BoardOpError);
      expect((error as BoardOpError).code).toBe('not-empty');
      expect((error as BoardOpError).count).toBe(3);
    }
    expect(read().stages).toHaveLength(3);
    expect(read().cards).toHaveLength(3);
  });

  it('removing a stage can move its cards into the same lanes of another stage', () => {
    const { doc, read } = fresh();
    addCard(doc, { stageId: S('s_paid'), laneId: L('l_touch'), kind: 'touchpoint', text: 'Receipt' });
    removeStage(doc, S('s_reminder'), { cards: 'move', to: 's_paid' });
    const board = read();
    expect(board.stages.map((s) => s.id)).toEqual(['s_invoice', 's_paid']);
    expect(cellTexts(board, 's_paid', 'l_touch')).toEqual(['Receipt', 'First reminder letter']);
    expect(cellTexts(board, 's_paid', 'l_pains')).toEqual(['Which product is this claim about?']);
    expect(board.links).toHaveLength(1);
    expect(validateBoard(board).ok).toBe(true);
  });

  it('removing a lane can delete its cards and their links', () => {
    const { doc, read } = fresh();
    removeLane(doc, L('l_pains'), { cards: 'delete' });
    expect(read().lanes.map((l) => l.id)).toEqual(['l_touch', 'l_ideas']);
    expect(read().cards.map((c) => c.id)).toEqual(['c_letter', 'c_idea']);
    expect(read().links).toEqual([]);
  });

  it('an empty stage is removed without asking, the last stage never', () => {
    const { doc, read } = fresh();
    removeStage(doc, S('s_invoice'));
    removeStage(doc, S('s_reminder'), { cards: 'delete' });
    expect(() => removeStage(doc, S('s_paid'))).toThrow(/at least one stage/);
    expect(read().stages.map((s) => s.id)).toEqual(['s_paid']);
  });

  it('sets the board title within the length limit', () => {
    const { doc, read } = fresh();
    setBoardTitle(doc, 'Dunning journey 2026');
    expect(read().title).toBe('Dunning journey 2026');
    expect(() => setBoardTitle(doc, 'x'.repeat(201))).toThrow(BoardOpError);
  });

  it('each operation is one transaction, so it is one update on the wire', () => {
    const { doc } = fresh();
    let updates = 0;
    doc.on('update', () => (updates += 1));
    removeStage(doc, S('s_reminder'), { cards: 'move', to: 's_paid' });
    expect(updates).toBe(1);
  });
});

describe('a grid whose every lane was removed concurrently', () => {
  it('stays usable: the lanes the reader shows again accept new cards', () => {
    const a = docOf(smallBoard());
    const b = new Y.Doc();
    syncDocs(a, b);
    removeLane(a, L('l_touch'), { cards: 'delete' });
    removeLane(a, L('l_pains'), { cards: 'delete' });
    removeLane(b, L('l_ideas'), { cards: 'delete' });
    syncDocs(a, b);
    const board = docToBoard(a, 'board1');
    expect(board.lanes.length).toBe(3);
    const id = addCard(a, { stageId: S('s_paid'), laneId: board.lanes[0]!.id, kind: 'note', text: 'still here' });
    expect(docToBoard(a, 'board1').cards.map((c) => c.id)).toContain(id);
  });
});
