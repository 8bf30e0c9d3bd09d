import { commentsMap } from '@rejse/shared';
import type * as Y from 'yjs';
import { summarizeComments, type CommentSummary } from './readState.ts';

/**
 * One summary of the board's comments (open counts, unread, mentions) per change of the
 * comments — not per card and not per keystroke elsewhere on the board — so a badge on each
 * of thousands of cards costs a map lookup.
 */
interface Cached {
  revision: number;
  /** The revision the summary was made at. */
  seen: number;
  marks: Record<string, number> | null;
  me: string;
  summary: CommentSummary | null;
}

const cache = new WeakMap<Y.Doc, Cached>();

function entry(doc: Y.Doc): Cached {
  let cached = cache.get(doc);
  if (!cached) {
    const fresh: Cached = { revision: 0, seen: -1, marks: null, me: '', summary: null };
    commentsMap(doc).observeDeep(() => {
      fresh.revision += 1;
    });
    cache.set(doc, fresh);
    cached = fresh;
  }
  return cached;
}

export function commentSummary(doc: Y.Doc, me: string, marks: Record<string, number>): CommentSummary {
  const cached = entry(doc);
  const revision = cached.revision;
  if (cached.summary && cached.marks === marks && cached.me === me && cached.seen === revision) return cached.summary;
  const summary = summarizeComments(doc, me, marks);
  Object.assign(cached, { summary, marks, me, seen: revision });
  return summary;
}
