import * as Y from 'yjs';
import type { PersonaId } from '../src/ids.ts';
import type { Board } from '../src/schema/board.ts';
import { CURRENCIES } from '../src/schema/board.ts';
import { ACTION_STATUSES, CHANNELS, EMOTIONS } from '../src/schema/card.ts';
import { cardsMap, lanesMap, linksMap, metaMap, personasMap, stagesMap } from '../src/doc/layout.ts';
import { LOCAL_ORIGIN, SERVER_ORIGIN } from '../src/doc/origins.ts';
import {
  addPersona,
  BoardOpError,
  deleteCards,
  moveCards,
  removePersona,
  renameLane,
  setActivePersona,
  updateCard,
  updatePersona,
} from '../src/doc/ops.ts';
import { setBoardLocale, setBoardTitle } from '../src/doc/board-ops.ts';
import { docToBoard } from '../src/doc/read.ts';
import {
  readOpenRound,
  readTimer,
  setCardsLocked,
  setFocus,
  setLocks,
  setPrivateMode,
  summonTo,
  writeOpenRound,
  writeRoundResult,
  writeTimer,
} from '../src/facilitation/layout.ts';
import { applyTimerAction, TimerActionError, type TimerAction } from '../src/facilitation/timer.ts';
import { VOTE_TARGETS, voteTargetKind } from '../src/facilitation/voting.ts';
import { RANK_MODES } from '../src/prioritize/rank.ts';
import { setPrioritySettings } from '../src/prioritize/settings.ts';
import type { Rng } from './random.ts';
import { BOARD_OPS } from './random-ops.ts';

/**
 * The full action mix for the honest fuzz: the board edits of random-ops.ts plus what the
 * app also does to a board document — several cards at once, idea fields, personas, the
 * board's title and locale, undo and redo (a Y.UndoManager on the local origin, as the
 * client's), and facilitation (locks, focus, private mode, summon, timer, vote rounds,
 * ranking settings; written with the facilitator's or the server's origin, never undone).
 */
export interface FuzzReplica {
  doc: Y.Doc;
  undo: Y.UndoManager;
  /** Server clock for timer and vote actions (ms), advanced by each of them. */
  now: number;
}

/** A replica with an undo manager like the client's (client/src/board/session.ts). */
export function createFuzzReplica(doc: Y.Doc): FuzzReplica {
  const undo = new Y.UndoManager([metaMap(doc), stagesMap(doc), lanesMap(doc), cardsMap(doc), linksMap(doc), personasMap(doc)], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
  });
  return { doc, undo, now: 1_800_000_000_000 };
}

/** The facilitator's own writes (the client's FACILITATION_ORIGIN): not tracked for undo. */
const FACILITATOR_ORIGIN = 'rejse:facilitation';

type Action = (replica: FuzzReplica, board: Board, rng: Rng) => string | void;

const words = ['dunning', 'letter', 'fee', 'portal', 'æøå', 'SMS', 'promise', 'plan'];
const phrase = (rng: Rng) => Array.from({ length: 1 + rng.int(3) }, () => rng.pick(words)).join(' ');
const some = <T>(rng: Rng, items: readonly T[], max: number): T[] => {
  const picked = new Set<T>();
  const count = 1 + rng.int(max);
  for (let i = 0; i < count; i++) picked.add(rng.pick(items));
  return [...picked];
};
const idOf = (rng: Rng) => `r${rng.int(1_000_000)}`;

const TIMER_ACTIONS: Array<(rng: Rng) => TimerAction> = [
  (rng) => ({ type: 'start', durationMs: 60_000 * (1 + rng.int(20)) }),
  () => ({ type: 'pause' }),
  () => ({ type: 'resume' }),
  (rng) => ({ type: 'add', ms: 30_000 * (1 + rng.int(4)) }),
  () => ({ type: 'stop' }),
];

