import type * as Y from 'yjs';
import type { Board } from '../schema/board.ts';
import { readPeople } from './layout.ts';
import type { CommentTarget } from './ops.ts';
import { commentThreads, readComments, targetKey } from './read.ts';

/**
 * The board's comment threads for a report's appendix, grouped by what they are about (stages
 * and cards in board order, then anything removed since), as plain data: the server's
 * report.html and the client's report page each put it in words and escape it their own way.
 */
export interface CommentReportGroup {
  target: CommentTarget;
  /** The card's text or the stage's title; null when the card or stage is gone. */
  name: string | null;
  comments: CommentReportEntry[];
}

export interface CommentReportEntry {
  id: string;
  /** The name the author goes by on the board; null when they never gave one. */
  author: string | null;
  at: number;
  text: string;
  /** The thread is resolved (shown on its first comment). */
  resolved: boolean;
  reply: boolean;
}

export function commentReport(doc: Y.Doc, board: Pick<Board, 'stages' | 'cards'>): CommentReportGroup[] {
  const people = readPeople(doc);
  const names = new Map<string, string>([
    ...board.stages.map((stage) => [`stage:${stage.id}`, stage.title] as const),
    ...board.cards.map((card) => [`card:${card.id}`, card.text] as const),
  ]);
  const order = [...names.keys()];
  const groups = new Map<string, CommentReportGroup>();
  for (const thread of commentThreads(readComments(doc))) {
    const key = targetKey(thread.target);
    const group = groups.get(key) ?? { target: thread.target, name: names.get(key) ?? null, comments: [] };
    for (const [index, comment] of thread.comments.entries()) {
      group.comments.push({
        id: comment.id,
        author: people.get(comment.authorId) ?? null,
        at: comment.createdAt,
        text: comment.text,
        resolved: thread.resolved,
        reply: index > 0,
      });
    }
    groups.set(key, group);
  }
  // Board order first; a removed card or stage (not in the order) goes last.
  const rank = (key: string) => (order.indexOf(key) + order.length + 1) % (order.length + 1);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([, group]) => group);
}
