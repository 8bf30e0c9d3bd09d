import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useSession } from '../doc/BoardContext.tsx';
import { computeLayout, FAR_ZOOM, type GridLayout } from './layout.ts';
import { fitViewport, stageViewport, type Viewport } from './viewport.ts';
import { UPRIGHT_BAR } from './StickyHeaders.tsx';

export const MIN_ZOOM = 0.15;
export const MAX_ZOOM = 2;

/**
 * The view "zoom to fit" shows: the whole board, or its top-left part at the smallest zoom if
 * it is huge — then below the frozen stage bar, whose names are written upwards at far zoom.
 */
export function fitBoardViewport(layout: GridLayout, width: number, height: number): Viewport {
  const view = fitViewport(layout.bounds, width, height, { padding: 28, minZoom: MIN_ZOOM, maxZoom: 1 });
  const top = UPRIGHT_BAR + 4 - layout.grid.y * view.zoom;
  return view.zoom < FAR_ZOOM && view.y < top ? { ...view, y: top } : view;
}

/** "Zoom to fit": the whole board, or its top-left part at the smallest zoom if it is huge. */
export function useFitBoard(): (options?: { duration?: number }) => void {
  const session = useSession();
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  return useCallback(
    ({ duration = 0 } = {}) => {
      const { width, height } = store.getState();
      void setViewport(fitBoardViewport(computeLayout(session.getBoard()), width, height), { duration });
    },
    [session, store, setViewport],
  );
}

/** "Zoom to stage": one stage's column, centred and readable (from the header menu or the toolbar's picker). */
export function useZoomToStage(): (stageId: string, options?: { duration?: number }) => void {
  const session = useSession();
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  return useCallback(
    (stageId, { duration = 300 } = {}) => {
      const { width, height } = store.getState();
      const view = stageViewport(computeLayout(session.getBoard()), stageId, width, height);
      if (view) void setViewport(view, { duration });
    },
    [session, store, setViewport],
  );
}
