import { commentThreads, formatDateTime, readComments, readPeople, targetKey, translatorFor, type Board } from '@rejse/shared';
import type * as Y from 'yjs';
import { escapeHtml } from './report-html.ts';

/** One target's threads as the report's appendix lists them (plain data, read from the document). */
export interface ReportCommentGroup {
  title: string;
  comments: { author: string; at: number; text: string; resolved: boolean; reply: boolean }[];
}

/** The board's comment threads, grouped by card or stage in board order, for the report's appendix. */
export function reportComments(doc: Y.Doc, board: Board, locale: string): ReportCommentGroup[] {
  const t = translatorFor(locale);
  const people = readPeople(doc);
  const threads = commentThreads(readComments(doc));
  const titleOf = new Map<string, string>([
    ...board.stages.map((stage) => [`stage:${stage.id}`, t('series.comments.onStage', { name: stage.title })] as const),
    ...board.cards.map((card) => [`card:${card.id}`, t('series.comments.onCard', { name: card.text })] as const),
  ]);
  const order = [...titleOf.keys()];
  const groups = new Map<string, ReportCommentGroup>();
  for (const thread of threads) {
    const key = targetKey(thread.target);
    const group = groups.get(key) ?? { title: titleOf.get(key) ?? t('series.comments.goneCard'), comments: [] };
    for (const [index, comment] of thread.comments.entries()) {
      group.comments.push({
        author: people.get(comment.authorId) ?? t('series.comments.someone'),
        at: comment.createdAt,
        text: comment.text,
        resolved: thread.resolved,
        reply: index > 0,
      });
    }
    groups.set(key, group);
  }
  const rank = (key: string) => (order.indexOf(key) + order.length + 1) % (order.length + 1);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([, group]) => group);
}

/** The appendix as HTML: every user string escaped. Empty when there are no comments. */
export function renderCommentsAppendix(groups: readonly ReportCommentGroup[], locale: string): string {
  if (groups.length === 0) return '';
  const t = translatorFor(locale);
  const out = ['<section class="block appendix">', `<h2>${escapeHtml(t('series.report.appendix'))}</h2>`];
  for (const group of groups) {
    out.push(`<h3>${escapeHtml(group.title)}</h3>`, '<ul>');
    for (const comment of group.comments) {
      const resolved = comment.resolved && !comment.reply ? ` <span class="muted">${escapeHtml(t('series.report.resolved'))}</span>` : '';
      out.push(
        `<li${comment.reply ? ' class="reply"' : ''}><strong>${escapeHtml(comment.author)}</strong> <span class="muted">${escapeHtml(formatDateTime(comment.at, locale))}</span>${resolved}<br>${escapeHtml(comment.text)}</li>`,
      );
    }
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}
