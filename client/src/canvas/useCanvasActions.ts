import type { LaneId, LaneKind, StageId } from '@rejse/shared';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useBoardUiStore, useCommands, useSession } from '../doc/BoardContext.tsx';
import { useReadMapBoard } from '../doc/mapLayers.ts';
import { useT } from '../i18n/index.ts';
import { kindForLaneKind } from './kinds.ts';
import { computeLayout, type Rect } from './layout.ts';

/** The card kind a new card gets from its lane. */
const kindForLane = kindForLaneKind;

/** Below this zoom, text being typed is too small to read: revealing zooms in to READABLE_ZOOM. */
const MIN_EDIT_ZOOM = 0.55;
const READABLE_ZOOM = 0.85;
const MARGIN = 32;

/** How a rectangle is revealed: at the zoom it is seen at (the map from far), clear of a bar this tall above it. */
interface RevealOptions {
  keepZoom?: boolean;
  top?: number;
}

/**
 * Brings a rectangle of the flow on screen before something there is edited: with only
 * visible elements rendered, an off-screen card has no DOM to type into. Pans as little
 * as possible; zooms in only when the text would be unreadably small (unless told not to).
 */
export function useReveal(): (rect: Rect, options?: RevealOptions) => void {
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  return useCallback(
    (rect, options = {}) => {
      const { transform, width, height } = store.getState();
      let [x, y, zoom] = transform;
      if (zoom < MIN_EDIT_ZOOM && !options.keepZoom) {
        // Zoom in around the rectangle, keeping it where it was on screen.
        const cx = rect.x + rect.width / 2;
        const cy = rect.y + rect.height / 2;
        const sx = Math.min(Math.max(cx * zoom + x, MARGIN), width - MARGIN);
        const sy = Math.min(Math.max(cy * zoom + y, MARGIN), height - MARGIN);
        zoom = READABLE_ZOOM;
        x = sx - cx * zoom;
        y = sy - cy * zoom;
      }
      const shift = (start: number, size: number, room: number, before = MARGIN): number => {
        if (start < before) return before - start;
        if (start + size > room - MARGIN) return Math.max(before - start, room - MARGIN - (start + size));
        return 0;
      };
      x += shift(rect.x * zoom + x, rect.width * zoom, width);
      y += shift(rect.y * zoom + y, rect.height * zoom, height, Math.max(MARGIN, options.top ?? 0));
      const [tx, ty, tz] = transform;
      if (x !== tx || y !== ty || zoom !== tz) void setViewport({ x, y, zoom }, { duration: 0 });
    },
    [store, setViewport],
  );
}

/** Adds a card to a cell (a private one in private mode), selects it and opens it for typing. */
export function useAddCardAt(): (stageId: StageId, laneId: LaneId, index?: number) => void {
  const uiStore = useBoardUiStore();
  const session = useSession();
  const readMapBoard = useReadMapBoard();
  const commands = useCommands();
  const reveal = useReveal();
  return useCallback(
    (stageId, laneId, index) => {
      const lane = session.getBoard().lanes.find((l) => l.id === laneId);
      const id = commands.addCard({
        stageId,
        laneId,
        kind: kindForLane(lane?.kind),
        ...(index === undefined ? {} : { index }),
      });
      if (!id) return;
      const box = computeLayout(readMapBoard()).cards.get(id);
      if (box) reveal(box);
      const ui = uiStore.getState();
      ui.setSelection([id], []);
      ui.editCard(id);
    },
    [session, readMapBoard, commands, reveal, uiStore],
  );
}

/** Adds a stage at the end and opens its title for typing; for a lane, asks its title and kind first (AddLaneDialog). */
export function useAddAxis(axis: 'stage' | 'lane'): () => void {
  const uiStore = useBoardUiStore();
  const addLane = useAppendAxis();
  const t = useT();
  return useCallback(() => {
    if (axis === 'lane') uiStore.getState().askLane(true);
    else addLane('stage', t('stage.new'));
  }, [axis, t, addLane, uiStore]);
}

/**
 * Adds a stage, or a lane of a kind, at the end and brings it on screen. A stage's title is
 * opened for typing at once; a lane comes from the dialog that asked its title and kind.
 */
export function useAppendAxis(): (axis: 'stage' | 'lane', title: string, kind?: LaneKind) => void {
  const uiStore = useBoardUiStore();
  const session = useSession();
  const commands = useCommands();
  const reveal = useReveal();
  return useCallback(
    (axis, title, kind = 'custom') => {
      const id = axis === 'stage' ? commands.addStage(title) : commands.addLane(title, kind);
      if (!id) return;
      const layout = computeLayout(session.getBoard());
      const rect = axis === 'stage' ? layout.stages.find((s) => s.id === id) : layout.lanes.find((l) => l.id === id);
      if (rect) reveal(rect);
      if (axis === 'stage') uiStore.getState().editHeader({ axis, id: id as StageId });
    },
    [session, commands, reveal, uiStore],
  );
}
