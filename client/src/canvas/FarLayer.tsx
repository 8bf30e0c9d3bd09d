import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Board } from '@rejse/shared';
import { drawFarMap, farArea, farScale, type FarDrawing } from './farMap.ts';
import { farTiles, HELD_PIXELS, heldTiles, tilesInRange, viewRect, type FarTile } from './farTiles.ts';
import type { GridLayout } from './layout.ts';
import type { FarDrag } from './useFarDrag.ts';

const zoomOf = (s: ReactFlowState) => s.transform[2];
/** Tiles near the view (not on screen) drawn in one frame while the view moves. */
const NEAR_PER_FRAME = 2;

interface FarLayerProps {
  board: Pick<Board, 'cards' | 'links'>;
  layout: GridLayout;
  selectedCards: ReadonlySet<string>;
  selectedLinks: readonly string[];
  matches: ReadonlySet<string> | null;
  privateIds: ReadonlySet<string>;
  /** Blocks being dragged (`useFarDrag`). */
  moving: FarDrag | null;
  /** The card the keyboard is on while the far map has the focus (`useFarKeys`): ringed. */
  focused: string | null;
}

/** What the layer has drawn so far, read by the effects and the frames that draw tiles later. */
interface Drawn {
  /** The tile geometry (area and scale) the canvases below were sized for. */
  geometry: string;
  /** Tiles in range for this geometry and still held (`heldTiles`), least recently in range first: their canvases keep a backing store. */
  reached: readonly number[];
  /** The drawing each canvas last shows: a tile is stale when it is not the current one. */
  with: WeakMap<HTMLCanvasElement, FarDrawing>;
  drawing: FarDrawing | null;
  tiles: readonly FarTile[];
  near: readonly number[];
  frame: number;
}

/** The tile's canvas when it does not show the current drawing. */
function stale(state: Drawn, container: HTMLDivElement | null, index: number): HTMLCanvasElement | null {
  const canvas = container?.children[index];
  return canvas instanceof HTMLCanvasElement && state.with.get(canvas) !== state.drawing ? canvas : null;
}

/** Draws a tile unless it shows the current drawing already; answers whether it drew. */
function drawTile(state: Drawn, container: HTMLDivElement | null, index: number): boolean {
  const canvas = stale(state, container, index);
  const tile = state.tiles[index];
  const ctx = canvas?.getContext('2d');
  if (!canvas || !tile || !ctx || !state.drawing) return false;
  drawFarMap(ctx, { ...state.drawing, origin: tile.rect, bounds: tile.rect });
  state.with.set(canvas, state.drawing);
  return true;
}

/**
 * The cards and links of a map seen from far (below FAR_ZOOM), drawn on canvases inside the
 * viewport instead of hundreds of card nodes: horizontal tiles of the map (`farTiles.ts`), of
 * which only those on screen or near it are drawn, so a tall board's first frame paints a view's
 * worth of pixels, not the whole board. A pan moves the drawing with the rest of the map and
 * draws only tiles coming near (a couple a frame); an edit, the selection or the search redraws
 * the tiles on screen at once, those near on the next frames, and leaves the others stale until
 * they come near; a zoom step sizes them anew. A tile never in range has no backing store (0 × 0):
 * Chromium allocates none for a canvas without pixels, and the element keeps the tiles' order;
 * tiles once in range keep theirs until holding them all would pass HELD_PIXELS (`heldTiles`).
 * Transparent to the pointer: the cells beneath hit-test clicks (`cardAt`). The card the
 * keyboard is on (`useFarKeys`) gets a ring; the keyboard and assistive technology reach the
 * cards through `FarKeysList`, so the canvases are only a picture.
 */
function FarLayerView({ board, layout, selectedCards, selectedLinks, matches, privateIds, moving, focused }: FarLayerProps) {
  const container = useRef<HTMLDivElement>(null);
  const zoom = useStore(zoomOf);
  const area = farArea(layout);
  const scale = farScale(area, zoom, window.devicePixelRatio || 1);
  const geometry = `${area.x} ${area.y} ${area.width} ${area.height} ${scale}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the geometry string stands for the area and the scale.
  const tiles = useMemo(() => farTiles(area, scale), [geometry]);
  const links = useMemo(() => new Set(selectedLinks), [selectedLinks]);
  const drawing = useMemo<FarDrawing>(
    // Outlines keep their screen width within a scale step.
    () => ({
      board,
      layout,
      selectedCards,
      selectedLinks: links,
      matches,
      privateIds,
      scale,
      zoom: scale / (window.devicePixelRatio || 1),
      moving,
      focused,
    }),
    [board, layout, selectedCards, links, matches, privateIds, scale, moving, focused],
  );
  // The tiles in range, as a string so the layer renders again only when they change, not on every pan frame.
  const range = useStore(
    useCallback(
      (s: ReactFlowState) => {
        const { visible, near } = tilesInRange(tiles, viewRect(s.transform, s.width, s.height));
        return `${visible.join(',')}/${near.join(',')}`;
      },
      [tiles],
    ),
  );
  const [visible, near] = useMemo(() => {
    const [onScreen = '', around = ''] = range.split('/');
    const parse = (list: string) => (list ? list.split(',').map(Number) : []);
    return [parse(onScreen), parse(around)];
  }, [range]);
  const drawn = useRef<Drawn>({ geometry: '', reached: [], with: new WeakMap(), drawing: null, tiles, near: [], frame: 0 });
  // Reading the ref while rendering: tiles reached stay sized (and drawn) when they leave the range,
  // as many as HELD_PIXELS holds; the least recently in range lose their backing store first.
  const held = heldTiles(tiles, [...visible, ...near], drawn.current.geometry === geometry ? drawn.current.reached : [], HELD_PIXELS);
  const sized = new Set(held);

  useLayoutEffect(() => {
    const state = drawn.current;
    Object.assign(state, { geometry, reached: held, drawing, tiles, near });
    // A released tile's canvas lost its pixels with its size: it is drawn anew when it comes near.
    for (const [index, canvas] of [...(container.current?.children ?? [])].entries()) {
      if (!sized.has(index) && canvas instanceof HTMLCanvasElement) state.with.delete(canvas);
    }
    // On screen now: the first frame after load, an edit or a jump shows them.
    for (const index of visible) drawTile(state, container.current, index);
    // Near the view: a couple a frame from the next one, so neither a load nor a pan holds a frame for them.
    if (state.frame) return;
    const more = () => {
      state.frame = 0;
      let left = NEAR_PER_FRAME;
      for (const index of state.near) if (left > 0 && drawTile(state, container.current, index)) left -= 1;
      if (left === 0) state.frame = requestAnimationFrame(more);
    };
    if (near.some((index) => stale(state, container.current, index))) state.frame = requestAnimationFrame(more);
  });
  useEffect(() => () => cancelAnimationFrame(drawn.current.frame), []);

  return (
    <ViewportPortal>
      <div
        ref={container}
        className="far-layer"
        data-cards={layout.cards.size}
        style={{ left: area.x, top: area.y, width: area.width, height: area.height }}
      >
        {tiles.map((tile, index) => (
          <canvas
            // biome-ignore lint/suspicious/noArrayIndexKey: a tile is its place in the area.
            key={index}
            className="far-layer__tile"
            width={sized.has(index) ? tile.width : 0}
            height={sized.has(index) ? tile.height : 0}
            style={{ top: tile.rect.y - area.y, width: tile.rect.width, height: tile.rect.height }}
          />
        ))}
      </div>
    </ViewportPortal>
  );
}

export const FarLayer = memo(FarLayerView);
