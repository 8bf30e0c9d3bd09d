import { layoutGrid, type GridLayout, type LayoutInput, type LayoutMemory } from '@rejse/shared';
import { cardsChangedSince } from '../doc/binding.ts';
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
  GRID,
  SUMMARY_ZOOM,
  textLines,
} from '@rejse/shared';
export type { CardBox, GridLayout, LayoutCard, LayoutInput, Rect } from '@rejse/shared';

/**
 * Layouts by input object: the board snapshot stays the same object until the document
 * changes, so the canvas and every overlay that lays out the same snapshot share one
 * computation. A layout is never modified after it is made.
 */
const layoutCache = new WeakMap<LayoutInput, GridLayout>();

/** Which cards' boxes a layout changed since the one made before it (see `boxesChangedSince`). */
const boxChanges = new WeakMap<GridLayout, { previous: GridLayout; boxes: ReadonlySet<string> | null }>();

let lastLayout: LayoutMemory | null = null;

export function computeLayout(input: LayoutInput): GridLayout {
  let layout = layoutCache.get(input);
  if (!layout) {
    const before = lastLayout;
    // The doc binding knows which cards changed in place since the last layout's board.
    const hint = before ? cardsChangedSince(input, before.input) : null;
    const memory = metered('layout', () => layoutGrid(input, before, hint));
    layout = memory.layout;
    layoutCache.set(input, layout);
    if (before && layout !== before.layout) {
      boxChanges.set(layout, { previous: before.layout, boxes: memory.changedBoxes });
      // One step back only, so a layout does not keep every layout before it alive.
      boxChanges.delete(before.layout);
    }
    lastLayout = memory;
  }
  return layout;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The ids of the cards whose box may differ between `known` (a layout derived from before)
 * and `layout`, all other boxes being the same objects; null when not known (walk them all).
 */
export function boxesChangedSince(layout: GridLayout, known: GridLayout | null): ReadonlySet<string> | null {
  if (layout === known) return NONE;
  const change = boxChanges.get(layout);
  return change && change.previous === known ? change.boxes : null;
}
