import {
  addCard,
  boardToDoc,
  CARD_KINDS,
  docToBoard,
  editCardText,
  EMOTIONS,
  layoutGrid,
  linkCards,
  updateCard,
  type Board,
  type BoardId,
  type Card,
  type CardId,
} from '@rejse/shared';
import { applyRandomOp, createRng } from '@rejse/shared/testing';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeLayout } from './layout.ts';
import { createNodeCache } from './flowCache.ts';
import { boardToEdges } from './toEdges.ts';
import { boardToNodes, reconcileNodes, type CardFigures, type CardLabel } from './toFlow.ts';
import { BoardBinding } from '../doc/binding.ts';
import { mergeMapBoard, type MergedBoard } from '../doc/mapLayers.ts';
import type { BoardNode } from './types.ts';

function smallBoard(): Board {
  return {
    id: 'b1' as BoardId,
    title: 'Test',
    schemaVersion: 4,
    scenarios: [],
    cadenceRules: [],
    locale: 'en',
    currency: 'EUR',
    personas: [],
    activePersonaId: null,
    stages: [
      { id: 's1', title: 'Invoice' },
      { id: 's2', title: 'Reminder' },
    ] as Board['stages'],
    lanes: [
      { id: 'l1', title: 'Touchpoints', kind: 'touchpoints' },
      { id: 'l2', title: 'Pain points', kind: 'pains' },
      { id: 'l3', title: 'Emotions', kind: 'emotions' },
    ] as Board['lanes'],
    cards: [],
    links: [],
  };
}

const byType = (nodes: BoardNode[], type: BoardNode['type']) => nodes.filter((n) => n.type === type);

