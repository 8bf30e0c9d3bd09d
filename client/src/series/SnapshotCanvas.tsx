import { writeBoardInto, type BoardId, type CardId } from '@rejse/shared';
import { ReactFlowProvider, useStore } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { computeLayout } from '../canvas/layout.ts';
import { useReveal } from '../canvas/useCanvasActions.ts';
import { BoardProvider, useBoard, useBoardUiStore, useSession, type BoardContextValue } from '../doc/BoardContext.tsx';
import { createBoardUiStore, type BoardUiStore } from '../doc/boardUi.ts';
import { createCommands } from '../doc/commands.ts';
import { wsBaseFor } from '../doc/connection.ts';
import { createEditorStore } from '../doc/editorStore.ts';
import { openBoardLink } from '../doc/boardLink.ts';
import { BoardSession } from '../doc/session.ts';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { formatDateTime, useT } from '../i18n/index.ts';
import { RestoreUndoToast } from './RestoreUndoToast.tsx';
import { useRestore } from './useSeries.ts';
import { showSnapshot, useLiveCardFocus, useViewedSnapshot, type ViewedSnapshot } from './viewState.ts';
import { snapshotLabel } from './snapshotLabel.ts';
import { readOnlyCommands } from './readOnly.tsx';
import './versions.css';

/**
 * The map area: the live board, or — while one is chosen in the history — a saved version on
 * the same canvas, read-only, under a banner that leads back to the live board.
 */
export function MapCanvas({ viewOnly }: { viewOnly: boolean }) {
  const { boardId } = useSession();
  const viewed = useViewedSnapshot(boardId);
  const focus = useLiveCardFocus(boardId);
  useEffect(() => () => showSnapshot(null), []);
  return (
    <>
      {viewed ? (
        <SnapshotCanvas key={viewed.info.id} snapshot={viewed} />
      ) : (
        <>
          <BoardCanvas viewOnly={viewOnly} />
          {focus ? <CardFocus key={focus.seq} cardId={focus.cardId} /> : null}
        </>
      )}
      <RestoreUndoToast />
    </>
  );
}

/** Nothing on a shown version opens for editing (its commands are refused as well). */
function makeReadOnly(ui: BoardUiStore): void {
  ui.setState({ editCard: () => undefined, editHeader: () => undefined, requestRemove: () => undefined });
}

/**
 * A saved version in a document of its own that never connects: the canvas, its nodes and
 * layout are the live board's own, given this document through a provider of its own (and a
 * React Flow store of its own, so the live view is untouched).
 */
function SnapshotCanvas({ snapshot }: { snapshot: ViewedSnapshot }) {
  const t = useT();
  const live = useBoardUiStore();
  const [value, setValue] = useState<BoardContextValue | null>(null);

  useEffect(() => {
    const session = new BoardSession(
      snapshot.boardId as BoardId,
      openBoardLink(snapshot.boardId, wsBaseFor(window.location), null, null, false),
    );
    writeBoardInto(session.doc, snapshot.board);
    const ui = createBoardUiStore();
    makeReadOnly(ui);
    const notify = (message: string) => live.getState().notify(message);
    const commands = readOnlyCommands(createCommands(session, notify), () => notify(t('series2.snapshot.readOnly')));
    setValue({ session, commands, ui, editor: createEditorStore() });
    return () => session.destroy();
  }, [snapshot, live, t]);

  return (
    <section className="snapshot-canvas" aria-label={t('series2.snapshot.label')}>
      <SnapshotBanner snapshot={snapshot} />
      {value ? (
        <BoardProvider value={value}>
          <ReactFlowProvider>
            <BoardCanvas viewOnly />
            {snapshot.focusCardId ? <CardFocus cardId={snapshot.focusCardId} /> : null}
          </ReactFlowProvider>
        </BoardProvider>
      ) : null}
    </section>
  );
}

function SnapshotBanner({ snapshot }: { snapshot: ViewedSnapshot }) {
  const t = useT();
  const locale = useBoard((b) => b.locale);
  const { role } = useFacilitationContext();
  const restore = useRestore();
  const [error, setError] = useState<string | null>(null);
  const name = snapshotLabel(t, snapshot.info);
  return (
    <div className="banner snapshot-banner" role="status">
      <span className="snapshot-banner__text">
        {t('series2.snapshot.banner', { name, date: formatDateTime(snapshot.info.createdAt, locale) })}
      </span>
      <button type="button" className="button button--small button--primary" onClick={() => showSnapshot(null)}>
        {t('series2.snapshot.back')}
      </button>
      {role === 'facilitator' ? (
        <button
          type="button"
          className="button button--small button--danger"
          onClick={() => {
            if (!window.confirm(t('series.history.confirmRestore', { name }))) return;
            setError(null);
            restore(snapshot.info.id, name).catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
          }}
        >
          {t('series2.snapshot.restore')}
        </button>
      ) : null}
      {error ? (
        <span className="series-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Selects a card and brings it on screen once the canvas has its size (after its first fit). */
function CardFocus({ cardId }: { cardId: string }) {
  const session = useSession();
  const ui = useBoardUiStore();
  const reveal = useReveal();
  const ready = useStore((s) => s.width > 0 && s.height > 0);
  useEffect(() => {
    if (!ready) return;
    // After the canvas's own first fit (onInit), which would otherwise move the view back.
    const timer = setTimeout(() => {
      const box = computeLayout(session.getBoard()).cards.get(cardId);
      if (!box) return;
      ui.getState().setSelection([cardId as CardId], []);
      reveal(box);
    }, 120);
    return () => clearTimeout(timer);
  }, [ready, cardId, session, ui, reveal]);
  return null;
}