const EXTRA_ACTIONS: Record<string, { weight: number; run: Action }> = {
  moveCards: {
    weight: 4,
    run: ({ doc }, board, rng) =>
      moveCards(
        doc,
        some(rng, board.cards, 3).map((c) => c.id),
        {
          stageId: rng.pick(board.stages).id,
          laneId: rng.pick(board.lanes).id,
          index: rng.int(4),
        },
      ),
  },
  deleteCards: {
    weight: 2,
    run: ({ doc }, board, rng) =>
      deleteCards(
        doc,
        some(rng, board.cards, 3).map((c) => c.id),
      ),
  },
  editIdea: {
    weight: 6,
    run: ({ doc }, board, rng) =>
      updateCard(doc, rng.pick(board.cards).id, {
        impact: rng.chance(0.2) ? null : ((1 + rng.int(5)) as 1),
        effort: (1 + rng.int(5)) as 1,
        status: rng.pick(ACTION_STATUSES),
        owner: rng.chance(0.3) ? null : phrase(rng),
        dueDate: `2027-0${1 + rng.int(9)}-1${rng.int(10)}`,
        manualRank: rng.chance(0.5) ? null : rng.next() * 100,
        thought: phrase(rng),
        channel: rng.chance(0.2) ? null : rng.pick(CHANNELS),
        emotion: rng.pick(EMOTIONS),
      }),
  },
  // Removing and adding stages and lanes is rare in BOARD_OPS; concurrent removals are where repairs come from.
  restructure: {
    weight: 4,
    run: (replica, board, rng) => {
      const name = rng.pick(['removeStage', 'removeLane', 'addStage', 'addLane'] as const);
      BOARD_OPS[name]!.run(replica.doc, board, rng);
      return name;
    },
  },
  renameLane: { weight: 2, run: ({ doc }, board, rng) => renameLane(doc, rng.pick(board.lanes).id, phrase(rng)) },
  setTitle: { weight: 2, run: ({ doc }, _board, rng) => setBoardTitle(doc, phrase(rng)) },
  setLocale: {
    weight: 1,
    run: ({ doc }, _board, rng) => setBoardLocale(doc, rng.pick(['da-dk', 'sv-SE', 'en', 'nb', 'x']), rng.pick(CURRENCIES)),
  },
  // personas
  addPersona: {
    weight: 3,
    run: ({ doc }, _board, rng) => void addPersona(doc, { name: phrase(rng), description: phrase(rng), segment: `${18 + rng.int(50)}+` }),
  },
  editPersona: {
    weight: 3,
    run: ({ doc }, board, rng) =>
      updatePersona(
        doc,
        rng.pick(board.personas).id,
        rng.chance(0.5) ? { name: phrase(rng) } : { segment: phrase(rng), description: phrase(rng) },
      ),
  },
  removePersona: { weight: 2, run: ({ doc }, board, rng) => removePersona(doc, rng.pick(board.personas).id) },
  activatePersona: {
    weight: 2,
    run: ({ doc }, board, rng) => setActivePersona(doc, rng.chance(0.2) ? null : (rng.pick(board.personas).id as PersonaId)),
  },
  // undo and redo (one step each, as the toolbar's buttons)
  undo: { weight: 10, run: ({ undo }) => (undo.undo() ? undefined : 'undo:empty') },
  redo: { weight: 5, run: ({ undo }) => (undo.redo() ? undefined : 'redo:empty') },
  // facilitation
  lockStructure: {
    weight: 1,
    run: ({ doc }, _b, rng) => setLocks(doc, { structure: rng.chance(0.5) }, FACILITATOR_ORIGIN),
  },
  lockBoard: { weight: 1, run: ({ doc }, _b, rng) => setLocks(doc, { board: rng.chance(0.3) }, FACILITATOR_ORIGIN) },
  lockCards: {
    weight: 2,
    run: ({ doc }, board, rng) =>
      setCardsLocked(
        doc,
        some(rng, board.cards, 3).map((c) => c.id),
        rng.chance(0.6),
        FACILITATOR_ORIGIN,
      ),
  },
  focus: {
    weight: 2,
    run: ({ doc }, board, rng) => setFocus(doc, rng.chance(0.3) ? null : rng.pick(board.stages).id, FACILITATOR_ORIGIN),
  },
  privateMode: { weight: 1, run: ({ doc }, _b, rng) => setPrivateMode(doc, rng.chance(0.5), FACILITATOR_ORIGIN) },
  summon: {
    weight: 1,
    run: ({ doc }, _b, rng) =>
      void summonTo(doc, { x: rng.int(4000) - 2000, y: rng.int(3000), zoom: 0.25 + rng.next() }, FACILITATOR_ORIGIN),
  },
  timer: {
    weight: 3,
    run: (replica, _b, rng) => {
      replica.now += 1_000 + rng.int(120_000);
      const next = applyTimerAction(readTimer(replica.doc), rng.pick(TIMER_ACTIONS)(rng), replica.now);
      writeTimer(replica.doc, next, SERVER_ORIGIN);
    },
  },
  openVoteRound: {
    weight: 2,
    run: (replica, _b, rng) => {
      replica.now += 1_000;
      writeOpenRound(
        replica.doc,
        {
          id: idOf(rng),
          target: rng.pick(VOTE_TARGETS),
          votesPerPerson: 1 + rng.int(5),
          allowMultiplePerCard: rng.chance(0.5),
          startedAt: replica.now,
        },
        SERVER_ORIGIN,
      );
    },
  },
  closeVoteRound: {
    weight: 2,
    run: (replica, board, rng) => {
      const round = readOpenRound(replica.doc);
      if (!round) return 'closeVoteRound:skipped';
      replica.now += 1_000;
      const candidates = board.cards.filter((c) => c.kind === voteTargetKind(round.target));
      const totals: Record<string, number> = {};
      for (const card of candidates) if (rng.chance(0.5)) totals[card.id] = 1 + rng.int(6);
      writeRoundResult(replica.doc, { ...round, closedAt: replica.now, totals, voters: rng.int(9) }, SERVER_ORIGIN);
    },
  },
  rankSettings: {
    weight: 2,
    run: ({ doc }, _b, rng) =>
      setPrioritySettings(doc, rng.chance(0.5) ? { rankBy: rng.pick(RANK_MODES) } : { topN: 1 + rng.int(30) }, FACILITATOR_ORIGIN),
  },
};

