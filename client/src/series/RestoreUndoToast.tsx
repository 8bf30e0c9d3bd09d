import { useCallback, useEffect, useState } from 'react';
import { useBoardUiStore, useSession } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { useSeriesApi } from './useSeries.ts';
import { offerUndoRestore, useUndoableRestore } from './viewState.ts';

/** How long "Undo restore" stays on screen (and Ctrl+Z undoes the restore rather than an edit). */
const UNDO_RESTORE_MS = 30_000;

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * After a restore, the facilitator may take it back: the server restores the version it saved
 * just before the restore, again as a new change everyone sees live. While the toast shows,
 * Ctrl/Cmd+Z does that instead of the ordinary per-user undo (which never undoes a restore:
 * the restore is the server's change, not this browser's).
 */
export function RestoreUndoToast() {
  const t = useT();
  const { boardId } = useSession();
  const { role } = useFacilitationContext();
  const ui = useBoardUiStore();
  const api = useSeriesApi();
  const offer = useUndoableRestore(boardId);
  const [busy, setBusy] = useState(false);

  const undo = useCallback(async () => {
    if (!offer || busy) return;
    setBusy(true);
    try {
      await api.restore(offer.undoSnapshotId);
      offerUndoRestore(null);
      ui.getState().notify(t('series2.undo.done'));
    } catch (cause) {
      ui.getState().notify(t('series2.undo.failed', { reason: cause instanceof Error ? cause.message : String(cause) }));
    } finally {
      setBusy(false);
    }
  }, [offer, busy, api, ui, t]);

  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(() => offerUndoRestore(null), UNDO_RESTORE_MS);
    return () => clearTimeout(timer);
  }, [offer]);

  useEffect(() => {
    if (!offer) return;
    // Capture phase: runs before the board's own undo shortcut and keeps it from running.
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || isTyping(event.target)) return;
      if (event.key.toLowerCase() !== 'z') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      void undo();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [offer, undo]);

  if (!offer || role !== 'facilitator') return null;
  return (
    <div className="restore-toast" role="status" aria-live="polite" data-undo-snapshot={offer.undoSnapshotId}>
      <span>{t('series2.undo.restored', { name: offer.label })}</span>
      <button
        type="button"
        className="button button--small button--primary"
        disabled={busy}
        aria-keyshortcuts="Control+Z"
        onClick={() => void undo()}
      >
        {t('series2.undo.button')}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        aria-label={t('common.dismiss')}
        onClick={() => offerUndoRestore(null)}
      >
        ×
      </button>
    </div>
  );
}
