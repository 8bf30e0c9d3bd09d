/**
 * Convergence against the real server: K stock y-websocket clients apply seeded random
 * edit operations from the shared edit API, go offline and come back at random (editing
 * while offline), and the board invariants hold on every replica after every step. At the
 * end every replica, the server's live board and the board the server stored (read again
 * after a SIGKILL and a restart) are the same board.
 *
 * CI: a few hundred operations with a fixed seed; `REJSE_LONG=1`: thousands, seed from the
 * clock; `REJSE_FUZZ_SEED=<n>` replays a seed (the operations are fixed by the seed; which
 * remote edits a replica has seen when it picks its next target still depends on timing).
 */
import { describe, expect, it, vi } from 'vitest';
import { docToBoard } from '@rejse/shared';
import { applyRandomOp, boardInvariantViolations, createRng } from '@rejse/shared/testing';
import { createBoard, tokenOf, type Role } from '../helpers/server.ts';
import { LONG, TEST_TIMEOUT_MS, fetchBoard, fuzzSeed, sameStateVectors } from './util.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';

const { start, connect } = stoppedAfterEach();

/** Lets the sockets deliver what is queued: a few turns of the event loop (not a timed sleep). */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * One fuzz run: `editing[i]` is the role of editing replica i; `watching` replicas (viewers)
 * only read and must end identical too. Every close with a 44xx code fails the run.
 */
async function fuzz(
  label: string,
  seedName: string,
  fixedSeed: number,
  editing: readonly Role[],
  watching: readonly Role[],
): Promise<void> {
  const seed = fuzzSeed(seedName, fixedSeed);
  const rng = createRng(seed);
  const replicas = editing.length;
  const operations = LONG ? 5_000 : 600;

  // A low compaction threshold so snapshots are written while the clients edit.
  const server = await start({ env: { COMPACT_THRESHOLD: '25' } });
  const created = await createBoard(server, { title: 'Convergence' });
  const board = { id: created.id, token: created.token };
  const closes: string[] = [];
  const join = (role: Role, index: number) => {
    const client = connect(server, board.id, { token: tokenOf(created.links[role]) });
    client.provider.on('connection-close', (event: { code: number } | null) => {
      if ((event?.code ?? 0) >= 4000) closes.push(`${role} ${index}: ${event?.code}`);
    });
    return client;
  };
  const editors = editing.map((role, i) => join(role, i));
  const watchers = watching.map((role, i) => join(role, replicas + i));
  await Promise.all([...editors, ...watchers].map((client) => client.synced));

  const online = editors.map(() => true);
  const tally: Record<string, number> = {};
  let sent = 0;
  const check = (index: number, step: number) => {
    const problems = boardInvariantViolations(docToBoard(editors[index]!.doc, board.id));
    expect(problems, `replica ${index} after step ${step} (seed ${seed})`).toEqual([]);
  };

  for (let step = 0; step < operations; step++) {
    const index = rng.int(replicas);
    const client = editors[index]!;
    const roll = rng.next();
    if (roll < 0.04) {
      // Go offline or come back; edits made meanwhile are sent on reconnect.
      if (online[index]) client.provider.disconnect();
      else client.provider.connect();
      online[index] = !online[index];
      tally[online[index] ? 'reconnect' : 'disconnect'] = (tally[online[index] ? 'reconnect' : 'disconnect'] ?? 0) + 1;
    } else {
      const name = applyRandomOp(client.doc, rng, board.id);
      tally[name] = (tally[name] ?? 0) + 1;
      sent++;
      check(index, step);
    }
    // Sometimes let the network catch up, sometimes keep editing on stale replicas.
    if (rng.chance(0.3)) await turns(1 + rng.int(4));
    if (step % 50 === 49) for (let i = 0; i < replicas; i++) check(i, step);
    if (closes.length > 0) {
      const refusals = server
        .output()
        .split('\n')
        .filter((line) => line.includes('refused'));
      expect(closes, `closed by the server (seed ${seed}): ${refusals.join(' | ')}`).toEqual([]);
    }
  }

  for (let i = 0; i < replicas; i++) {
    if (!online[i]) editors[i]!.provider.connect();
  }
  const everyone = [...editors, ...watchers];
  const docs = everyone.map((client) => client.doc);
  let converged = false;
  try {
    await vi.waitFor(
      () => {
        expect(everyone.every((client) => client.provider.synced)).toBe(true);
        expect(sameStateVectors(docs)).toBe(true);
        const first = docToBoard(docs[0]!, board.id);
        for (const doc of docs.slice(1)) expect(docToBoard(doc, board.id)).toEqual(first);
      },
      { timeout: 30_000, interval: 50 },
    );
    converged = true;
  } finally {
    const roles = [...editing.map((r) => `${r} (editing)`), ...watching.map((r) => `${r} (watching)`)];
    const count = (role: string) => roles.filter((r) => r === role).length;
    const mix = [...new Set(roles)].map((role) => `${count(role)} ${role}`).join(', ');
    console.info(
      `[convergence ${label}] ${sent} edit operations sent by ${replicas} editing clients; clients: ${mix}; ` +
        `closed by the server: ${closes.length}; converged: ${converged ? 'yes' : 'NO'} (seed ${seed})`,
    );
  }
  expect(closes).toEqual([]);
  const expected = docToBoard(docs[0]!, board.id);
  for (let i = 0; i < replicas; i++) check(i, operations);
  await vi.waitFor(async () => expect(await fetchBoard(server, board)).toEqual(expected), { timeout: 10_000 });

  // What the server stored (no shutdown compaction after SIGKILL) is the same board.
  await server.kill('SIGKILL');
  const restarted = await start({ dataDir: server.dataDir });
  expect(await fetchBoard(restarted, board)).toEqual(expected);

  console.info(
    `[convergence ${label}] ${replicas} replicas, ${operations} steps, ${expected.cards.length} cards, ${expected.links.length} links, ` +
      `${expected.stages.length} stages, ${expected.lanes.length} lanes at the end; ${JSON.stringify(tally)}`,
  );
}

describe('convergence against the real server', () => {
  it(
    'random edits from several clients with random disconnects and offline edits converge on every replica and in storage',
    async () => {
      const replicas = LONG ? 8 : 5;
      await fuzz(
        'facilitators',
        'convergence',
        20_261_123,
        Array.from({ length: replicas }, () => 'facilitator' as const),
        [],
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the same with editor clients and a mix of roles (a facilitator editing, a viewer watching): no editor is closed, all converge',
    async () => {
      const editors = LONG ? 7 : 4;
      await fuzz(
        'editors',
        'convergence-editors',
        20_261_207,
        ['facilitator', ...Array.from({ length: editors }, () => 'editor' as const)],
        ['viewer'],
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'editor clients only, with a viewer watching: no editor is closed, all converge',
    async () => {
      const editors = LONG ? 8 : 5;
      await fuzz(
        'editors only',
        'convergence-editors-only',
        20_261_208,
        Array.from({ length: editors }, () => 'editor' as const),
        ['viewer'],
      );
    },
    TEST_TIMEOUT_MS,
  );
});
