import { useEffect } from 'react';
import { BoardPage } from '../board/BoardPage.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { useLocale } from '../i18n/index.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { usePathname } from '../routing/router.tsx';
import { parseRoute } from '../routing/routes.ts';
import { NewVersionNotice } from '../ui/NewVersion.tsx';

export function App() {
  return (
    <>
      <Page />
      <NewVersionNotice />
    </>
  );
}

function Page() {
  const route = parseRoute(usePathname());
  const locale = useLocale();

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'board':
      return <BoardPage key={route.boardId} boardId={route.boardId} view={route.view ?? 'map'} />;
    default:
      return <NotFoundPage />;
  }
}
