/**
 * The client's command guard and the server's admission give the same verdict, because both
 * ask the one permission table in shared/src/permissions. This property test proves it on
 * real parts: for random boards, lock and mode states, roles and commands, it runs the
 * client's real command (the shared op) on a replica, describes the update it sends the
 * way the server does, asks the server's check, asks the client's guard about the same
 * command on an identical replica, and asserts both answer alike — and with the same reason.
 *
 * Replay a failure with REJSE_PERMISSIONS_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addPersona,
  capabilityOf,
  cardsMap,
  createBoardId,
  describeUpdate,
  docToBoard,
  instantiateTemplate,
  judgeChanges,
  linkCards,
  LOCAL_ORIGIN,
  readLanes,
  readPermissionState,
  readStages,
  ROLES,
  setCardsLocked,
  setLocks,
  setPrivateMode,
  writeBoardInto,
  type CardId,
  type PermissionState,
  type UpdateChange,
} from '@rejse/shared';
import { createRng, seedFrom, type Rng } from '@rejse/shared/testing';
import { findTemplate } from '@rejse/templates';
import { accessFor, checkDocumentUpdate } from '../../server/src/sync/access.ts';
import { createCommands, type BoardCommands } from '../../client/src/doc/commands.ts';
import type { BoardSession } from '../../client/src/doc/session.ts';
import type { DraftsSession } from '../../client/src/facilitation/drafts.ts';
import { COMMAND_QUESTIONS, guardCommands, noticeFor } from '../../client/src/facilitation/guard.ts';
import { t } from '../../client/src/i18n/index.ts';
import { COMMAND_NAMES, randomCommand, type RandomCommand } from './random-commands.ts';

const TRIALS = 800;
/** Boards to start from: with cards, links and personas, and an empty one. */
const STARTING_BOARDS = ['collection-letters', 'telecom-young-customers', 'blank'].map((id) =>
  instantiateTemplate(findTemplate(id)!, { id: createBoardId() }),
);

/** A server document with a random board and random locks and modes, set by the facilitator. */
function randomServerDoc(rng: Rng): Y.Doc {
  const server = new Y.Doc();
  writeBoardInto(server, rng.pick(STARTING_BOARDS));
  const stages = readStages(server);
  const lanes = readLanes(server);
  for (let i = rng.int(4); i > 0; i -= 1) {
    addCard(server, { stageId: rng.pick(stages).id, laneId: rng.pick(lanes).id, kind: 'idea', text: 'x' }, 'test');
  }
  const cards = [...cardsMap(server).keys()] as CardId[];
  if (cards.length > 1 && rng.chance(0.5)) {
    const [from, to] = [rng.pick(cards), rng.pick(cards)];
    if (from !== to) linkCards(server, from, to, 'test');
  }
  if (rng.chance(0.3)) addPersona(server, { name: 'Maria', description: '', segment: '' }, 'test');
  setLocks(server, { board: rng.chance(0.2), structure: rng.chance(0.35) }, 'test');
  if (rng.chance(0.6))
    setCardsLocked(
      server,
      cards.filter(() => rng.chance(0.4)),
      true,
      'test',
    );
  // Sometimes a locked id with no card behind it (the card was deleted after it was locked).
  if (rng.chance(0.1)) setCardsLocked(server, ['c_gone'], true, 'test');
  setPrivateMode(server, rng.chance(0.35), 'test');
  return server;
}

/** A client replica of `server` with just enough of a session for the real commands. */
function replicaSession(server: Y.Doc): BoardSession {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  const undoManager = new Y.UndoManager([doc.getMap('cards')], { trackedOrigins: new Set([LOCAL_ORIGIN]) });
  return { doc, undoManager, endStep: () => undoManager.stopCapturing() } as unknown as BoardSession;
}

/** Runs `command` and returns the update the replica would send (null when none). */
function sentBy(session: BoardSession, commands: BoardCommands, command: RandomCommand): Uint8Array | null {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  session.doc.on('update', capture);
  (commands[command.name] as (...args: unknown[]) => unknown)(...command.args);
  session.doc.off('update', capture);
  return updates.length > 0 ? Y.mergeUpdates(updates) : null;
}

const capabilities = (changes: readonly UpdateChange[], state: PermissionState) =>
  [...new Set(changes.map((change) => capabilityOf(change, state)))].sort();

