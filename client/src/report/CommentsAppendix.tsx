import { commentReport, formatDateTime } from '@rejse/shared';
import { useSession } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { useDocValue } from '../series/useSeries.ts';

/**
 * The report's appendix of comment threads, by card and stage in board order (the grouping the
 * server's report.html uses). Comment text is rendered as text, never as HTML; dates in the board's locale.
 */
export function CommentsAppendix({ locale }: { locale: string }) {
  const t = useT();
  const session = useSession();
  const groups = useDocValue((doc) => commentReport(doc, session.getBoard()));
  return (
    <section className="report__block report__appendix" aria-labelledby="report-comments" data-comments-appendix={groups.length}>
      <h2 id="report-comments">{t('series.report.appendix')}</h2>
      {groups.length === 0 ? <p className="muted">{t('series.comments.none')}</p> : null}
      {groups.map((group) => (
        <div key={`${group.target.kind}:${group.target.id}`} className="report__thread">
          <h3>
            {group.name === null
              ? t('series.comments.goneCard')
              : t(group.target.kind === 'stage' ? 'series.comments.onStage' : 'series.comments.onCard', {
                  name: group.name || t('card.empty'),
                })}
          </h3>
          <ul className="report__comments">
            {group.comments.map((comment) => (
              <li key={comment.id} className={comment.reply ? 'is-reply' : undefined}>
                <strong>{comment.author ?? t('series.comments.someone')}</strong>{' '}
                <span className="muted">{formatDateTime(comment.at, locale)}</span>
                {comment.resolved && !comment.reply ? <span className="muted"> {t('series.report.resolved')}</span> : null}
                <p className="report__comment-text">{comment.text}</p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
