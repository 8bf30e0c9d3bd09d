import { SidePanels } from './SidePanels.tsx';
import type { BoardId } from '@rejse/shared';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useLayoutEffect, useState } from 'react';
import { rememberBoard } from '../routing/knownBoards.ts';
import { Link } from '../routing/router.tsx';
import type { BoardView } from '../routing/routes.ts';
import { useT } from '../i18n/index.ts';
import { FacilitationProvider } from '../facilitation/FacilitationContext.tsx';
import { GuardedCommands } from '../facilitation/GuardedCommands.tsx';
import { takeOpenedBoard } from './openSession.ts';
import type { BoardAccess } from '../facilitation/boardAccess.ts';
import { useBoardAccess } from '../facilitation/useBoardAccess.ts';
import { WorkshopBar, WorkshopPanels } from '../facilitation/Workshop.tsx';
import { CardInspector } from '../panels/CardInspector.tsx';
import { SeriesPanel } from '../series/SeriesPanel.tsx';
import { MapCanvas } from '../series/SnapshotCanvas.tsx';
import { useViewedSnapshot } from '../series/viewState.ts';
import { ReadOnlyWhileViewing } from '../series/readOnly.tsx';
import { BoardTabs, BoardViewContent } from './BoardViews.tsx';
import { RemoveAxisDialog } from '../panels/RemoveAxisDialog.tsx';
import { AddLaneDialog } from '../panels/AddLaneDialog.tsx';
import { MessagePage } from '../ui/MessagePage.tsx';
import { Notice } from '../ui/Notice.tsx';
import { BoardProvider, useBoard, useBoardUi, useSession, useSessionStatus, type BoardContextValue } from '../doc/BoardContext.tsx';
import { createBoardUiStore } from '../doc/boardUi.ts';
import { createEditorStore } from '../doc/editorStore.ts';
import { PrioritizeUiProvider } from '../prioritize/store.tsx';
import { BoardHeader } from './BoardHeader.tsx';
import { createCommands } from '../doc/commands.ts';
import { EditorLayer } from './EditorLayer.tsx';
import type { BoardSession } from '../doc/session.ts';
import { Toolbar } from './Toolbar.tsx';
import { useBoardShortcuts } from './useBoardShortcuts.ts';

/** Opens the board's live session for as long as the page shows it. */
export function BoardPage({ boardId, view = 'map' }: { boardId: BoardId; view?: BoardView | 'map' }) {
  const [opened, setOpened] = useState<{ value: BoardContextValue; access: Promise<BoardAccess> } | null>(null);

  // Before the first paint: the board opened early has usually arrived by now, and the page
  // shows it in the same task instead of an empty frame first.
  useLayoutEffect(() => {
    const { session, access } = takeOpenedBoard(boardId);
    // The board's local UI state is made with its session: nothing is carried over from another board.
    const ui = createBoardUiStore();
    const commands = createCommands(session, (message) => ui.getState().notify(message));
    setOpened({ value: { session, commands, ui, editor: createEditorStore() }, access });
    return () => session.destroy();
  }, [boardId]);

  if (!opened) return null;
  const { value, access } = opened;
  return (
    // Keyed by the session, so no component keeps hold of a previous board's stores.
    <BoardProvider value={value} key={sessionKey(value.session)}>
      <PrioritizeUiProvider>
        <ReactFlowProvider>
          <BoardScreen view={view} asked={access} />
        </ReactFlowProvider>
      </PrioritizeUiProvider>
    </BoardProvider>
  );
}

