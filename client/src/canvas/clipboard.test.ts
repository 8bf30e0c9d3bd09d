import type { Board, BoardId, Card, CardId, LaneId, LinkId, StageId } from '@rejse/shared';
import { describe, expect, it } from 'vitest';
import {
  createClipboardPayload,
  MAX_PASTED_CARDS,
  parseClipboardPayload,
  planPaste,
  planTextPaste,
  type ClipboardPayload,
} from './clipboard.ts';
import { kindForLaneKind } from './kinds.ts';

const sid = (id: string) => id as StageId;
const lid = (id: string) => id as LaneId;
const cid = (id: string) => id as CardId;

function card(id: string, stage: string, lane: string, order: number, fields: Partial<Card> = {}): Card {
  return { id: cid(id), kind: 'touchpoint', stageId: sid(stage), laneId: lid(lane), order, text: id, ...fields };
}

/** Board A: two stages × touchpoints/pains; board B: other ids, one stage title and lane kinds in common. */
const boardA: Board = {
  id: 'board_a' as BoardId,
  title: 'A',
  schemaVersion: 4,
  scenarios: [],
  cadenceRules: [],
  locale: 'en',
  currency: 'DKK',
  personas: [],
  activePersonaId: null,
  stages: [
    { id: sid('s_invoice'), title: 'Invoice' },
    { id: sid('s_reminder'), title: 'Reminder' },
  ],
  lanes: [
    { id: lid('l_touch'), title: 'Touchpoints', kind: 'touchpoints' },
    { id: lid('l_pain'), title: 'Pain points', kind: 'pains' },
    { id: lid('l_misc'), title: 'Parking lot', kind: 'custom' },
  ],
  cards: [
    card('c_letter', 's_reminder', 'l_touch', 1, { channel: 'letter', emotion: -1, manualRank: 3 }),
    card('c_sms', 's_reminder', 'l_touch', 2, { channel: 'sms' }),
    card('c_other', 's_reminder', 'l_touch', 3),
    card('c_pain', 's_reminder', 'l_pain', 1, { kind: 'pain' }),
    card('c_misc', 's_invoice', 'l_misc', 1, { kind: 'note' }),
  ],
  links: [
    { id: 'k_1' as LinkId, from: cid('c_letter'), to: cid('c_pain') },
    { id: 'k_2' as LinkId, from: cid('c_other'), to: cid('c_pain') },
  ],
};

const boardB: Board = {
  ...boardA,
  id: 'board_b' as BoardId,
  stages: [
    { id: sid('s_due'), title: 'Due date' },
    { id: sid('s_rem2'), title: 'reminder ' },
  ],
  lanes: [
    { id: lid('l_tp2'), title: 'Contacts', kind: 'touchpoints' },
    { id: lid('l_ideas'), title: 'Ideas', kind: 'ideas' },
    { id: lid('l_pains2'), title: 'Problems', kind: 'pains' },
  ],
  cards: [card('c_b1', 's_due', 'l_ideas', 1, { kind: 'idea' })],
  links: [],
};

let n = 0;
const createId = () => cid(`c_new${++n}`);

const copy = (board: Board, ids: string[]): ClipboardPayload => {
  const payload = createClipboardPayload(board, ids);
  if (!payload) throw new Error('nothing copied');
  // Every payload goes through text, as it does through the clipboard.
  const parsed = parseClipboardPayload(JSON.stringify(payload));
  if (!parsed) throw new Error('payload did not parse');
  return parsed;
};

describe('copying cards', () => {
  it('takes the cards, the links among them and their stage and lane names', () => {
    const payload = copy(boardA, ['c_letter', 'c_pain', 'c_sms']);
    expect(payload.cards.map((c) => c.id)).toEqual(['c_letter', 'c_sms', 'c_pain']);
    expect(payload.links).toEqual([{ from: 'c_letter', to: 'c_pain' }]);
    expect(payload.stages).toEqual([{ id: 's_reminder', title: 'Reminder' }]);
    expect(payload.lanes.map((l) => l.kind)).toEqual(['touchpoints', 'pains']);
  });

  it('copies nothing when no card is selected', () => {
    expect(createClipboardPayload(boardA, [])).toBeNull();
    expect(createClipboardPayload(boardA, ['c_gone'])).toBeNull();
  });
});

