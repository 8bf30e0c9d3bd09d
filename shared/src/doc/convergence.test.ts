import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createRng, seedFrom, withSeededIds } from '../../testing/random.ts';
import { applyRandomOp, boardInvariantViolations } from '../../testing/random-ops.ts';
import { runFuzz, type FuzzFigures } from '../../testing/fuzz.ts';
import { expectedRepairs, rawShapeViolations } from '../../testing/raw-invariants.ts';
import { docOf, smallBoard, syncDocs } from '../../testing/fixtures.ts';
import { validateBoard } from '../schema/board.ts';
import { docToBoard, readBoardWithRepairs } from './read.ts';
import { addCard, addPersona, removeStage } from './ops.ts';
import { LIMITS } from '../schema/limits.ts';
import { migrateBoardJson } from '../migrations/index.ts';
import type { LaneId, StageId } from '../ids.ts';

/**
 * Seeded convergence fuzz over in-memory replicas (the same property runs against the real
 * server in tests/fault/). The invariants are checked on the RAW documents, not on the
 * reader's repaired view (shared/testing/fuzz.ts says which, and why).
 *
 * CI: fixed seeds, a few hundred steps. `REJSE_LONG=1`: thousands of steps over several
 * seeds from the clock. `REJSE_FUZZ_SEED=<n>` replays one seed (ids and Yjs client ids come
 * from the seed, so the replay is exact). A seed that ever failed goes into PINNED_SEEDS.
 */
const LONG = process.env.REJSE_LONG === '1';
const REPLAY = process.env.REJSE_FUZZ_SEED;
const SEEDS =
  REPLAY !== undefined ? [seedFrom(REPLAY, 0)] : LONG ? Array.from({ length: 6 }, (_, i) => (Date.now() + i * 7_919) >>> 0) : [20261123];
const STEPS = LONG ? 3_000 : 300;
const CI_PINNED_STEPS = 1_000;
/** Generous: the CI figures run in about a second each on a quiet machine, but CI machines are shared. */
const FUZZ_TIMEOUT_MS = LONG ? 3_600_000 : 60_000;

const report = (what: string, figures: FuzzFigures) => {
  const ran = Object.entries(figures.actions).reduce((sum, [, n]) => sum + n, 0);
  const skipped = Object.entries(figures.actions)
    .filter(([name]) => name.includes(':'))
    .reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `${what}: seed ${figures.seed} (replay with REJSE_FUZZ_SEED=${figures.seed}), ${figures.replicas} replicas, ` +
      `${ran} actions (${skipped} refused or empty), repairs ${JSON.stringify(figures.repairs)}, ` +
      `order ties ≤ ${figures.maxOrderTies}, duplicate links ${figures.duplicateLinks}` +
      (figures.limitOvershoots.length ? `, count limits passed: ${figures.limitOvershoots.join('; ')}` : ''),
  );
};

/**
 * Seeds that once failed, each with what it found; each replays on every run (those longer
 * than CI_PINNED_STEPS in long mode, their focused tests always). A seed
 * replays today's action mix, so a change to the mix changes what it replays: each finding
 * also gets a focused test. No seed of the earlier fuzz (board edits only, checked on the
 * reader's output) ever failed; its findings came from the server-side fuzzers (tests/fault/)
 * and are pinned there as focused tests (commits 00ae791, d442498, 9615cdc).
 */
const PINNED_SEEDS: Array<{ seed: number; replicas: number; steps: number; found: string }> = [
  {
    seed: 1,
    replicas: 5,
    steps: 400,
    found: 'equal replicas looked different when compared as JSON in map-key order (the harness compares canonical JSON now)',
  },
  {
    seed: 1319984137,
    replicas: 5,
    steps: 3_000,
    found:
      'users adding personas at once passed the 20-persona limit, so the board no longer validated (known gap; see the it.fails below)',
  },
];

/** The original fuzz: board edits only, five replicas; now also checked on the raw documents. */
function runBoardEditFuzz(seed: number, replicas: number, steps: number): void {
  withSeededIds(seed, () => {
    const rng = createRng(seed);
    const origin = docOf(smallBoard());
    const docs = Array.from({ length: replicas }, (_, i) => {
      const doc = new Y.Doc();
      doc.clientID = i + 1; // fixed client ids: concurrent writes resolve the same way on replay
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
      return doc;
    });
    for (let step = 0; step < steps; step++) {
      const actor = docs[rng.int(docs.length)]!;
      const op = applyRandomOp(actor, rng);
      const changed = new Set([actor]);
      if (rng.chance(0.3)) {
        // Deliver one replica's state to another (one direction only: partial delivery).
        const from = docs[rng.int(docs.length)]!;
        const to = docs[rng.int(docs.length)]!;
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
        changed.add(to);
      }
      // Only the acting replica and one that received something can have changed.
      for (const doc of changed) {
        const index = docs.indexOf(doc);
        const where = `seed ${seed}, step ${step} (${op}), replica ${index}`;
        const { board, repairs } = readBoardWithRepairs(doc, 'fuzz');
        expect(boardInvariantViolations(board), where).toEqual([]);
        expect(rawShapeViolations(doc), where).toEqual([]);
        expect(repairs.map((r) => `${r.kind} ${r.path}`).sort(), where).toEqual(expectedRepairs(doc));
      }
    }
    for (let round = 0; round < 2; round++) {
      for (const a of docs) for (const b of docs) if (a !== b) syncDocs(a, b);
    }
    const boards = docs.map((doc) => docToBoard(doc, 'fuzz'));
    for (const board of boards) {
      expect(board, `seed ${seed}`).toEqual(boards[0]);
      expect(validateBoard(board).ok, `seed ${seed}`).toBe(true);
    }
  });
}

