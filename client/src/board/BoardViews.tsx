import { lazy, Suspense } from 'react';
import { Link } from '../routing/router.tsx';
import { boardPath, type BoardView } from '../routing/routes.ts';
import { useSession } from '../doc/BoardContext.tsx';
import { TimeView } from '../dunning/TimeView.tsx';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { useT, type MessageKey } from '../i18n/index.ts';
import { LazyBoundary } from '../ui/NewVersion.tsx';
import '../prioritize/prioritize.css';

// The to-do list and the report load when first shown: most visits only show the map.
const PrioritizeView = lazy(() => import('../prioritize/PrioritizeView.tsx').then((module) => ({ default: module.PrioritizeView })));
const ReportView = lazy(() => import('../report/ReportView.tsx').then((module) => ({ default: module.ReportView })));

const TABS: ReadonlyArray<{ view: BoardView | 'map'; label: MessageKey }> = [
  { view: 'map', label: 'prioritize.tabs.map' },
  { view: 'time', label: 'dunning.tab' },
  { view: 'actions', label: 'prioritize.tabs.actions' },
  { view: 'report', label: 'prioritize.tabs.report' },
];

/** The board's views (map, to-do list, report) as links, and the export menu. */
export function BoardTabs({ view }: { view: BoardView | 'map' }) {
  const t = useT();
  const { boardId } = useSession();
  return (
    <nav className="board-tabs" aria-label={t('prioritize.tabs.label')}>
      <div className="board-tabs__list">
        {TABS.map((tab) => (
          <Link
            key={tab.view}
            to={boardPath(boardId, tab.view === 'map' ? undefined : tab.view)}
            className={`board-tabs__tab${tab.view === view ? ' is-current' : ''}`}
            aria-current={tab.view === view ? 'page' : undefined}
          >
            {t(tab.label)}
          </Link>
        ))}
      </div>
      {/* The export menu loads its items when first opened (ExportMenu's lazy ExportItems); if they
          cannot load, it gives way to the page's new-version notice. */}
      <LazyBoundary fallback={null}>
        <ExportMenu view={view} />
      </LazyBoundary>
    </nav>
  );
}

/** What the board page shows in place of the map for the other views. */
export function BoardViewContent({ view }: { view: BoardView }) {
  if (view === 'time') return <TimeView />;
  return (
    <LazyBoundary>
      <Suspense fallback={<ViewLoading />}>{view === 'actions' ? <PrioritizeView /> : <ReportView />}</Suspense>
    </LazyBoundary>
  );
}

function ViewLoading() {
  const t = useT();
  return (
    <div className="board-loading" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p>{t('board.viewLoading')}</p>
    </div>
  );
}
