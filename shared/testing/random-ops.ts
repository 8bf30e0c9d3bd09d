import type * as Y from 'yjs';
import type { CardId, LaneId, StageId } from '../src/ids.ts';
import { CARD_KINDS, CHANNELS, EMOTIONS } from '../src/schema/card.ts';
import type { Board } from '../src/schema/board.ts';
import {
  addCard,
  addLane,
  addStage,
  BoardOpError,
  deleteCard,
  linkCards,
  moveCard,
  moveLane,
  moveStage,
  removeLane,
  removeStage,
  renameStage,
  unlinkCards,
  updateCard,
} from '../src/doc/ops.ts';
import { docToBoard } from '../src/doc/read.ts';
import type { Rng } from './random.ts';

/**
 * Named random edit operations over the shared edit API, for convergence fuzzing. Each
 * picks its targets from the replica's current board, so operations are always plausible
 * user actions; refusals (BoardOpError) are part of normal use and reported as skipped.
 */
export type Op = (doc: Y.Doc, board: Board, rng: Rng) => void;

const words = ['reminder', 'claim', 'invoice', 'call', 'SMS', 'portal', 'plan', 'æøå', 'paid', 'fee'];
const text = (rng: Rng) => Array.from({ length: 1 + rng.int(4) }, () => rng.pick(words)).join(' ');

/** The board edits with their weights (also the board part of the fuller mix in actions.ts). */
export const BOARD_OPS: Readonly<Record<string, { weight: number; run: Op }>> = {
  addCard: {
    weight: 30,
    run: (doc, board, rng) => {
      addCard(doc, {
        stageId: rng.pick(board.stages).id,
        laneId: rng.pick(board.lanes).id,
        kind: rng.pick(CARD_KINDS),
        text: text(rng),
        index: rng.int(4),
      });
    },
  },
  editText: {
    weight: 15,
    run: (doc, board, rng) => updateCard(doc, rng.pick(board.cards).id, { text: text(rng) }),
  },
  setEmotion: {
    weight: 8,
    run: (doc, board, rng) => updateCard(doc, rng.pick(board.cards).id, { emotion: rng.pick(EMOTIONS), channel: rng.pick(CHANNELS) }),
  },
  moveCard: {
    weight: 18,
    run: (doc, board, rng) =>
      moveCard(doc, rng.pick(board.cards).id, {
        stageId: rng.pick(board.stages).id,
        laneId: rng.pick(board.lanes).id,
        index: rng.int(5),
      }),
  },
  deleteCard: { weight: 6, run: (doc, board, rng) => deleteCard(doc, rng.pick(board.cards).id) },
  link: {
    weight: 8,
    run: (doc, board, rng) => linkCards(doc, rng.pick(board.cards).id, rng.pick(board.cards).id),
  },
  unlink: { weight: 3, run: (doc, board, rng) => unlinkCards(doc, rng.pick(board.links).id) },
  addStage: { weight: 2, run: (doc, board, rng) => void addStage(doc, text(rng), rng.int(board.stages.length + 1)) },
  renameStage: { weight: 2, run: (doc, board, rng) => renameStage(doc, rng.pick(board.stages).id, text(rng)) },
  moveStage: {
    weight: 2,
    run: (doc, board, rng) => moveStage(doc, rng.pick(board.stages).id as StageId, rng.int(board.stages.length)),
  },
  removeStage: {
    weight: 1,
    run: (doc, board, rng) => {
      const stage = rng.pick(board.stages);
      const others = board.stages.filter((s) => s.id !== stage.id);
      removeStage(doc, stage.id, rng.chance(0.5) && others.length ? { cards: 'move', to: rng.pick(others).id } : { cards: 'delete' });
    },
  },
  addLane: {
    weight: 1,
    run: (doc, board, rng) => void addLane(doc, text(rng), 'custom', rng.int(board.lanes.length + 1)),
  },
  moveLane: {
    weight: 1,
    run: (doc, board, rng) => moveLane(doc, rng.pick(board.lanes).id as LaneId, rng.int(board.lanes.length)),
  },
  removeLane: {
    weight: 1,
    run: (doc, board, rng) => {
      const lane = rng.pick(board.lanes);
      const others = board.lanes.filter((l) => l.id !== lane.id);
      removeLane(doc, lane.id, rng.chance(0.5) && others.length ? { cards: 'move', to: rng.pick(others).id } : { cards: 'delete' });
    },
  },
};

const TOTAL_WEIGHT = Object.values(BOARD_OPS).reduce((sum, op) => sum + op.weight, 0);

/** Applies one random operation; returns its name, suffixed with ":skipped" when refused. */
export function applyRandomOp(doc: Y.Doc, rng: Rng, boardId = 'fuzz'): string {
  const board = docToBoard(doc, boardId);
  let roll = rng.next() * TOTAL_WEIGHT;
  let name = 'addCard';
  for (const [opName, op] of Object.entries(BOARD_OPS)) {
    roll -= op.weight;
    if (roll < 0) {
      name = opName;
      break;
    }
  }
  try {
    BOARD_OPS[name]!.run(doc, board, rng);
    return name;
  } catch (error) {
    if (error instanceof BoardOpError || (error instanceof Error && error.message === 'pick from an empty list')) {
      return `${name}:skipped`;
    }
    throw error;
  }
}

/**
 * Invariants of the reader's OUTPUT. `docToBoard` repairs what it reads, so these hold for
 * any document; the honest checks are on the raw document (raw-invariants.ts).
 */
export function boardInvariantViolations(board: Board): string[] {
  const problems: string[] = [];
  const stageIds = new Set(board.stages.map((s) => s.id));
  const laneIds = new Set(board.lanes.map((l) => l.id));
  const cardIds = new Set<string>(board.cards.map((c) => c.id));
  if (board.stages.length === 0) problems.push('no stage left');
  if (board.lanes.length === 0) problems.push('no lane left');
  for (const card of board.cards) {
    if (!stageIds.has(card.stageId) || !laneIds.has(card.laneId)) problems.push(`card ${card.id} is outside the grid`);
  }
  for (const link of board.links) {
    if (!cardIds.has(link.from as CardId) || !cardIds.has(link.to as CardId)) problems.push(`link ${link.id} is dangling`);
  }
  if (cardIds.size !== board.cards.length) problems.push('duplicate card ids');
  return problems;
}
