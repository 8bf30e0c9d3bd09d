/** Small board builders for the prioritising and export tests. */
import type { BoardId, CardId, LaneId, LinkId, PersonaId, StageId } from '../src/ids.ts';
import { CURRENT_SCHEMA_VERSION, type Board } from '../src/schema/board.ts';
import type { Card, CardFields } from '../src/schema/card.ts';

const LANE_OF: Record<Card['kind'], LaneId> = {
  touchpoint: 'l_touch' as LaneId,
  pain: 'l_pains' as LaneId,
  idea: 'l_ideas' as LaneId,
  note: 'l_notes' as LaneId,
};

let nextOrder = 1;

function card(kind: Card['kind'], id: string, stage: string, fields: Partial<CardFields> = {}): Card {
  return {
    id: id as CardId,
    kind,
    stageId: stage as StageId,
    laneId: LANE_OF[kind],
    order: nextOrder++,
    text: fields.text ?? id,
    ...fields,
  };
}

export const touchpoint = (id: string, stage: string, emotion?: Card['emotion'], fields: Partial<CardFields> = {}): Card =>
  card('touchpoint', id, stage, emotion === undefined ? fields : { emotion, ...fields });
export const pain = (id: string, stage: string, fields: Partial<CardFields> = {}): Card => card('pain', id, stage, fields);
export const idea = (id: string, stage: string, fields: Partial<CardFields> = {}): Card => card('idea', id, stage, fields);
export const note = (id: string, stage: string, fields: Partial<CardFields> = {}): Card => card('note', id, stage, fields);

let nextLink = 1;
export const link = (from: string, to: string): Board['links'][number] => ({
  id: `k_${nextLink++}` as LinkId,
  from: from as CardId,
  to: to as CardId,
});

export interface BoardParts {
  title?: string;
  locale?: string;
  stages?: string[];
  cards?: Card[];
  links?: Board['links'];
  persona?: { name: string; description?: string; segment?: string };
}

/** A valid board; stages are named by id ("s_invoice" → title "invoice"). */
export function buildBoard(parts: BoardParts = {}): Board {
  const stages = parts.stages ?? ['s_invoice', 's_reminder', 's_collection', 's_paid'];
  const personaId = 'p_1' as PersonaId;
  return {
    id: 'board_fixture' as BoardId,
    title: parts.title ?? 'Fixture board',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    scenarios: [],
    cadenceRules: [],
    locale: parts.locale ?? 'en',
    currency: 'DKK',
    personas: parts.persona ? [{ id: personaId, description: '', segment: '', ...parts.persona }] : [],
    activePersonaId: parts.persona ? personaId : null,
    stages: stages.map((id) => ({ id: id as StageId, title: id.replace(/^s_/, '') })),
    lanes: (['l_touch', 'l_pains', 'l_ideas', 'l_notes'] as const).map((id) => ({
      id: id as LaneId,
      title: id,
      kind: id === 'l_touch' ? 'touchpoints' : id === 'l_pains' ? 'pains' : id === 'l_ideas' ? 'ideas' : 'custom',
    })),
    cards: parts.cards ?? [],
    links: parts.links ?? [],
  };
}

export const votesOf = (entries: Record<string, number>): ReadonlyMap<CardId, number> =>
  new Map(Object.entries(entries).map(([id, n]) => [id as CardId, n]));

/**
 * A collection-letter workshop: the reminder stage hurts most (−2), collection hurts (−1),
 * invoice is neutral; three pains, five ideas (one dropped, one without ratings).
 */
export function workshopBoard(): Board {
  return buildBoard({
    title: 'Collection letters',
    persona: { name: 'Young customer', description: 'Forgot to pay', segment: '18–25' },
    cards: [
      touchpoint('t_invoice', 's_invoice', 0, { channel: 'email', text: 'Invoice e-mail' }),
      pain('p_unclear', 's_invoice', { text: 'Invoice is unclear' }),
      idea('i_plain', 's_invoice', {
        text: 'Plain-language invoice',
        impact: 3,
        effort: 2,
        owner: 'Mette',
        status: 'agreed',
      }),
      touchpoint('t_letter', 's_reminder', -2, { channel: 'letter', text: 'Reminder letter' }),
      touchpoint('t_sms', 's_reminder', 1, { channel: 'sms', text: 'Reminder SMS' }),
      pain('p_mistake', 's_reminder', { text: 'Thinks the claim is a mistake' }),
      idea('i_creditor', 's_reminder', {
        text: 'Name the original creditor',
        impact: 5,
        effort: 2,
        owner: 'Lars',
        dueDate: '2026-03-01',
        status: 'in-progress',
      }),
      idea('i_portal', 's_reminder', { text: 'My pages log-in', impact: 4, effort: 5 }),
      touchpoint('t_call', 's_collection', -1, { channel: 'phone', text: 'Collection call' }),
      pain('p_fee', 's_collection', { text: 'Fee feels unfair' }),
      idea('i_fee', 's_collection', { text: 'Skip fee when a call costs more', impact: 2, effort: 1 }),
      idea('i_dropped', 's_collection', { text: 'Send more letters', impact: 1, effort: 4, status: 'dropped' }),
      idea('i_unrated', 's_paid', { text: 'Thank-you SMS' }),
    ],
    links: [
      link('i_creditor', 'p_mistake'),
      // A link the other way round still counts: links are undirected for prioritising.
      link('p_unclear', 'i_plain'),
      link('i_creditor', 'p_unclear'),
      link('i_fee', 'p_fee'),
      link('i_dropped', 'p_fee'),
      link('t_letter', 'p_mistake'),
    ],
  });
}
