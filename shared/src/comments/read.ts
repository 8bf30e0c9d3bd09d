import * as Y from 'yjs';
import { isParticipantId } from '../facilitation/roles.ts';
import { authorOfComment, commentsMap } from './layout.ts';
import type { CommentTarget } from './ops.ts';

/** One comment as plain data. */
export interface BoardComment {
  id: string;
  /** The participant the server knew when it was written (from its id). */
  authorId: string;
  target: CommentTarget;
  text: string;
  mentions: string[];
  createdAt: number;
  replyTo: string | null;
  resolved: boolean;
  editedAt: number | null;
}

export interface CommentThread {
  /** The first comment's id (the thread's id). */
  id: string;
  target: CommentTarget;
  /** The first comment, then the replies, oldest first. A removed first comment leaves the replies. */
  comments: BoardComment[];
  resolved: boolean;
  /** The last comment's time. */
  updatedAt: number;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readTarget(value: unknown): CommentTarget | null {
  if (!value || typeof value !== 'object') return null;
  const { kind, id } = value as Record<string, unknown>;
  if ((kind !== 'card' && kind !== 'stage') || typeof id !== 'string' || id === '') return null;
  return { kind, id };
}

function readComment(id: string, record: Y.Map<unknown>): BoardComment | null {
  const authorId = authorOfComment(id);
  const target = readTarget(record.get('target'));
  const text = record.get('text');
  if (!authorId || !target || typeof text !== 'string') return null;
  const mentions = record.get('mentions');
  const replyTo = record.get('replyTo');
  const editedAt = record.get('editedAt');
  return {
    id,
    authorId,
    target,
    text,
    mentions: Array.isArray(mentions) ? mentions.filter(isParticipantId) : [],
    createdAt: finite(record.get('createdAt')) ? (record.get('createdAt') as number) : 0,
    replyTo: typeof replyTo === 'string' ? replyTo : null,
    resolved: record.get('resolved') === true,
    editedAt: finite(editedAt) ? editedAt : null,
  };
}

/** Every readable comment, oldest first (a malformed record is skipped, never fatal). */
export function readComments(doc: Y.Doc): BoardComment[] {
  const out: BoardComment[] = [];
  commentsMap(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map)) return;
    const comment = readComment(id, record);
    if (comment) out.push(comment);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export const targetKey = (target: CommentTarget): string => `${target.kind}:${target.id}`;

/** Comments grouped into threads (oldest thread first). A reply whose first comment is gone keeps its own thread. */
export function commentThreads(comments: readonly BoardComment[]): CommentThread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const threads = new Map<string, CommentThread>();
  for (const comment of comments) {
    const rootId = comment.replyTo && byId.has(comment.replyTo) ? comment.replyTo : (comment.replyTo ?? comment.id);
    const root = byId.get(rootId);
    let thread = threads.get(rootId);
    if (!thread) {
      thread = {
        id: rootId,
        target: (root ?? comment).target,
        comments: [],
        resolved: root?.resolved ?? false,
        updatedAt: 0,
      };
      threads.set(rootId, thread);
    }
    thread.comments.push(comment);
    thread.updatedAt = Math.max(thread.updatedAt, comment.createdAt, comment.editedAt ?? 0);
  }
  return [...threads.values()];
}

/** The count a card or stage shows: comments in its open threads, by target key. */
export function openCommentCounts(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.resolved) continue;
    const key = targetKey(thread.target);
    counts.set(key, (counts.get(key) ?? 0) + thread.comments.length);
  }
  return counts;
}

/**
 * Unread for one person: comments by others newer than when they last looked at that target
 * (`lastRead`, kept in the browser, by target key). Comments mentioning them count apart.
 */
export function unreadComments(
  comments: readonly BoardComment[],
  me: string | null,
  lastRead: (targetKey: string) => number,
): { byTarget: Map<string, number>; mentions: BoardComment[] } {
  const byTarget = new Map<string, number>();
  const mentions: BoardComment[] = [];
  for (const comment of comments) {
    if (comment.authorId === me) continue;
    const key = targetKey(comment.target);
    if (comment.createdAt <= lastRead(key)) continue;
    byTarget.set(key, (byTarget.get(key) ?? 0) + 1);
    if (me && comment.mentions.includes(me)) mentions.push(comment);
  }
  return { byTarget, mentions };
}

/**
 * The people a text @mentions, from the names on the board: "@Anna" or "@Anna Berg" (the
 * longest name that matches wins; names compare without case).
 */
export function mentionsIn(text: string, people: ReadonlyMap<string, string>): string[] {
  const names = [...people.entries()].filter(([, name]) => name.trim() !== '').sort((a, b) => b[1].length - a[1].length);
  const found = new Set<string>();
  const lower = text.toLocaleLowerCase();
  let at = lower.indexOf('@');
  while (at >= 0) {
    const rest = lower.slice(at + 1);
    const match = names.find(([, name]) => {
      const wanted = name.toLocaleLowerCase();
      if (!rest.startsWith(wanted)) return false;
      const next = rest.charAt(wanted.length);
      return next === '' || !/[\p{L}\p{N}]/u.test(next);
    });
    if (match) found.add(match[0]);
    at = lower.indexOf('@', at + 1);
  }
  return [...found].sort();
}