describe('reading a clipboard text', () => {
  it('ignores plain text, other JSON and payloads of another version', () => {
    expect(parseClipboardPayload('Customer calls the agency')).toBeNull();
    expect(parseClipboardPayload('{"hello": 1}')).toBeNull();
    expect(parseClipboardPayload('{not json')).toBeNull();
    const payload = createClipboardPayload(boardA, ['c_letter']);
    expect(parseClipboardPayload(JSON.stringify({ ...payload, version: 2 }))).toBeNull();
  });

  it('drops cards the card schema rejects, and links to them', () => {
    const payload = createClipboardPayload(boardA, ['c_letter', 'c_pain']);
    const tampered = {
      ...payload,
      cards: [payload?.cards[0], { ...payload?.cards[1], emotion: 7 }, { id: '<script>', kind: 'idea' }],
    };
    const parsed = parseClipboardPayload(JSON.stringify(tampered));
    expect(parsed?.cards.map((c) => c.id)).toEqual(['c_letter']);
    expect(parsed?.links).toEqual([]);
  });

  it('refuses a payload with more cards than one paste may add', () => {
    const many = Array.from({ length: MAX_PASTED_CARDS + 1 }, (_, i) => card(`c_${i}`, 's_invoice', 'l_touch', i));
    const payload = { ...createClipboardPayload(boardA, ['c_letter']), cards: many };
    expect(parseClipboardPayload(JSON.stringify(payload))).toBeNull();
  });
});

describe('pasting cards', () => {
  it('puts copies into the same cells on the same board, with fresh ids and their links', () => {
    const plan = planPaste(copy(boardA, ['c_letter', 'c_pain']), boardA, { createId });
    expect(plan.cards.map((c) => [c.stageId, c.laneId, c.index])).toEqual([
      ['s_reminder', 'l_touch', undefined],
      ['s_reminder', 'l_pain', undefined],
    ]);
    const [letter, pain] = plan.cards;
    expect(letter?.id).not.toBe('c_letter');
    expect(new Set(plan.cards.map((c) => c.id)).size).toBe(2);
    expect(plan.links).toEqual([{ from: letter?.id, to: pain?.id }]);
    expect(letter?.fields).toMatchObject({ kind: 'touchpoint', text: 'c_letter', channel: 'letter', emotion: -1 });
    expect(letter?.fields).not.toHaveProperty('manualRank');
    expect(letter?.fields).not.toHaveProperty('order');
  });

  it('finds cells on another board by stage title and by lane kind or title', () => {
    const plan = planPaste(copy(boardA, ['c_letter', 'c_pain']), boardB, { createId });
    expect(plan.cards.map((c) => [c.stageId, c.laneId])).toEqual([
      ['s_rem2', 'l_tp2'],
      ['s_rem2', 'l_pains2'],
    ]);
  });

  it('sends cards without a matching cell to the selected card’s cell', () => {
    const plan = planPaste(copy(boardA, ['c_misc']), boardB, {
      createId,
      anchor: { stageId: 's_rem2', laneId: 'l_ideas' },
    });
    expect(plan.cards.map((c) => [c.stageId, c.laneId])).toEqual([['s_rem2', 'l_ideas']]);
  });

  it('uses the first stage and a lane that suits the card when nothing matches and nothing is selected', () => {
    const pain = {
      ...boardA,
      stages: [{ id: sid('s_x'), title: 'Elsewhere' }],
      cards: [card('c_p', 's_x', 'l_x', 1, { kind: 'pain' })],
    };
    const payload = {
      ...copy(boardA, ['c_pain']),
      cards: pain.cards,
      stages: pain.stages,
      lanes: [{ id: 'l_x', title: 'Stuff', kind: 'custom' as const }],
    };
    const plan = planPaste(payload, boardB, { createId });
    expect(plan.cards.map((c) => [c.stageId, c.laneId])).toEqual([['s_due', 'l_pains2']]);
  });

  it('duplicates right after the originals in their cell, in order', () => {
    const plan = planPaste(copy(boardA, ['c_letter', 'c_sms']), boardA, { createId, duplicate: true });
    // c_letter and c_sms are the first two of three: the copies take places 2 and 3.
    expect(plan.cards.map((c) => c.index)).toEqual([2, 3]);
  });

  it('stops at the board’s card limit', () => {
    const full = { ...boardB, cards: Array.from({ length: 10_000 }, (_, i) => card(`c_${i}`, 's_due', 'l_tp2', i)) };
    expect(planPaste(copy(boardA, ['c_letter']), full, { createId }).cards).toEqual([]);
  });
});

describe('pasting plain text', () => {
  it('makes one card per line in the selected cell, of the kind the lane holds', () => {
    const plan = planTextPaste('First thing\n\n  Second thing  \r\n', boardB, kindForLaneKind, {
      createId,
      anchor: { stageId: 's_rem2', laneId: 'l_pains2' },
    });
    expect(plan.cards.map((c) => [c.stageId, c.laneId, c.fields.kind, c.fields.text])).toEqual([
      ['s_rem2', 'l_pains2', 'pain', 'First thing'],
      ['s_rem2', 'l_pains2', 'pain', 'Second thing'],
    ]);
  });
});
