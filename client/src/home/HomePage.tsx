import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { LanguageMenu } from '../i18n/LanguageMenu.tsx';
import { BoardList } from './BoardList.tsx';
import { CreateBoardForm } from './CreateBoardForm.tsx';
import { ImportBoard } from './ImportBoard.tsx';

export function HomePage() {
  const t = useT();
  useEffect(() => {
    document.title = `${t('home.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <div className="home">
      <header className="home__bar">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
        </span>
        <span className="home__tagline">{t('app.tagline')}</span>
        <LanguageMenu className="language-menu--end" />
      </header>
      <main className="home__main">
        <div className="home__intro">
          <h1>{t('home.title')}</h1>
          <p>{t('home.intro')}</p>
        </div>
        <div className="home__grid">
          <div className="home__boards">
            <BoardList />
            <ImportBoard />
          </div>
          <CreateBoardForm />
        </div>
      </main>
    </div>
  );
}
