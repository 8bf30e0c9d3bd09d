import { commentThreads, openCommentCounts, readComments, unreadComments, type BoardComment } from '@rejse/shared';
import { createExternalStore, type ExternalStore } from '../doc/externalStore.ts';

/**
 * What this browser has read: per comment target, when it last looked (local to the browser,
 * never in the document — read state is one person's), and when it last visited the board.
 */
const readKey = (boardId: string) => `rejse.commentsRead.${boardId}`;
const visitKey = (boardId: string) => `rejse.lastVisit.${boardId}`;

function load(boardId: string): Record<string, number> {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(readKey(boardId)) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, number>) : {};
  } catch {
    return {};
  }
}

const stores = new Map<string, ExternalStore<Record<string, number>>>();

/** The read marks of a board, as a store components subscribe to (badges update when a thread is read). */
export function readMarks(boardId: string): ExternalStore<Record<string, number>> {
  let store = stores.get(boardId);
  if (!store) {
    store = createExternalStore<Record<string, number>>(load(boardId));
    stores.set(boardId, store);
  }
  return store;
}

export function markRead(boardId: string, key: string, at = Date.now()): void {
  const store = readMarks(boardId);
  const next = { ...store.get(), [key]: at };
  store.set(next);
  try {
    globalThis.localStorage?.setItem(readKey(boardId), JSON.stringify(next));
  } catch {
    // Not kept: the marks last as long as the tab.
  }
}

/** The last visit before this one (0: never), and remembers this one from now on. */
export function takeLastVisit(boardId: string, now = Date.now()): number {
  let previous = 0;
  try {
    previous = Number(globalThis.localStorage?.getItem(visitKey(boardId)) ?? 0) || 0;
  } catch {
    // No storage: every visit is the first.
  }
  rememberVisit(boardId, now);
  return previous;
}

/** Remembers that this person was on the board at `now` (when they leave or hide the page). */
export function rememberVisit(boardId: string, now = Date.now()): void {
  try {
    globalThis.localStorage?.setItem(visitKey(boardId), String(now));
  } catch {
    // Not kept: the next visit counts from the one before.
  }
}

export interface CommentSummary {
  comments: BoardComment[];
  counts: Map<string, number>;
  unread: Map<string, number>;
  mentions: BoardComment[];
}

export function summarizeComments(doc: import('yjs').Doc, me: string, marks: Record<string, number>): CommentSummary {
  const comments = readComments(doc);
  const counts = openCommentCounts(commentThreads(comments));
  const { byTarget, mentions } = unreadComments(comments, me, (key) => marks[key] ?? 0);
  return { comments, counts, unread: byTarget, mentions };
}
