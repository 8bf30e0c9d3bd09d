import { useT, type MessageKey } from '../i18n/index.ts';
import { ActivityTab, useBoardVisit } from './ActivityTab.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { CommentsTab } from './CommentsTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { openSeriesTab, SERIES_TABS, useSeriesTab, type SeriesTab } from './panelState.ts';
import { RunSheetTab } from './RunSheetTab.tsx';
import { SeriesButtons } from './SeriesButtons.tsx';
import './series.css';

const TAB_LABELS: Readonly<Record<SeriesTab, MessageKey>> = {
  runsheet: 'series.tab.runsheet',
  history: 'series.tab.history',
  comments: 'series.tab.comments',
  activity: 'series.tab.activity',
};

/** The workshop series side panel: run-sheet, version history, comments, what happened since. */
export function SeriesPanel() {
  const t = useT();
  const tab = useSeriesTab();
  useBoardVisit(useFacilitationContext().boardId);
  if (!tab) return null;
  return (
    <aside className="series-panel" aria-label={t('series.panel.label')}>
      <header className="series-panel__head">
        <div role="tablist" aria-label={t('series.panel.label')} className="series-panel__tabs">
          {SERIES_TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={`series-tab${tab === id ? ' is-active' : ''}`}
              onClick={() => openSeriesTab(id)}
            >
              {t(TAB_LABELS[id])}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => openSeriesTab(null)}
          aria-label={t('series.panel.close')}
        >
          ×
        </button>
      </header>
      <div className="series-panel__body" role="tabpanel">
        {tab === 'runsheet' ? <RunSheetTab /> : null}
        {tab === 'history' ? <HistoryTab /> : null}
        {tab === 'comments' ? <CommentsTab /> : null}
        {tab === 'activity' ? <ActivityTab /> : null}
      </div>
    </aside>
  );
}

export { SeriesButtons };