describe('the client guard and the server admission agree', () => {
  it('for random commands × roles × lock and mode states, run for real', () => {
    const seed = seedFrom(process.env.REJSE_PERMISSIONS_SEED, 20260311);
    console.log(`permissions property seed: ${seed} (replay with REJSE_PERMISSIONS_SEED=${seed})`);
    const rng = createRng(seed);
    const seen = {
      commands: new Set<string>(),
      causes: new Set<string>(),
      allowed: 0,
      refused: 0,
      drafts: 0,
      failed: 0,
    };

    for (let trial = 0; trial < TRIALS; trial += 1) {
      const server = randomServerDoc(rng);
      const role = rng.pick(ROLES);
      const access = accessFor(role, 'link');
      const command = randomCommand(rng, docToBoard(server, 'b'));
      const state = readPermissionState(server);
      const context = `seed ${seed}, trial ${trial}: ${role} ${command.name}(${JSON.stringify(command.args)}) with locks ${JSON.stringify({
        ...state.locks,
        cards: [...state.locks.cards],
      })}, private mode ${state.privateMode}`;

      // What the server would receive if the client ran the command unguarded.
      const plain = replicaSession(server);
      const errors: string[] = [];
      const update = sentBy(
        plain,
        createCommands(plain, (message) => errors.push(message)),
        command,
      );
      if (errors.length > 0) {
        seen.failed += 1; // the op itself refused (missing card, last stage…): nothing is sent
        expect(update, context).toBeNull();
        continue;
      }
      seen.commands.add(command.name);
      if (!update) {
        // Nothing to send (moving no cards, an empty persona patch…): a view-only link still refuses it.
        const guardedSession = replicaSession(server);
        const notices: string[] = [];
        const guarded = guardCommands(
          createCommands(guardedSession, () => {}),
          {
            session: guardedSession,
            role,
            drafts: () => null,
            notify: (message) => notices.push(message),
          },
        );
        sentBy(guardedSession, guarded, command);
        expect(notices.length === 0, context).toBe(role !== 'viewer');
        continue;
      }
      const described = describeUpdate(server, update);
      const serverVerdict = checkDocumentUpdate(access, server, described);
      expect(checkDocumentUpdate(access, server, update), context).toEqual(serverVerdict);

      // The same command on an identical replica, through the guard.
      const guardedSession = replicaSession(server);
      const notices: string[] = [];
      const drafted: unknown[] = [];
      const guarded = guardCommands(
        createCommands(guardedSession, (message) => notices.push(`error: ${message}`)),
        {
          session: guardedSession,
          role,
          // Knows no card (a private card is never on the board the property runs against).
          drafts: () => ({ add: (input: unknown) => drafted.push(input), has: () => false }) as unknown as DraftsSession,
          notify: (message) => notices.push(message),
        },
      );
      const guardedUpdate = sentBy(guardedSession, guarded, command);
      const clientAllowed = drafted.length === 0 && notices.length === 0;

      if (described.length === 0) {
        // A command that changes nothing: the server lets it by, a view-only link refuses it anyway.
        expect(clientAllowed, context).toBe(role !== 'viewer');
        continue;
      }
      // What the guard asked about is what the server found in the update.
      const question = (COMMAND_QUESTIONS[command.name] as (doc: Y.Doc, ...args: unknown[]) => readonly UpdateChange[])(
        server,
        ...command.args,
      );
      expect(capabilities(question, state), context).toEqual(capabilities(described, state));

      expect(clientAllowed, context).toBe(serverVerdict.ok);
      if (serverVerdict.ok) {
        seen.allowed += 1;
        expect(guardedUpdate, context).not.toBeNull();
        expect(checkDocumentUpdate(access, server, guardedUpdate!), context).toEqual({ ok: true });
        continue;
      }
      seen.refused += 1;
      expect(guardedUpdate, context).toBeNull();
      const judged = judgeChanges(role, state, described);
      if (judged.ok) throw new Error(`the server refused but the table allows: ${context}`);
      seen.causes.add(judged.refusal.cause === 'role' ? `role:${role}` : judged.refusal.cause);
      if (command.name === 'addCard' && judged.refusal.cause === 'privateMode') {
        seen.drafts += 1;
        expect(drafted, context).toHaveLength(1);
      } else {
        expect(notices, context).toEqual([t(noticeFor(judged.refusal))]);
      }
    }

    console.log(
      `permissions property: ${seen.allowed} allowed, ${seen.refused} refused (${seen.drafts} to drafts), ${seen.failed} refused by the op itself`,
    );
    // The generator must keep reaching every command and every reason, or the test proves little.
    expect([...seen.commands].sort()).toEqual([...COMMAND_NAMES].sort());
    expect([...seen.causes].sort()).toEqual(['boardLock', 'cardLock', 'privateMode', 'role:viewer', 'structureLock'].sort());
  });
});
