import { layoutGrid, type GridLayout, type LayoutInput, type LayoutMemory } from '@rejse/shared';
import { metered } from '../doc/workMeter.ts';

/**
 * The grid's geometry lives in `@rejse/shared` (`map/grid.ts`), so the canvas, the SVG
 * picture and the server's report place the board identically; this module adds the
 * canvas's caches and work metering.
 */
export {
  appendedCardRect,
  CARD_TEXT,
  CARD_WIDTH,
  cardHeight,
  cellAt,
  cellKey,
  dropIndex,
  emotionHostLane,
  FAR_ZOOM,
  fullTextLines,
  GRID,
  hasFigures,
  SUMMARY_ZOOM,
  textLines,
} from '@rejse/shared';
export type { CardBox, GridLayout, LaneRow, LayoutCard, LayoutInput, Point, Rect, StageColumn } from '@rejse/shared';

/**
 * Layouts by input object: the board snapshot stays the same object until the document
 * changes, so the canvas and every overlay that lays out the same snapshot share one
 * computation. A layout is never modified after it is made.
 */
const layoutCache = new WeakMap<LayoutInput, GridLayout>();

let lastLayout: LayoutMemory | null = null;

export function computeLayout(input: LayoutInput): GridLayout {
  let layout = layoutCache.get(input);
  if (!layout) {
    const memory = metered('layout', () => layoutGrid(input, lastLayout));
    layout = memory.layout;
    layoutCache.set(input, layout);
    lastLayout = memory;
  }
  return layout;
}
