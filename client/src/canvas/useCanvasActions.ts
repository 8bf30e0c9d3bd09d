import type { CardKind, LaneId, LaneKind, StageId } from '@rejse/shared';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useUiStore } from '../app/uiStore.ts';
import { useCommands, useSession } from '../board/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { computeLayout, type Rect } from './layout.ts';

/** The card kind a new card gets from its lane. */
export function kindForLane(kind: LaneKind | undefined): CardKind {
  switch (kind) {
    case 'touchpoints':
      return 'touchpoint';
    case 'pains':
      return 'pain';
    case 'ideas':
      return 'idea';
    default:
      return 'note';
  }
}

/**
 * Pans (without zooming out) so a rectangle of the flow is on screen. Needed before
 * editing something new: with only visible elements rendered, an off-screen card has no
 * DOM to type into.
 */
export function useReveal(): (rect: Rect) => void {
  const store = useStoreApi();
  const { setCenter } = useReactFlow();
  return useCallback(
    (rect) => {
      const { transform, width, height } = store.getState();
      const [tx, ty, zoom] = transform;
      const left = rect.x * zoom + tx;
      const top = rect.y * zoom + ty;
      const margin = 24;
      const visible =
        left >= margin &&
        top >= margin &&
        left + rect.width * zoom <= width - margin &&
        top + rect.height * zoom <= height - margin;
      if (visible) return;
      const nextZoom = Math.max(zoom, 0.6);
      void setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom: nextZoom, duration: 0 });
    },
    [store, setCenter],
  );
}

/** Adds a card to a cell, selects it and opens it for typing. */
export function useAddCardAt(): (stageId: StageId, laneId: LaneId, index?: number) => void {
  const session = useSession();
  const commands = useCommands();
  const reveal = useReveal();
  return useCallback(
    (stageId, laneId, index) => {
      const lane = session.getBoard().lanes.find((l) => l.id === laneId);
      const id = commands.addCard({ stageId, laneId, kind: kindForLane(lane?.kind), ...(index === undefined ? {} : { index }) });
      if (!id) return;
      const box = computeLayout(session.getBoard()).cards.get(id);
      if (box) reveal(box);
      const ui = useUiStore.getState();
      ui.setSelection([id], []);
      ui.editCard(id);
    },
    [session, commands, reveal],
  );
}

/** Adds a stage or lane at the end and opens its title for typing. */
export function useAddAxis(axis: 'stage' | 'lane'): () => void {
  const t = useT();
  const session = useSession();
  const commands = useCommands();
  const reveal = useReveal();
  return useCallback(() => {
    const id = axis === 'stage' ? commands.addStage(t('stage.new')) : commands.addLane(t('lane.new'), 'custom');
    if (!id) return;
    const layout = computeLayout(session.getBoard());
    const rect = axis === 'stage' ? layout.stages.find((s) => s.id === id) : layout.lanes.find((l) => l.id === id);
    if (rect) reveal(rect);
    useUiStore.getState().editHeader(axis === 'stage' ? { axis, id: id as StageId } : { axis, id: id as LaneId });
  }, [axis, t, session, commands, reveal]);
}
