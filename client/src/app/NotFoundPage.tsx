import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { MessagePage } from '../ui/MessagePage.tsx';
import { Link } from '../routing/router.tsx';

export function NotFoundPage() {
  const t = useT();
  useEffect(() => {
    document.title = `${t('notFound.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <MessagePage title={t('notFound.title')} body={t('notFound.body')}>
      <Link to="/" className="button button--primary">
        {t('notFound.home')}
      </Link>
    </MessagePage>
  );
}
