import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeUpdate } from '../doc/inspect.ts';
import { createParticipantIdentity } from '../facilitation/roles.ts';
import { capabilityOf, readPermissionState } from '../permissions/judge.ts';
import { PLANNED_CHANGES } from '../permissions/planned.ts';
import { authorOfComment, readPeople, recordOwner, setPersonName } from './layout.ts';
import { addComment, editComment, removeComment, setThreadResolved } from './ops.ts';
import { commentThreads, mentionsIn, openCommentCounts, readComments, unreadComments } from './read.ts';

const anna = createParticipantIdentity().id;
const bo = createParticipantIdentity().id;
const card = { kind: 'card' as const, id: 'c_letter' };

function updateOf(doc: Y.Doc, run: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  run();
  return Y.encodeStateAsUpdate(doc, before);
}

describe('comments in the board document', () => {
  it('threads replies under their first comment, counts open ones per target, and resolves a thread', () => {
    const doc = new Y.Doc();
    const first = addComment(doc, anna, { target: card, text: ' Which product is this about? ' }, 'test', 1_000);
    addComment(doc, bo, { target: card, text: 'The letter never says', replyTo: first }, 'test', 2_000);
    addComment(doc, bo, { target: { kind: 'stage', id: 's_due' }, text: 'Too many reminders here' }, 'test', 3_000);
    expect(authorOfComment(first)).toBe(anna);
    const comments = readComments(doc);
    expect(comments.map((c) => [c.authorId, c.text])).toEqual([
      [anna, 'Which product is this about?'],
      [bo, 'The letter never says'],
      [bo, 'Too many reminders here'],
    ]);
    let threads = commentThreads(comments);
    expect(threads.map((t) => t.comments.length)).toEqual([2, 1]);
    expect(openCommentCounts(threads)).toEqual(
      new Map([
        ['card:c_letter', 2],
        ['stage:s_due', 1],
      ]),
    );
    setThreadResolved(doc, first, true, 'test');
    threads = commentThreads(readComments(doc));
    expect(threads[0]?.resolved).toBe(true);
    expect(openCommentCounts(threads)).toEqual(new Map([['stage:s_due', 1]]));
    editComment(doc, first, 'Which creditor is this about?', [bo], 'test', 4_000);
    expect(readComments(doc)[0]).toMatchObject({
      text: 'Which creditor is this about?',
      mentions: [bo],
      editedAt: 4_000,
    });
    removeComment(doc, first, 'test');
    // The reply stays, in a thread of its own under the removed first comment's id.
    expect(commentThreads(readComments(doc)).map((t) => t.id)).toContain(first);
  });

  it('refuses empty and overlong comments and a missing author', () => {
    const doc = new Y.Doc();
    expect(() => addComment(doc, anna, { target: card, text: '   ' }, 'test')).toThrow(/some text/);
    expect(() => addComment(doc, anna, { target: card, text: 'x'.repeat(2_001) }, 'test')).toThrow(/at most/);
    expect(() => addComment(doc, 'Anna', { target: card, text: 'hi' }, 'test')).toThrow(/participant/);
  });

  it('counts unread comments by others since I last looked, and the ones that mention me', () => {
    const doc = new Y.Doc();
    addComment(doc, anna, { target: card, text: 'old' }, 'test', 1_000);
    addComment(doc, bo, { target: card, text: 'new, @Anna', mentions: [anna] }, 'test', 5_000);
    addComment(doc, anna, { target: card, text: 'my own' }, 'test', 6_000);
    const unread = unreadComments(readComments(doc), anna, () => 2_000);
    expect(unread.byTarget).toEqual(new Map([['card:c_letter', 1]]));
    expect(unread.mentions.map((c) => c.text)).toEqual(['new, @Anna']);
  });

  it('finds @mentions by the names people gave themselves, longest name first', () => {
    const people = new Map([
      [anna, 'Anna'],
      [bo, 'Anna Berg'],
    ]);
    expect(mentionsIn('Thanks @anna berg!', people)).toEqual([bo]);
    expect(mentionsIn('@Anna, see this', people)).toEqual([anna]);
    expect(mentionsIn('@Annabel', people)).toEqual([]);
    expect(mentionsIn('mail anna@example.com', people)).toEqual([]);
  });

  it('keeps one name per participant, owned by that participant', () => {
    const doc = new Y.Doc();
    setPersonName(doc, anna, '  Anna  ', 'test');
    setPersonName(doc, anna, 'Anna B', 'test');
    expect(readPeople(doc)).toEqual(new Map([[anna, 'Anna B']]));
    expect(recordOwner('people', anna)).toBe(anna);
    expect(recordOwner('cards', 'c_1')).toBeUndefined();
  });

  it('plans the same changes each op then sends', () => {
    const doc = new Y.Doc();
    const server = new Y.Doc();
    const sync = (update: Uint8Array) => Y.applyUpdate(server, update);
    const state = readPermissionState(server, anna);
    const caps = (changes: ReturnType<typeof describeUpdate>) => [...new Set(changes.map((c) => capabilityOf(c, state)))].sort();
    const input = { target: card, text: 'hello', mentions: [bo] };
    const planned = PLANNED_CHANGES.addComment(doc, anna, input);
    let id = '';
    const added = updateOf(doc, () => {
      id = addComment(doc, anna, input, 'test');
    });
    expect(caps(planned)).toEqual(caps(describeUpdate(server, added)));
    expect(planned.map((c) => c.field).sort()).toEqual(
      describeUpdate(server, added)
        .map((c) => c.field)
        .sort(),
    );
    sync(added);
    const steps: [() => ReturnType<typeof describeUpdate>, () => void][] = [
      [() => PLANNED_CHANGES.editComment(doc, id, 'hello again', [bo]), () => editComment(doc, id, 'hello again', [bo], 'test')],
      [() => PLANNED_CHANGES.setThreadResolved(doc, id, true), () => setThreadResolved(doc, id, true, 'test')],
      [() => PLANNED_CHANGES.setPersonName(doc, anna, 'Anna'), () => setPersonName(doc, anna, 'Anna', 'test')],
      [() => PLANNED_CHANGES.removeComment(doc, id), () => removeComment(doc, id, 'test')],
    ];
    for (const [planOf, run] of steps) {
      const plan = planOf();
      const update = updateOf(doc, run);
      const described = describeUpdate(server, update);
      expect(caps(plan), JSON.stringify([plan, described])).toEqual(caps(described));
      sync(update);
    }
  });
});