function BoardScreen({ view, asked }: { view: BoardView | 'map'; asked: Promise<BoardAccess> }) {
  const t = useT();
  const { connection, loaded } = useSessionStatus();
  // The role decides which commands and controls this page offers (the server enforces it too).
  // Asked while the board loads, not after: the board is shown as soon as both are there.
  const access = useBoardAccess(asked);

  if (connection === 'not-found') {
    return <BoardMessage title={t('board.notFound.title')} body={t('board.notFound.body')} />;
  }
  if (connection === 'denied') {
    return <BoardMessage title={t('board.denied.title')} body={t('board.denied.body')} />;
  }
  if (connection === 'reload' && !loaded) {
    return <BoardMessage title={t('board.reload.title')} body={t('board.reload.body')} reload />;
  }
  if (connection === 'refused' && !loaded) {
    return <BoardMessage title={t('board.refused.title')} body={t('board.refused.body')} reload />;
  }
  if (!loaded) {
    return (
      <main className="board-loading" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        <p>{connection === 'offline' ? t('board.offlineLoading') : t('board.loading')}</p>
      </main>
    );
  }
  return <LoadedBoard view={view} access={access} />;
}

function LoadedBoard({ view, access }: { view: BoardView | 'map'; access: BoardAccess | null }) {
  const t = useT();
  const { boardId } = useSession();
  const title = useBoard((b) => b.title);
  const { connection } = useSessionStatus();
  // A saved version shown on the canvas is read-only: no editing toolbar over it.
  const showingVersion = useViewedSnapshot(boardId) !== null;

  useEffect(() => {
    document.title = t('board.documentTitle', { title: title || t('board.untitled') });
  }, [t, title]);

  useEffect(() => {
    rememberBoard({ id: boardId, title, openedAt: Date.now() });
  }, [boardId, title]);

  if (!access) {
    return (
      <main className="board-loading" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        <p>{t('board.loading')}</p>
      </main>
    );
  }

  return (
    <FacilitationProvider boardId={boardId} token={access.token} role={access.role}>
      <GuardedCommands>
        <ReadOnlyWhileViewing>
          <BoardShortcuts />
          <div className="board-page" data-role={access.role}>
            <BoardHeader />
            <BoardTabs view={view} />
            {connection === 'reload' || connection === 'refused' ? (
              <div className="banner banner--warning" role="alert">
                <span>{t(connection === 'reload' ? 'board.reload.body' : 'board.refused.body')}</span>
                <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
                  {t('common.reload')}
                </button>
              </div>
            ) : null}
            {view === 'map' && !showingVersion ? <Toolbar /> : null}
            <div className="board-main">
              <div className="workshop-column">
                <WorkshopBar />
                {view === 'map' ? <MapCanvas viewOnly={access.role === 'viewer'} /> : <BoardViewContent view={view} />}
              </div>
              <SidePanels>
                <WorkshopPanels />
                <SeriesPanel />
                {/* The live card is not shown beside a saved version: its fields would change the live board. */}
                {showingVersion ? null : <CardInspector />}
              </SidePanels>
            </div>
            <RemoveAxisDialog />
            <AddLaneDialog />
            {showingVersion ? null : <EditorLayer />}
            <BoardNotice />
          </div>
        </ReadOnlyWhileViewing>
      </GuardedCommands>
    </FacilitationProvider>
  );
}

function BoardNotice() {
  const notice = useBoardUi((s) => s.notice);
  const dismiss = useBoardUi((s) => s.dismissNotice);
  return <Notice notice={notice} dismiss={dismiss} />;
}

const sessionKeys = new WeakMap<BoardSession, number>();
let sessionCount = 0;
function sessionKey(session: BoardSession): number {
  let key = sessionKeys.get(session);
  if (key === undefined) {
    sessionCount += 1;
    key = sessionCount;
    sessionKeys.set(session, key);
  }
  return key;
}

/** Undo/redo keys, with the commands this role may use. */
function BoardShortcuts() {
  useBoardShortcuts();
  return null;
}

function BoardMessage({ title, body, reload = false }: { title: string; body: string; reload?: boolean }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <MessagePage title={title} body={body}>
      {reload ? (
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>
      ) : (
        <Link to="/" className="button button--primary">
          {t('board.allBoards')}
        </Link>
      )}
    </MessagePage>
  );
}
