import { readPeople } from '@rejse/shared';
import { useEffect, useSyncExternalStore } from 'react';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { commentSummary } from './commentSummary.ts';
import { openSeriesTab, useSeriesTab, type SeriesTab } from './panelState.ts';
import { readMarks } from './readState.ts';
import { useDocValue, useSeriesCommands } from './useSeries.ts';

/**
 * The series entries in the workshop bar (run-sheet, history, comments with the unread count,
 * activity), and the bridge that writes this person's name into the board's people directory
 * so comments and @mentions can name them.
 */
export function SeriesButtons({ name }: { name: string | null }) {
  const t = useT();
  const tab = useSeriesTab();
  const { boardId, participant, role } = useFacilitationContext();
  const commands = useSeriesCommands();
  const known = useDocValue((doc) => readPeople(doc).get(participant.id) ?? null);
  const marks = readMarks(boardId);
  const read = useSyncExternalStore(marks.subscribe, marks.get);
  const unread = useDocValue((doc) => {
    const summary = commentSummary(doc, participant.id, read);
    return { total: [...summary.unread.values()].reduce((a, b) => a + b, 0), mentions: summary.mentions.length };
  });

  useEffect(() => {
    if (name && role !== 'viewer' && known !== name) commands.setName(name);
  }, [name, known, role, commands]);

  const button = (id: SeriesTab, label: string, extra?: string) => (
    <button
      type="button"
      className={`button button--small${tab === id ? ' button--primary' : ''}`}
      aria-pressed={tab === id}
      onClick={() => openSeriesTab(tab === id ? null : id)}
    >
      {label}
      {extra ? <span className="series-count">{extra}</span> : null}
    </button>
  );
  return (
    <div className="series-buttons">
      {button('runsheet', t('series.tab.runsheet'))}
      {button('history', t('series.tab.history'))}
      {button('comments', t('series.tab.comments'), unread.total > 0 ? String(unread.total) : undefined)}
      {unread.mentions > 0 ? (
        <span className="workshop-badge workshop-badge--mention" role="status">
          {t('series.comments.mentionedCount', { count: unread.mentions })}
        </span>
      ) : null}
      {button('activity', t('series.tab.activity'))}
    </div>
  );
}
