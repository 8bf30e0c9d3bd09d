import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createRng, seedFrom } from '../testing/random.ts';
import { applyRandomOp, boardInvariantViolations } from '../testing/random-ops.ts';
import { validateBoard } from '../schema/board.ts';
import { docToBoard } from './read.ts';
import { removeStage } from './ops.ts';
import { docOf, smallBoard, syncDocs } from '../test/fixtures.ts';
import type { StageId } from '../ids.ts';

/**
 * Seeded convergence fuzz over in-memory replicas: random operations, random one-way
 * partial deliveries (a replica that is "offline" keeps editing and catches up later).
 * The same property is checked against the real server in tests/fault/.
 * Replay a failure with REJSE_FUZZ_SEED=<seed>.
 */
function runFuzz(seed: number, replicas: number, steps: number): void {
  const rng = createRng(seed);
  const docs = [docOf(smallBoard())];
  for (let i = 1; i < replicas; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(docs[0]!));
    docs.push(doc);
  }
  for (let step = 0; step < steps; step++) {
    const actor = docs[rng.int(docs.length)]!;
    const op = applyRandomOp(actor, rng);
    if (rng.chance(0.3)) {
      // Deliver one replica's state to another (one direction only: partial delivery).
      const from = docs[rng.int(docs.length)]!;
      const to = docs[rng.int(docs.length)]!;
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
    for (const [index, doc] of docs.entries()) {
      const problems = boardInvariantViolations(docToBoard(doc, 'fuzz'));
      expect(problems, `seed ${seed}, step ${step} (${op}), replica ${index}`).toEqual([]);
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
}

describe('convergence of concurrent edits', () => {
  const seed = seedFrom(process.env.REJSE_FUZZ_SEED, 20261123);

  it('five replicas editing at random with partial deliveries end identical and valid', () => {
    console.log(`convergence fuzz seed: ${seed} (replay with REJSE_FUZZ_SEED=${seed})`);
    runFuzz(seed, 5, 400);
    // Seconds, not milliseconds: 2,000 checked steps with text edits on a shared 2-core machine.
  }, 30_000);

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
  });
});
