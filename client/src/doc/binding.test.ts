import {
  addCard,
  addCustomChannel,
  cardsMap,
  docToBoard,
  setBoardTitle,
  stagesMap,
  editCardText,
  updateCard,
  type Board,
  type BoardId,
  type CardId,
} from '@rejse/shared';
import { applyRandomOp, createRng } from '@rejse/shared/testing';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardBinding, cardsChangedSince } from './binding.ts';

const BOARD = 'bound' as BoardId;

/** A board of two stages, two lanes and `cards` cards, written through the shared operations. */
function boardDoc(cards: number): Y.Doc {
  const doc = new Y.Doc();
  const rng = createRng(7);
  // The random generator makes a grid first (a blank doc has none), then cards.
  while (docToBoard(doc, BOARD).stages.length < 2 || docToBoard(doc, BOARD).lanes.length < 2) applyRandomOp(doc, rng, BOARD);
  const { stages, lanes } = docToBoard(doc, BOARD);
  for (let i = 0; i < cards; i += 1) {
    addCard(doc, { stageId: stages[i % 2]!.id, laneId: lanes[(i >> 1) % 2]!.id, kind: 'note', text: `card ${i}` });
  }
  return doc;
}

/** Another replica's update, applied as the provider applies it. */
function remote(doc: Y.Doc, edit: (other: Y.Doc) => void): void {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(other);
  edit(other);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'remote');
  other.destroy();
}

describe('BoardBinding', () => {
  it('reads the board exactly as docToBoard does, through any sequence of edits and remote updates', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const doc = new Y.Doc();
      const binding = new BoardBinding(doc, BOARD);
      const rng = createRng(seed);
      for (let step = 0; step < 150; step += 1) {
        if (rng.chance(0.3)) remote(doc, (other) => applyRandomOp(other, rng, BOARD));
        else applyRandomOp(doc, rng, BOARD);
        // Read now and then, so several updates are sometimes applied together.
        if (rng.chance(0.6)) expect(binding.getBoard(), `seed ${seed}, step ${step}`).toEqual(docToBoard(doc, BOARD));
      }
      expect(binding.getBoard()).toEqual(docToBoard(doc, BOARD));
      binding.destroy();
    }
  });

  it('gives back the same objects for every record a remote keystroke did not touch', () => {
    const doc = boardDoc(40);
    const binding = new BoardBinding(doc, BOARD);
    const before = binding.getBoard();
    const typed = before.cards[5]!;

    remote(doc, (other) => updateCard(other, typed.id, { text: `${typed.text}x` }));
    const after = binding.getBoard();

    expect(after).not.toBe(before);
    expect(after.cards.find((c) => c.id === typed.id)?.text).toBe(`${typed.text}x`);
    after.cards.forEach((card, i) => {
      if (card.id !== typed.id) expect(card).toBe(before.cards[i]);
    });
    expect(after.stages).toBe(before.stages);
    expect(after.lanes).toBe(before.lanes);
    expect(after.links).toBe(before.links);
    expect(after.personas).toBe(before.personas);
    // Nothing new: the same board object.
    expect(binding.getBoard()).toBe(after);
  });

  it('names the cards that changed in place since any of the last boards, or says it does not know', () => {
    for (const seed of [21, 22, 23]) {
      const doc = boardDoc(30);
      const binding = new BoardBinding(doc, BOARD);
      const rng = createRng(seed);
      const seen: Board[] = [binding.getBoard()];
      let patched = 0;
      for (let step = 0; step < 200; step += 1) {
        const { cards } = binding.getBoard();
        const card = cards.length > 0 && rng.chance(0.7) ? rng.pick(cards) : null;
        const edit = (replica: Y.Doc) => {
          if (card) editCardText(replica, card.id, 'text', { index: 0, remove: 0, insert: 'k' });
          else applyRandomOp(replica, rng, BOARD);
        };
        if (rng.chance(0.5)) remote(doc, edit);
        else edit(doc);
        const board = binding.getBoard();
        seen.push(board);
        // Against a board a few reads back (the canvas may have skipped some).
        const known = seen[Math.max(0, seen.length - 1 - rng.int(4))]!;
        const changed = cardsChangedSince(board, known);
        if (!changed) continue;
        patched += 1;
        expect(board.cards.map((c) => c.id)).toEqual(known.cards.map((c) => c.id));
        board.cards.forEach((c, i) => {
          if (!changed.has(c.id)) expect(c, `seed ${seed}, step ${step}`).toBe(known.cards[i]);
        });
      }
      expect(patched).toBeGreaterThan(100);
      binding.destroy();
    }
  });

  it('follows the board’s own channels, keeping the list while its names stay the same', () => {
    const doc = boardDoc(2);
    const binding = new BoardBinding(doc, BOARD);
    expect(binding.getBoard().customChannels).toBeUndefined();
    remote(doc, (other) => addCustomChannel(other, 'MitID'));
    const first = binding.getBoard().customChannels;
    expect(first).toEqual(['MitID']);
    expect(binding.getBoard()).toEqual(docToBoard(doc, BOARD));
    setBoardTitle(doc, 'Renamed');
    expect(binding.getBoard().customChannels).toBe(first);
    addCustomChannel(doc, 'Vipps');
    expect(binding.getBoard().customChannels).toEqual(['MitID', 'Vipps']);
  });

  it('keeps the board object when an update writes the values it already had', () => {
    const doc = boardDoc(4);
    const binding = new BoardBinding(doc, BOARD);
    const before = binding.getBoard();
    const card = before.cards[0]!;
    doc.transact(() => cardsMap(doc).get(card.id)?.set('text', card.text));
    expect(binding.getBoard()).toBe(before);
  });

  it('moves the cards of a stage removed by another user to the first stage, as docToBoard does', () => {
    const doc = boardDoc(12);
    const binding = new BoardBinding(doc, BOARD);
    const gone = binding.getBoard().stages[1]!;
    const count = binding.getBoard().cards.length;
    remote(doc, (other) => {
      // A concurrent removal that left its cards behind (no disposition reached them).
      stagesMap(other).get(gone.id)?.set('removed', true);
    });
    const board = binding.getBoard();
    expect(board).toEqual(docToBoard(doc, BOARD));
    expect(board.cards.every((c) => c.stageId !== gone.id)).toBe(true);
    expect(board.cards).toHaveLength(count);
  });

  it('reads a damaged field as its default, and drops a record that is not a card', () => {
    const doc = boardDoc(3);
    const binding = new BoardBinding(doc, BOARD);
    const card = binding.getBoard().cards[0]!;
    doc.transact(() => {
      cardsMap(doc).get(card.id)?.set('emotion', 'very sad');
      cardsMap(doc).get(card.id)?.set('text', 42);
      (cardsMap(doc) as unknown as Y.Map<unknown>).set('not-a-card' as CardId, 'text');
    });
    const board = binding.getBoard();
    expect(board).toEqual(docToBoard(doc, BOARD));
    expect(board.cards.find((c) => c.id === card.id)).toMatchObject({ text: '' });
    expect(board.cards.find((c) => c.id === card.id)?.emotion).toBeUndefined();
  });
});
