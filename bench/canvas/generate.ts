/**
 * A generated journey map for the canvas benchmark: N cards spread over stages and lanes
 * like a big real workshop board (touchpoints with channels, emotions and figures, pain
 * points, ideas linked to them, notes), written through the shared edit operations in
 * batches, as a client would. Deterministic for a seed.
 */
import { addCard, addStage, CHANNELS, docToBoard, linkCards, type CardId, type CardKind, type Emotion, type LaneKind } from '@rejse/shared';
import type * as Y from 'yjs';
import { createRng } from '@rejse/shared/testing';

const SUBJECTS = [
  'Customer',
  'Agent',
  'The letter',
  'The reminder',
  'The SMS',
  'My pages',
  'The creditor',
  'The invoice',
  'Chat',
  'The portal',
];
const VERBS = ['does not explain', 'asks about', 'points to', 'confirms', 'repeats', 'hides', 'links to', 'shows', 'questions', 'adds'];
const OBJECTS = [
  'the original creditor',
  'the claim amount and fee',
  'a payment plan',
  'the due date',
  'which product it is about',
  'the reminder fee',
  'the balance and how to pay',
  'a phone number that is busy',
  'the collection costs',
  'the account number',
];

function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const parts = [`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}`];
  // Some cards are long, so clamped text and the full-text view are exercised too.
  const extra = random();
  if (extra > 0.6) parts.push(`${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(OBJECTS)}`);
  if (extra > 0.9) parts.push(`and ${pick(OBJECTS)} is unclear until ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(OBJECTS)}`);
  return `${parts.join(', ')}.`;
}

const LANE_SHARE: readonly { lane: LaneKind; kind: CardKind; share: number }[] = [
  { lane: 'touchpoints', kind: 'touchpoint', share: 0.34 },
  { lane: 'pains', kind: 'pain', share: 0.22 },
  { lane: 'ideas', kind: 'idea', share: 0.2 },
  { lane: 'actions', kind: 'note', share: 0.12 },
  { lane: 'backstage', kind: 'note', share: 0.12 },
];

export interface GeneratedBoard {
  cards: number;
  links: number;
  stages: number;
}

/**
 * Fills a blank board (the default stages and lanes) with `cards` cards over `stages`
 * stages, and links about a third of the ideas to a pain point in their stage.
 */
export function generateBoard(doc: Y.Doc, boardId: string, cards: number, stages: number, seed = 7): GeneratedBoard {
  const random = createRng(seed).next;
  let board = docToBoard(doc, boardId);
  for (let i = board.stages.length; i < stages; i += 1) addStage(doc, `Stage ${i + 1}`);
  board = docToBoard(doc, boardId);
  const laneOf = new Map<LaneKind, string>(board.lanes.map((l) => [l.kind, l.id]));
  const painsByStage = new Map<string, CardId[]>();
  const ideas: { id: CardId; stageId: string }[] = [];

  const BATCH = 100;
  for (let start = 0; start < cards; start += BATCH) {
    doc.transact(() => {
      for (let i = start; i < Math.min(cards, start + BATCH); i += 1) {
        const stage = board.stages[i % board.stages.length];
        let roll = random();
        const slot =
          LANE_SHARE.find((s) => {
            roll -= s.share;
            return roll < 0;
          }) ?? LANE_SHARE[0];
        const laneId = slot ? laneOf.get(slot.lane) : undefined;
        if (!stage || !slot || !laneId) continue;
        const touchpoint = slot.kind === 'touchpoint';
        const id = addCard(doc, {
          stageId: stage.id,
          laneId: laneId as never,
          kind: slot.kind,
          text: sentence(random),
          ...(touchpoint
            ? {
                channel: CHANNELS[Math.floor(random() * CHANNELS.length)],
                emotion: (Math.floor(random() * 5) - 2) as Emotion,
                ...(random() > 0.7
                  ? {
                      metrics: {
                        yearlyVolume: Math.round(random() * 1e6),
                        responseRate: Math.round(random() * 100) / 100,
                      },
                    }
                  : {}),
              }
            : {}),
        });
        if (slot.kind === 'pain') painsByStage.set(stage.id, [...(painsByStage.get(stage.id) ?? []), id]);
        if (slot.kind === 'idea') ideas.push({ id, stageId: stage.id });
      }
    });
  }
  let links = 0;
  doc.transact(() => {
    for (const idea of ideas) {
      const pains = painsByStage.get(idea.stageId) ?? [];
      if (pains.length === 0 || random() > 0.35) continue;
      linkCards(doc, idea.id, pains[Math.floor(random() * pains.length)] as CardId);
      links += 1;
    }
  });
  return { cards: docToBoard(doc, boardId).cards.length, links, stages: board.stages.length };
}
