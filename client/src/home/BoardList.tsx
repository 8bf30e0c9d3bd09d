import { Link } from '../app/router.tsx';
import { boardPath } from '../app/routes.ts';
import { formatDateTime, useLocale, useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import { listBoards, type BoardSummary } from './api.ts';
import { describeApiError } from './errors.ts';
import { useResource } from './useResource.ts';

const byRecent = (a: BoardSummary, b: BoardSummary): number =>
  new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime();

/** Every board, most recently changed first. */
export function BoardList() {
  const t = useT();
  const locale = useLocale();
  const [boards, reload] = useResource(listBoards);

  return (
    <section className="board-list" aria-labelledby="board-list-heading" aria-busy={boards.state === 'loading'}>
      <div className="board-list__head">
        <h2 id="board-list-heading" className="section-title">
          {t('home.list.heading')}
        </h2>
        {boards.state === 'ready' && boards.data.length > 0 ? (
          <span className="muted">{t('home.list.count', { count: boards.data.length })}</span>
        ) : null}
      </div>
      {boards.state === 'loading' ? (
        <ul className="board-list__items" aria-hidden="true">
          {[0, 1, 2].map((n) => (
            <li key={n} className="board-tile board-tile--skeleton" />
          ))}
        </ul>
      ) : null}
      {boards.state === 'loading' ? <p className="visually-hidden">{t('home.list.loading')}</p> : null}
      {boards.state === 'error' ? (
        <div className="empty-state empty-state--error" role="alert">
          <p>{t('home.list.error', { error: describeApiError(t, boards.error) })}</p>
          <button type="button" className="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {boards.state === 'ready' && boards.data.length === 0 ? (
        <div className="empty-state">
          <Icon name="board" size={28} />
          <p>{t('home.list.empty')}</p>
        </div>
      ) : null}
      {boards.state === 'ready' && boards.data.length > 0 ? (
        <ul className="board-list__items">
          {[...boards.data].sort(byRecent).map((board) => (
            <li key={board.id}>
              <Link to={boardPath(board.id)} className="board-tile">
                <span className="board-tile__title">{board.title || t('home.list.untitled')}</span>
                <span className="board-tile__meta">
                  {t('home.list.updated', { date: formatDateTime(locale, board.updatedAt) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
