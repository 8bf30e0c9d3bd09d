import type { ActivityEntry } from '@rejse/shared';
import { useEffect, useState } from 'react';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { formatDateTime, useLocale, useT } from '../i18n/index.ts';
import { rememberVisit, takeLastVisit } from './readState.ts';
import { useSeriesApi } from './useSeries.ts';

/** The visit this page counts from, taken once per board each time the board is opened. */
const visits = new Map<string, number>();
function lastVisitOf(boardId: string): number {
  let at = visits.get(boardId);
  if (at === undefined) {
    at = takeLastVisit(boardId);
    visits.set(boardId, at);
  }
  return at;
}

/**
 * Records every visit to the board, whether or not "Since last time" is opened: the previous
 * visit is taken when the board opens, and this one is remembered then and again whenever the
 * person hides or leaves the page, so the next visit counts from the last time they were here.
 */
const leaving = new Map<string, ReturnType<typeof setTimeout>>();
export function useBoardVisit(boardId: string): void {
  useEffect(() => {
    // Mounted again at once (React's strict mode, a remount): still the same visit.
    clearTimeout(leaving.get(boardId));
    leaving.delete(boardId);
    lastVisitOf(boardId);
    const remember = () => rememberVisit(boardId);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') remember();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', remember);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', remember);
      // Leaving the board inside the app: the next time it opens is a new visit.
      remember();
      leaving.set(
        boardId,
        setTimeout(() => {
          leaving.delete(boardId);
          visits.delete(boardId);
        }, 0),
      );
    };
  }, [boardId]);
}

/** "What happened since I was here": who added, moved, edited, commented and voted since the last visit. */
export function ActivityTab() {
  const t = useT();
  const locale = useLocale();
  const { boardId } = useFacilitationContext();
  const api = useSeriesApi();
  const [since, setSince] = useState(() => lastVisitOf(boardId));
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .activity(since)
      .then((answer) => live && setEntries(answer.entries))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [api, since]);

  return (
    <div className="activity">
      <p className="activity__since">
        {since > 0 ? t('series.activity.since', { date: formatDateTime(since, locale) }) : t('series.activity.everything')}
      </p>
      {since > 0 ? (
        <button type="button" className="button button--small button--quiet" onClick={() => setSince(0)}>
          {t('series.activity.showAll')}
        </button>
      ) : null}
      {failed ? <p role="alert">{t('series.activity.failed')}</p> : null}
      {entries && entries.length === 0 ? <p>{t('series.activity.nothing')}</p> : null}
      <ul className="activity__list">
        {(entries ?? []).map((entry) => (
          <li
            key={`${entry.at}-${entry.participantId}-${entry.action}-${entry.targetKind}-${entry.targetId}`}
            className={`activity__entry activity__entry--${entry.action}`}
          >
            <span>
              {t(`series.activity.${entry.action}`, {
                who:
                  entry.name ??
                  t(`series.activity.role.${entry.role === 'facilitator' ? 'facilitator' : entry.role === 'viewer' ? 'viewer' : 'editor'}`),
                what: entry.targetText ?? t(`series.activity.target.${entry.targetKind}`),
                count: entry.count,
              })}
            </span>
            <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, locale)}</time>
          </li>
        ))}
      </ul>
    </div>
  );
}