describe('board to React Flow nodes', () => {
  it('derives a cell per stage and lane, a header per stage and lane, the curve, and the add buttons', () => {
    const board = smallBoard();
    const nodes = boardToNodes(board, computeLayout(board));
    expect(byType(nodes, 'cell')).toHaveLength(6);
    expect(byType(nodes, 'stage').map((n) => n.data)).toEqual([
      { stageId: 's1', title: 'Invoice', index: 0, count: 2 },
      { stageId: 's2', title: 'Reminder', index: 1, count: 2 },
    ]);
    expect(byType(nodes, 'lane')).toHaveLength(3);
    expect(byType(nodes, 'emotion')).toHaveLength(1);
    expect(byType(nodes, 'addStage')).toHaveLength(1);
    expect(byType(nodes, 'addLane')).toHaveLength(1);
    for (const node of nodes) {
      if (node.type !== 'card') expect(node).toMatchObject({ draggable: false, selectable: false, deletable: false });
    }
  });

  it('places cards at their cell with plain, serialisable data and an accessible name', () => {
    const doc = boardToDoc(smallBoard());
    const a = addCard(doc, {
      stageId: 's2' as never,
      laneId: 'l2' as never,
      kind: 'pain',
      text: 'Fee without a reason',
    });
    const b = addCard(doc, {
      stageId: 's1' as never,
      laneId: 'l1' as never,
      kind: 'touchpoint',
      text: 'Invoice',
      channel: 'letter',
      emotion: -1,
    });
    linkCards(doc, a, b);
    const board = docToBoard(doc, 'b1');
    const layout = computeLayout(board);
    const nodes = boardToNodes(board, layout, (kind, text) => `${kind}: ${text}`);
    const card = nodes.find((n) => n.id === a);
    expect(card).toMatchObject({
      type: 'card',
      position: { x: layout.cards.get(a)!.x, y: layout.cards.get(a)!.y },
      ariaLabel: 'pain: Fee without a reason',
      data: { kind: 'pain', stageId: 's2', laneId: 'l2', channel: null, emotion: null, linkCount: 1 },
    });
    expect(JSON.parse(JSON.stringify(nodes))).toEqual(nodes);
    const edges = boardToEdges(board, layout);
    expect(edges).toHaveLength(1);
    // The pain card is in the lower lane, so its link leaves from its top towards the touchpoint.
    expect(edges[0]).toMatchObject({ source: a, target: b, sourceHandle: 'top', targetHandle: 'bottom' });
  });

  it('keeps the previous object of every node that did not change, so React skips re-rendering it', () => {
    const doc = boardToDoc(smallBoard());
    const a = addCard(doc, { stageId: 's1' as never, laneId: 'l1' as never, kind: 'touchpoint', text: 'One' });
    const b = addCard(doc, { stageId: 's2' as never, laneId: 'l1' as never, kind: 'touchpoint', text: 'Two' });
    const first = docToBoard(doc, 'b1');
    const before = boardToNodes(first, computeLayout(first));
    updateCard(doc, b as CardId, { text: 'Two, edited' });
    const second = docToBoard(doc, 'b1');
    const after = reconcileNodes(new Map(before.map((n) => [n.id, n])), boardToNodes(second, computeLayout(second)));
    const find = (list: BoardNode[], id: string) => list.find((n) => n.id === id);
    expect(find(after, a)).toBe(find(before, a));
    expect(find(after, b)).not.toBe(find(before, b));
    expect(find(after, 'stage:s1')).toBe(find(before, 'stage:s1'));
  });

  it('re-derives only the node of the card a remote keystroke changed (records from the doc binding)', () => {
    const doc = boardToDoc(smallBoard());
    const ids: CardId[] = [];
    for (let i = 0; i < 12; i += 1) {
      ids.push(
        addCard(doc, {
          stageId: (i % 2 ? 's2' : 's1') as never,
          laneId: (i % 3 ? 'l1' : 'l2') as never,
          kind: i % 3 ? 'touchpoint' : 'pain',
          text: `Card ${i}`,
        }),
      );
    }
    linkCards(doc, ids[0]!, ids[1]!);
    const binding = new BoardBinding(doc, 'b1' as BoardId);
    const cache = createNodeCache();
    const first = binding.getBoard();
    const before = boardToNodes(first, computeLayout(first), undefined, undefined, cache);
    const edgesBefore = boardToEdges(first, computeLayout(first), undefined, cache);

    const typed = ids[4]!;
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const vector = Y.encodeStateVector(remote);
    updateCard(remote, typed, { text: 'Card 4, edited' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, vector), 'remote');

    const second = binding.getBoard();
    const after = boardToNodes(second, computeLayout(second), undefined, undefined, cache);
    const previous = new Map(before.map((n) => [n.id, n]));
    const changed = after.filter((n) => previous.get(n.id) !== n).map((n) => n.id);
    // The emotion curve is derived again (a touchpoint changed), equal: it keeps its object.
    expect(changed).toEqual([typed]);
    expect(after.find((n) => n.id === typed)?.data).toMatchObject({ text: 'Card 4, edited' });
    // And the result is what a derivation from scratch gives.
    expect(after).toEqual(boardToNodes(docToBoard(doc, 'b1'), computeLayout(docToBoard(doc, 'b1'))));
    const edgesAfter = boardToEdges(second, computeLayout(second), undefined, cache);
    expect(edgesAfter[0]).toBe(edgesBefore[0]);
  });
});

