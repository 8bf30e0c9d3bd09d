import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useBoardUiStore, useSession } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useTicking } from '../facilitation/useNow.ts';
import { createSeriesApi, type SeriesApi } from './api.ts';
import { createSeriesCommands, type SeriesCommands } from './commands.ts';
import { offerUndoRestore, showSnapshot } from './viewState.ts';

/** The series API for this board, with this browser's link and participant identity. */
export function useSeriesApi(): SeriesApi {
  const { boardId, token, participant } = useFacilitationContext();
  return useMemo(() => createSeriesApi(boardId, token, participant), [boardId, token, participant]);
}

/**
 * A value read from the board document (comments, people, the run-sheet), re-read when the
 * document changes and kept the same object while `same` says it is unchanged.
 */
export function useDocValue<T>(read: (doc: Y.Doc) => T, same: (a: T, b: T) => boolean = sameJson): T {
  const session = useSession();
  const cache = useRef<{ revision: number; value: T } | null>(null);
  const get = (): T => {
    const revision = session.getRevision();
    if (cache.current && cache.current.revision === revision) return cache.current.value;
    const value = read(session.doc);
    if (cache.current && same(cache.current.value, value)) {
      cache.current = { revision, value: cache.current.value };
      return cache.current.value;
    }
    cache.current = { revision, value };
    return value;
  };
  return useSyncExternalStore(session.subscribe, get);
}

function sameJson<T>(a: T, b: T): boolean {
  return (
    JSON.stringify(a, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value)) ===
    JSON.stringify(b, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value))
  );
}

/** Comment, name and "I'm done" commands for this browser (guarded by the permission table). */
export function useSeriesCommands(): SeriesCommands {
  const session = useSession();
  const ui = useBoardUiStore();
  const { role, participant } = useFacilitationContext();
  return useMemo(
    () => createSeriesCommands(session.doc, role, participant.id, (message) => ui.getState().notify(message)),
    [session, role, participant, ui],
  );
}

/** The estimated server time, ticking every `intervalMs` while `active`. */
export function useServerNow(active: boolean, intervalMs = 1_000): number {
  const { clock } = useFacilitationContext();
  const read = useCallback(() => clock.now(), [clock]);
  return useTicking(read, active, intervalMs);
}

/**
 * The facilitator's restore of a saved version (whole, or one card): the server applies it as a
 * new change everyone sees and saves the board just before it; that version is offered back as
 * "Undo restore" until the next restore. Shown versions close: the live board is what changed.
 */
export function useRestore(): (snapshotId: string, label: string, cardId?: string) => Promise<void> {
  const api = useSeriesApi();
  const { boardId } = useFacilitationContext();
  return useCallback(
    async (snapshotId, label, cardId) => {
      const restored = await api.restore(snapshotId, cardId);
      showSnapshot(null);
      offerUndoRestore({ boardId, undoSnapshotId: restored.undoSnapshotId, label });
    },
    [api, boardId],
  );
}
