import { useState } from 'react';
import { readKnownBoards } from '../routing/knownBoards.ts';
import { Link } from '../routing/router.tsx';
import { boardPath } from '../routing/routes.ts';
import { formatDateTime, useLocale, useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';

/** The boards this browser has opened (the server lists boards only for its operator). */
export function BoardList() {
  const t = useT();
  const locale = useLocale();
  const [boards] = useState(() => readKnownBoards());

  return (
    <section className="board-list" aria-labelledby="board-list-heading">
      <div className="board-list__head">
        <h2 id="board-list-heading" className="section-title">
          {t('home.list.heading')}
        </h2>
        {boards.length > 0 ? <span className="muted">{t('home.list.count', { count: boards.length })}</span> : null}
      </div>
      {boards.length === 0 ? (
        <div className="empty-state">
          <Icon name="board" size={28} />
          <p>{t('home.list.empty')}</p>
        </div>
      ) : (
        <ul className="board-list__items">
          {boards.map((board) => (
            <li key={board.id}>
              <Link to={boardPath(board.id)} className="board-tile">
                <span className="board-tile__title">{board.title || t('home.list.untitled')}</span>
                <span className="board-tile__meta">{t('home.list.opened', { date: formatDateTime(board.openedAt, locale) })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
