import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { Icon } from './icons.tsx';

const NOTICE_MS = 6000;

/** A short message about something that did not work (a failed edit), announced politely. */
export function Notice({ notice, dismiss }: { notice: { id: number; text: string } | null; dismiss: () => void }) {
  const t = useT();

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice ? (
        <div className="notice" key={notice.id}>
          <span>{notice.text}</span>
          <button type="button" className="notice__close" aria-label={t('common.dismiss')} onClick={dismiss}>
            <Icon name="close" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
