import { Link } from '../app/router.tsx';
import { boardPath, type BoardView } from '../app/routes.ts';
import { useSession } from '../board/BoardContext.tsx';
import { TimeView } from '../dunning/TimeView.tsx';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { useT, type MessageKey } from '../i18n/index.ts';
import { ReportView } from '../report/ReportView.tsx';
import { PrioritizeView } from './PrioritizeView.tsx';
import './prioritize.css';

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
      <ExportMenu view={view} />
    </nav>
  );
}

/** What the board page shows in place of the map for the other views. */
export function BoardViewContent({ view }: { view: BoardView }) {
  if (view === 'time') return <TimeView />;
  return view === 'actions' ? <PrioritizeView /> : <ReportView />;
}
