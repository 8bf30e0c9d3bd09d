import { commentReport, formatDateTime, translatorFor, type Board } from '@rejse/shared';
import type * as Y from 'yjs';
import { escapeHtml } from './report-html.ts';

/** One target's threads as the report's appendix lists them (plain data, read from the document). */
export interface ReportCommentGroup {
  title: string;
  comments: { author: string; at: number; text: string; resolved: boolean; reply: boolean }[];
}

/** The board's comment threads, grouped by card or stage in board order (shared `commentReport`), in words of `locale`. */
export function reportComments(doc: Y.Doc, board: Board, locale: string): ReportCommentGroup[] {
  const t = translatorFor(locale);
  return commentReport(doc, board).map((group) => ({
    title:
      group.name === null
        ? t('series.comments.goneCard')
        : t(group.target.kind === 'stage' ? 'series.comments.onStage' : 'series.comments.onCard', { name: group.name }),
    comments: group.comments.map((comment) => ({ ...comment, author: comment.author ?? t('series.comments.someone') })),
  }));
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