/** Every action of the full mix with its weight: the board edits first, then the rest. */
export const FULL_ACTIONS: Readonly<Record<string, { weight: number; run: Action }>> = {
  ...Object.fromEntries(
    Object.entries(BOARD_OPS).map(([name, op]) => [
      name,
      { weight: op.weight, run: ((r, b, rng) => void op.run(r.doc, b, rng)) as Action },
    ]),
  ),
  ...EXTRA_ACTIONS,
};

const FULL_WEIGHT = Object.values(FULL_ACTIONS).reduce((sum, a) => sum + a.weight, 0);

const isRefusal = (error: unknown): boolean =>
  error instanceof BoardOpError ||
  error instanceof TimerActionError ||
  error instanceof RangeError ||
  (error instanceof Error && error.message === 'pick from an empty list');

/**
 * Applies one random action of the full mix to `replica` and ends the undo step (as the
 * client does after every command). Returns its name, suffixed `:skipped` when refused or
 * `:empty` for an undo/redo with nothing to do.
 */
export function applyRandomAction(replica: FuzzReplica, rng: Rng, boardId = 'fuzz'): string {
  const board = docToBoard(replica.doc, boardId);
  let roll = rng.next() * FULL_WEIGHT;
  let name = 'addCard';
  for (const [actionName, action] of Object.entries(FULL_ACTIONS)) {
    roll -= action.weight;
    if (roll < 0) {
      name = actionName;
      break;
    }
  }
  try {
    return FULL_ACTIONS[name]!.run(replica, board, rng) ?? name;
  } catch (error) {
    if (isRefusal(error)) return `${name}:skipped`;
    throw error;
  } finally {
    replica.undo.stopCapturing();
  }
}
