import * as Y from 'yjs';
import { isParticipantId } from '../facilitation/roles.ts';
import { BoardOpError } from '../doc/ops.ts';
import { commentsMap, createCommentId } from './layout.ts';

/** What a comment is about: a card or a stage. */
export interface CommentTarget {
  kind: 'card' | 'stage';
  id: string;
}

export const COMMENT_LIMITS = {
  /** Characters in one comment: a paragraph or two, not a document. */
  text: 2_000,
  /** People mentioned in one comment. */
  mentions: 20,
} as const;

export interface NewComment {
  target: CommentTarget;
  text: string;
  /** Participant ids of the people @mentioned. */
  mentions?: readonly string[];
  /** The first comment of the thread this one answers (absent: a new thread). */
  replyTo?: string;
  /** For the permission plan and tests: a caller-made id (it must start with the author's id). */
  id?: string;
}

function checkText(text: string): string {
  const clean = text.trim();
  if (clean === '') throw new BoardOpError('invalid', 'a comment needs some text');
  if (clean.length > COMMENT_LIMITS.text) throw new BoardOpError('too-long', `a comment holds at most ${COMMENT_LIMITS.text} characters`);
  return clean;
}

/** Mentions as stored: participant ids only, each once, sorted. */
export const normalizeMentions = (mentions: readonly string[] | undefined): string[] =>
  [...new Set((mentions ?? []).filter(isParticipantId))].sort();

function checkMentions(mentions: readonly string[] | undefined): string[] {
  const unique = normalizeMentions(mentions);
  if (unique.length > COMMENT_LIMITS.mentions)
    throw new BoardOpError('too-many', `a comment mentions at most ${COMMENT_LIMITS.mentions} people`);
  return unique;
}

/** The fields a new comment record is written with (the permission plan names the same). */
export function newCommentFields(input: NewComment, createdAt: number): Record<string, unknown> {
  return {
    target: { kind: input.target.kind, id: input.target.id },
    text: checkText(input.text),
    mentions: checkMentions(input.mentions),
    createdAt,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
  };
}

/** Adds a comment by `authorId` (the participant this browser proved to the server). Returns its id. */
export function addComment(doc: Y.Doc, authorId: string, input: NewComment, origin: unknown, now = Date.now()): string {
  if (!isParticipantId(authorId)) throw new BoardOpError('invalid', 'comments need a participant identity');
  const fields = newCommentFields(input, now);
  const id = input.id ?? createCommentId(authorId);
  if (commentsMap(doc).has(id)) throw new BoardOpError('duplicate', `comment "${id}" already exists`);
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) record.set(key, value);
    commentsMap(doc).set(id, record);
  }, origin);
  return id;
}

/** Rewrites one's own comment. */
export function editComment(doc: Y.Doc, id: string, text: string, mentions: readonly string[], origin: unknown, now = Date.now()): void {
  const record = commentsMap(doc).get(id);
  if (!(record instanceof Y.Map)) throw new BoardOpError('not-found', `comment "${id}" does not exist`);
  const clean = checkText(text);
  const people = checkMentions(mentions);
  doc.transact(() => {
    if (record.get('text') !== clean) record.set('text', clean);
    if (JSON.stringify(record.get('mentions')) !== JSON.stringify(people)) record.set('mentions', people);
    record.set('editedAt', now);
  }, origin);
}

/** Resolves or reopens the thread that `rootId` starts. */
export function setThreadResolved(doc: Y.Doc, rootId: string, resolved: boolean, origin: unknown): void {
  const record = commentsMap(doc).get(rootId);
  if (!(record instanceof Y.Map)) throw new BoardOpError('not-found', `comment "${rootId}" does not exist`);
  if ((record.get('resolved') === true) === resolved) return;
  doc.transact(() => record.set('resolved', resolved), origin);
}

/** Removes a comment (one's own; the facilitator any). A thread's replies stay, shown under a removed first comment. */
export function removeComment(doc: Y.Doc, id: string, origin: unknown): void {
  if (!commentsMap(doc).has(id)) return;
  doc.transact(() => commentsMap(doc).delete(id), origin);
}
