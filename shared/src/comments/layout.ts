import * as Y from 'yjs';
import { isParticipantId } from '../facilitation/roles.ts';
import { randomId } from '../ids.ts';

/**
 * Comments and the people who write them, in the board document (so they are live for
 * everyone, stored with the board and survive a crash like any edit):
 *
 *   comments  Y.Map<commentId, Y.Map>  { target, text, mentions, createdAt, replyTo?, resolved?, editedAt? }
 *   people    Y.Map<participantId, Y.Map>  { name, done? }   who is who, for authors and @mentions;
 *                                                    `done` = the run-sheet phase they said "I'm done" to
 *
 * A comment's id begins with its author's participant id (`<participantId>.<random>`), and a
 * person's entry is keyed by their participant id. The server knows each connection's
 * participant (proven by its secret), so the permission table can refuse a record that is
 * not the writer's own (the `othersRecord` block) — the author of a comment is the
 * participant the server knows, never a name the client claims. Only the facilitator may
 * remove someone else's comment; anyone who may comment may resolve or reopen a thread.
 *
 * A thread is a comment without `replyTo` and the comments replying to it; resolving sets
 * `resolved` on the thread's first comment. Targets are cards and stages.
 */
export const COMMENTS = 'comments';
export const PEOPLE = 'people';

export const commentsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(COMMENTS);
export const peopleMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(PEOPLE);

/** Separates the author's participant id from the random part of a comment id (never in a participant id). */
const AUTHOR_SEPARATOR = '.';

export const createCommentId = (authorId: string): string => `${authorId}${AUTHOR_SEPARATOR}${randomId(10)}`;

/** The author of a comment, from its id (null for an id of another shape). */
export function authorOfComment(commentId: string): string | null {
  const at = commentId.lastIndexOf(AUTHOR_SEPARATOR);
  if (at <= 0) return null;
  const author = commentId.slice(0, at);
  return isParticipantId(author) ? author : null;
}

/**
 * Whose record this is, for records that belong to one participant (comments, people
 * entries); undefined for every other root (records there belong to the board).
 */
export function recordOwner(root: string, recordId: string | undefined): string | null | undefined {
  if (root === COMMENTS) return recordId === undefined ? null : authorOfComment(recordId);
  if (root === PEOPLE) return recordId !== undefined && isParticipantId(recordId) ? recordId : null;
  return undefined;
}

/** Longest name a person may give themselves on a board. */
export const PERSON_NAME_LENGTH = 60;

/** Names people gave themselves on this board, by participant id. */
export function readPeople(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  peopleMap(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map) || !isParticipantId(id)) return;
    const name = record.get('name');
    if (typeof name === 'string' && name.trim() !== '') out.set(id, name.trim().slice(0, PERSON_NAME_LENGTH));
  });
  return out;
}

/** The participant's entry in the people directory, made when it is not there yet (call inside a transaction). */
function personRecord(doc: Y.Doc, participantId: string): Y.Map<unknown> {
  const people = peopleMap(doc);
  const record = people.get(participantId);
  if (record instanceof Y.Map) return record;
  const fresh = new Y.Map<unknown>();
  people.set(participantId, fresh);
  return fresh;
}

/** Writes (or renames) the caller's own entry in the people directory. */
export function setPersonName(doc: Y.Doc, participantId: string, name: string, origin: unknown): void {
  const clean = name.trim().slice(0, PERSON_NAME_LENGTH);
  doc.transact(() => {
    const record = personRecord(doc, participantId);
    if (record.get('name') !== clean) record.set('name', clean);
  }, origin);
}

/** Says "I'm done" with a run-sheet phase (its `phaseKey`), or takes it back (null). */
export function setPersonDone(doc: Y.Doc, participantId: string, phase: string | null, origin: unknown): void {
  doc.transact(() => {
    const record = personRecord(doc, participantId);
    if (phase === null) record.delete('done');
    else if (record.get('done') !== phase) record.set('done', phase);
  }, origin);
}

/** Who has said "I'm done" with the phase `phase`. */
export function doneWith(doc: Y.Doc, phase: string): string[] {
  const out: string[] = [];
  peopleMap(doc).forEach((record, id) => {
    if (record instanceof Y.Map && record.get('done') === phase && isParticipantId(id)) out.push(id);
  });
  return out.sort();
}
