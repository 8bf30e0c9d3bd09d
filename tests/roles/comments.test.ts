/**
 * Comments and the people directory under the one permission table: for random roles,
 * identities (the connection's own participant, someone else's, none) and comment commands,
 * the update the shared op really sends is judged by the server's admission exactly as the
 * op's plan (PLANNED_CHANGES) is judged by the table — what the client asks before it runs.
 *
 * Replay a failure with REJSE_COMMENTS_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardOpError,
  PLANNED_CHANGES,
  ROLES,
  addComment,
  capabilityOf,
  commentsMap,
  createParticipantIdentity,
  describeUpdate,
  editComment,
  judgeChanges,
  readPermissionState,
  removeComment,
  setPersonDone,
  setPersonName,
  setThreadResolved,
  type UpdateChange,
} from '@rejse/shared';
import { createRng, seedFrom, type Rng } from '@rejse/shared/testing';
import { accessFor, checkDocumentUpdate } from '../../server/src/sync/access.ts';

const anna = createParticipantIdentity().id;
const bo = createParticipantIdentity().id;
const card = { kind: 'card' as const, id: 'c_letter' };

interface Command {
  name: string;
  plan: (doc: Y.Doc) => readonly UpdateChange[];
  run: (doc: Y.Doc) => void;
}

function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  addComment(doc, anna, { target: card, text: 'Anna asks', id: `${anna}.first` }, 'test', 1);
  addComment(doc, bo, { target: card, text: 'Bo answers', replyTo: `${anna}.first`, id: `${bo}.reply` }, 'test', 2);
  setPersonName(doc, anna, 'Anna', 'test');
  return doc;
}

function randomCommand(rng: Rng): Command {
  const who = rng.pick([anna, bo]);
  const existing = rng.pick([`${anna}.first`, `${bo}.reply`]);
  const text = rng.pick(['Why this letter?', '@Anna look', 'ok']);
  const options: Command[] = [
    {
      name: `add as ${who === anna ? 'anna' : 'bo'}`,
      plan: (d) => PLANNED_CHANGES.addComment(d, who, { target: card, text, id: `${who}.n${rng.int(1e6)}` }),
      run: () => {},
    },
    {
      name: 'edit',
      plan: (d) => PLANNED_CHANGES.editComment(d, existing, text, [bo]),
      run: (d) => editComment(d, existing, text, [bo], 'client'),
    },
    {
      name: 'resolve',
      plan: (d) => PLANNED_CHANGES.setThreadResolved(d, existing, true),
      run: (d) => setThreadResolved(d, existing, true, 'client'),
    },
    {
      name: 'remove',
      plan: (d) => PLANNED_CHANGES.removeComment(d, existing),
      run: (d) => removeComment(d, existing, 'client'),
    },
    {
      name: 'name',
      plan: (d) => PLANNED_CHANGES.setPersonName(d, who, text),
      run: (d) => setPersonName(d, who, text, 'client'),
    },
    {
      name: 'done',
      plan: (d) => PLANNED_CHANGES.setPersonDone(d, who, 'se/0/1'),
      run: (d) => setPersonDone(d, who, 'se/0/1', 'client'),
    },
  ];
  const command = rng.pick(options);
  if (command.name.startsWith('add')) {
    // The id is fixed when the plan is made, so plan and op name the same record.
    let planned: readonly UpdateChange[] = [];
    return {
      name: command.name,
      plan: (d) => (planned = command.plan(d)),
      run: (d) => {
        const id = planned[0]?.recordId ?? '';
        addComment(d, who, { target: card, text, id }, 'client');
      },
    };
  }
  return command;
}

describe('comments and names under the permission table', () => {
  it('the server judges the real update of every comment command as the table judges its plan', () => {
    const seed = seedFrom(process.env.REJSE_COMMENTS_SEED, 20260401);
    console.log(`comments permission seed: ${seed} (replay with REJSE_COMMENTS_SEED=${seed})`);
    const rng = createRng(seed);
    const outcomes = new Set<string>();
    for (let trial = 0; trial < 400; trial += 1) {
      const server = serverDoc();
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
      const role = rng.pick(ROLES);
      const identity = rng.pick([anna, bo, null]);
      const command = randomCommand(rng);
      const context = `seed ${seed}, trial ${trial}: ${role} as ${identity === anna ? 'anna' : identity === bo ? 'bo' : 'nobody'} ${command.name}`;
      const plan = command.plan(replica);
      const before = Y.encodeStateVector(replica);
      try {
        command.run(replica);
      } catch (error) {
        if (error instanceof BoardOpError) continue;
        throw error;
      }
      const update = Y.encodeStateAsUpdate(replica, before);
      const described = describeUpdate(server, update);
      const state = readPermissionState(server, identity);
      const caps = (changes: readonly UpdateChange[]) => [...new Set(changes.map((c) => capabilityOf(c, state)))].sort();
      expect(caps(plan), context).toEqual(caps(described));
      const access = accessFor(role, 'link', identity ?? undefined);
      const serverVerdict = checkDocumentUpdate(access, server, update);
      const planVerdict = judgeChanges(role, state, plan);
      expect(planVerdict.ok, context).toBe(serverVerdict.ok);
      if (!planVerdict.ok) outcomes.add(planVerdict.refusal.cause === 'role' ? `role:${role}` : planVerdict.refusal.cause);
      else outcomes.add(`allowed:${role}`);
    }
    expect([...outcomes].sort()).toEqual(['allowed:editor', 'allowed:facilitator', 'othersRecord', 'role:editor', 'role:viewer'].sort());
  });

  it('a comment stays with the author the server knew: nobody, not even the facilitator, writes as someone else', () => {
    const server = serverDoc();
    const forge = (as: string, role: 'editor' | 'facilitator', identity: string | undefined) => {
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
      const before = Y.encodeStateVector(replica);
      addComment(replica, as, { target: card, text: 'I never wrote this' }, 'client');
      return checkDocumentUpdate(accessFor(role, 'link', identity), server, Y.encodeStateAsUpdate(replica, before));
    };
    expect(forge(anna, 'editor', anna)).toEqual({ ok: true });
    expect(forge(anna, 'editor', bo)).toMatchObject({
      ok: false,
      reason: 'that record belongs to another participant',
    });
    expect(forge(anna, 'facilitator', bo)).toMatchObject({ ok: false });
    expect(forge(anna, 'editor', undefined)).toMatchObject({ ok: false });
    expect(commentsMap(server).size).toBe(2);
  });
});