describe('convergence of concurrent edits', () => {
  it(
    'five replicas editing at random with partial deliveries end identical and valid',
    () => {
      for (const seed of SEEDS) {
        console.log(`convergence fuzz seed: ${seed} (replay with REJSE_FUZZ_SEED=${seed})`);
        runBoardEditFuzz(seed, 5, LONG ? 2_000 : 400);
      }
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "one user's edits (undo, redo, personas and facilitation included) keep every raw reference and need no repair",
    () => {
      for (const seed of SEEDS) report('one replica', runFuzz({ seed, replicas: 1, steps: STEPS * 2 }));
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'five users with partial deliveries: every raw document keeps its shape, the reader repairs exactly what is broken, all end equal',
    () => {
      for (const seed of SEEDS) report('five replicas', runFuzz({ seed, replicas: 5, steps: STEPS }));
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'a seed replays exactly',
    () => {
      const seed = SEEDS[0]!;
      expect(runFuzz({ seed, replicas: 3, steps: 120 })).toEqual(runFuzz({ seed, replicas: 3, steps: 120 }));
    },
    FUZZ_TIMEOUT_MS,
  );

  // A pinned seed longer than CI's budget replays in long mode; its finding has a focused test that runs always.
  it.each(PINNED_SEEDS.filter((pin) => LONG || pin.steps <= CI_PINNED_STEPS))(
    'pinned seed $seed ($replicas replicas, $steps steps): $found',
    ({ seed, replicas, steps }) => {
      runFuzz({ seed, replicas, steps });
    },
    FUZZ_TIMEOUT_MS,
  );

  // Known limit, found while writing the order-tie count: order numbers are floats, so about
  // 52 inserts into one gap exhaust it and the next card sorts by id instead of where it was
  // put. Reported, not fixed here (a fix renumbers siblings or changes the order type).
  // `it.fails` passes while the limit exists and fails once it is fixed: then make it `it`.
  it.fails('the 60th card put right after the first card of a cell still lands right after it', () => {
    const doc = docOf(smallBoard());
    const cell = { stageId: 's_paid' as StageId, laneId: 'l_touch' as LaneId };
    addCard(doc, { ...cell, kind: 'note', text: 'first' });
    addCard(doc, { ...cell, kind: 'note', text: 'last' });
    for (let i = 1; i <= 60; i++) {
      addCard(doc, { ...cell, kind: 'note', text: `put ${i}`, index: 1 });
      const inCell = docToBoard(doc, 'b').cards.filter((c) => c.stageId === cell.stageId && c.laneId === cell.laneId);
      expect(inCell.slice(0, 2).map((c) => c.text)).toEqual(['first', `put ${i}`]);
    }
  });

  // Known gap, found by the long fuzz (seed 1319984137): count limits are checked by each
  // user's edit against what that user sees, so two users adding the 20th persona at once make
  // 21, and the board's JSON export is then refused on import ("personas: Too big"). The same
  // holds for stages, lanes and links. A fix belongs where limits are enforced for everyone
  // (the server's admission of updates) or in what import accepts; then make this `it`.
  it.fails('two users adding the last allowed persona at once leave a board that exports and imports again', () => {
    const a = docOf(smallBoard());
    for (let i = 1; i < LIMITS.personas; i++) addPersona(a, { name: `P${i}`, description: '', segment: '' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addPersona(a, { name: 'Mine', description: '', segment: '' });
    addPersona(b, { name: 'Theirs', description: '', segment: '' });
    syncDocs(a, b);
    const exported = JSON.parse(JSON.stringify(docToBoard(a, 'b')));
    expect(migrateBoardJson(exported).ok).toBe(true);
  });

  it('two users removing the last two stages at once still leave a board with a grid', () => {
    const board = smallBoard();
    const a = docOf(board);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    removeStage(a, 's_invoice' as StageId);
    removeStage(b, 's_invoice' as StageId);
    syncDocs(a, b);
    removeStage(a, 's_reminder' as StageId, { cards: 'move', to: 's_paid' });
    removeStage(b, 's_paid' as StageId, { cards: 'delete' });
    syncDocs(a, b);
    const merged = docToBoard(a, 'fuzz');
    expect(merged).toEqual(docToBoard(b, 'fuzz'));
    expect(merged.stages.length).toBeGreaterThan(0);
    expect(boardInvariantViolations(merged)).toEqual([]);
    expect(rawShapeViolations(a)).toEqual([]);
    expect(readBoardWithRepairs(a, 'fuzz').repairs.map((r) => r.kind)).toContain('axis-revived');
  });
});
