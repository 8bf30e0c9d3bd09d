import { addCard, boardToDoc, docToBoard, linkCards, updateCard, type Board, type BoardId, type CardId } from '@rejse/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeLayout } from './layout.ts';
import { boardToEdges, boardToNodes, createNodeCache, reconcileNodes } from './toFlow.ts';
import { BoardBinding } from '../doc/binding.ts';
import { nodeId, type BoardNode } from './types.ts';

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