describe('patched nodes, edges and layout after random edits', () => {
  const BOARD = 'fuzzed' as BoardId;
  const label: CardLabel = (kind, text, isPrivate) => `${isPrivate ? 'private ' : ''}${kind}: ${text}`;
  const figures: CardFigures = (card) => (card.metrics ? JSON.stringify(card.metrics) : null);
  const linkLabel = (from: string, to: string) => `${from} → ${to}`;

  /** Another replica's edit, applied as the provider applies it. */
  function remote(doc: Y.Doc, edit: (other: Y.Doc) => void): void {
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const vector = Y.encodeStateVector(other);
    edit(other);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, vector), 'remote');
    other.destroy();
  }

  /** Mostly keystrokes (a Y.Text insert or delete), some emotion and kind changes, and any board edit. */
  function randomEdit(doc: Y.Doc, rng: ReturnType<typeof createRng>): void {
    const { cards } = docToBoard(doc, BOARD);
    const roll = rng.next();
    if (cards.length === 0 || roll < 0.25) {
      applyRandomOp(doc, rng, BOARD);
      return;
    }
    const card = rng.pick(cards);
    if (roll < 0.8) {
      const typed = rng.chance(0.8) || card.text.length === 0;
      const index = rng.int(card.text.length + 1);
      const edit = typed
        ? { index, remove: 0, insert: rng.pick(['a', ' ', 'word ', '\n', 'x'.repeat(40)]) }
        : { index: Math.max(0, index - 1), remove: 1, insert: '' };
      try {
        editCardText(doc, card.id, rng.chance(0.9) ? 'text' : 'thought', edit);
      } catch {
        // Too long: a refusal, as for a user.
      }
    } else if (roll < 0.9) {
      updateCard(doc, card.id, { emotion: rng.pick(EMOTIONS) });
    } else {
      updateCard(doc, card.id, { kind: rng.pick(CARD_KINDS) });
    }
  }

  it('equal a derivation from scratch after every step, with and without private cards', { timeout: 60_000 }, () => {
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      // Touchpoint, pain and emotion lanes: the curve is drawn.
      const doc = boardToDoc({ ...smallBoard(), id: BOARD });
      const rng = createRng(seed);
      const { stages, lanes } = docToBoard(doc, BOARD);
      for (let i = 0; i < 30; i += 1) {
        const kind = rng.pick(CARD_KINDS);
        addCard(doc, {
          stageId: rng.pick(stages).id,
          laneId: rng.pick(lanes).id,
          kind,
          text: `card ${i}`,
          ...(kind === 'touchpoint' ? { emotion: rng.pick(EMOTIONS) } : {}),
        });
      }
      const ids = docToBoard(doc, BOARD).cards.map((c) => c.id);
      for (let i = 0; i < 12; i += 1) {
        try {
          linkCards(doc, rng.pick(ids), rng.pick(ids));
        } catch {
          // The same card twice: refused.
        }
      }
      const binding = new BoardBinding(doc, BOARD);
      const cache = createNodeCache();
      // This person's private cards (drafts in their own document), sometimes.
      let own: Card[] = [];
      const owned: Card[][] = [own];
      let merged: MergedBoard | null = null;
      for (let step = 0; step < 120; step += 1) {
        const edits = 1 + rng.int(3);
        for (let i = 0; i < edits; i += 1) {
          if (rng.chance(0.5)) remote(doc, (other) => randomEdit(other, rng));
          else randomEdit(doc, rng);
          // A board read between frames (an event handler), which the canvas never derives from.
          if (rng.chance(0.2)) computeLayout(binding.getBoard());
        }
        const roll = rng.next();
        if (roll < 0.1) {
          const board = binding.getBoard();
          own = rng.chance(0.5) || board.stages.length === 0 ? [] : [draft(board, step)];
        } else if (roll < 0.4 && own.length > 0) {
          own = own.map((card) => ({ ...card, text: `${card.text}!` }));
        } else if (roll > 0.9) {
          // An earlier list of drafts again (an undo in the person's own document): old objects reappear.
          own = rng.pick(owned);
        }
        owned.push(own);
        merged = mergeMapBoard(merged, binding.getBoard(), own);
        const { board, privateIds } = merged;
        const layout = computeLayout(board);
        // Now and then the map is seen from far for a step: only the grid's and the curve's nodes.
        if (rng.chance(0.15)) {
          const far = boardToNodes(board, layout, label, figures, cache, privateIds, false);
          const whole = boardToNodes(board, layout, label, figures, createNodeCache(), privateIds);
          expect(far, `seed ${seed}, step ${step}, far`).toEqual(whole.filter((node) => node.type !== 'card'));
          continue;
        }
        const nodes = boardToNodes(board, layout, label, figures, cache, privateIds);
        const edges = boardToEdges(board, layout, linkLabel, cache);

        // From scratch: the document read whole, laid out with no memory, nodes with no cache.
        const fresh = mergeMapBoard(null, docToBoard(doc, BOARD), own);
        const freshLayout = layoutGrid(fresh.board).layout;
        const where = `seed ${seed}, step ${step}`;
        expect(board, where).toEqual(fresh.board);
        expect(layout, where).toEqual(freshLayout);
        expect(nodes, where).toEqual(boardToNodes(fresh.board, freshLayout, label, figures, createNodeCache(), fresh.privateIds));
        expect(edges, where).toEqual(boardToEdges(fresh.board, freshLayout, linkLabel, createNodeCache()));
      }
      binding.destroy();
    }
  });
});

/** A private card in the board's first cell, as a person's draft: a note, or a rated touchpoint on the curve. */
function draft(board: Board, step: number): Card {
  const cell = { stageId: board.stages[0]!.id, laneId: board.lanes[0]!.id, order: step };
  const id = `c_draft${step}` as CardId;
  return step % 2
    ? { id, kind: 'touchpoint', emotion: 1, ...cell, text: `draft ${step}` }
    : { id, kind: 'note', ...cell, text: `draft ${step}` };
}
