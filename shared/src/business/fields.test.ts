import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { docToBoard } from '../doc/read.ts';
import { boardToDoc } from '../doc/write.ts';
import { cardsMap } from '../doc/layout.ts';
import { validateBoard } from '../schema/board.ts';
import { LIMITS } from '../schema/limits.ts';
import { buildBoard, idea, touchpoint } from '../../testing/board-fixtures.ts';

const board = buildBoard({
  stages: ['s_collection'],
  cards: [
    touchpoint('t_letter', 's_collection', -2, {
      channel: 'letter',
      metrics: { yearlyVolume: 1_000_000, costPerContact: 8 },
      message: {
        a: 'You owe us money.',
        b: 'Dear Maria,\n\nYour invoice 1234 from Telco A/S is not paid.',
        inUse: 'a',
      },
    }),
    idea('i_plain', 's_collection', {
      confidence: 4,
      effects: [
        { kind: 'fewer-contacts', touchpointId: 't_letter', share: 0.1 },
        { kind: 'response-rate', touchpointId: 't_letter', rate: 0.43, from: 0 },
        { kind: 'customers-kept', customersPerYear: 500, revenuePerCustomerYear: 5000, lifetimeYears: 5 },
        { kind: 'cost-avoided', touchpointId: 't_letter', amountPerContact: 100 },
      ],
    }),
  ],
});

describe('effects and message texts on cards', () => {
  it('are valid and round-trip through a Y.Doc and an update exactly', () => {
    expect(validateBoard(board)).toMatchObject({ ok: true });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(boardToDoc(board)));
    expect(docToBoard(copy, board.id)).toEqual(board);
  });

  it('a malformed effect list or an oversized letter is left out on reading, the rest of the card kept', () => {
    const doc = boardToDoc(board);
    const ideaRecord = cardsMap(doc).get('i_plain') as Y.Map<unknown>;
    ideaRecord.set('effects', [{ kind: 'fewer-contacts', touchpointId: 't_letter', share: 3 }]);
    const letterRecord = cardsMap(doc).get('t_letter') as Y.Map<unknown>;
    letterRecord.set('message', { a: 'x'.repeat(LIMITS.messageTextLength + 1) });
    const read = docToBoard(doc, board.id);
    const readIdea = read.cards.find((c) => c.id === 'i_plain');
    const readLetter = read.cards.find((c) => c.id === 't_letter');
    expect(readIdea?.effects).toBeUndefined();
    expect(readIdea?.confidence).toBe(4);
    expect(readLetter?.message).toBeUndefined();
    expect(readLetter?.metrics).toEqual({ yearlyVolume: 1_000_000, costPerContact: 8 });
    expect(validateBoard(read).ok).toBe(true);
  });

  it('refuses more effects than the limit', () => {
    const many = Array.from({ length: LIMITS.effectsPerIdea + 1 }, () => ({
      kind: 'fewer-contacts' as const,
      touchpointId: 't_letter',
      share: 0.01,
    }));
    const tooMany = { ...board, cards: board.cards.map((c) => (c.id === 'i_plain' ? { ...c, effects: many } : c)) };
    expect(validateBoard(tooMany).ok).toBe(false);
  });
});
