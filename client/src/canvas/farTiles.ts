import type { Rect } from '@rejse/shared';

/**
 * The far layer (`FarLayer.tsx`) in tiles: horizontal bands of its area, each its own canvas,
 * so a tall board draws only the bands near the view instead of one canvas of millions of
 * pixels of which the screen shows a tenth. Pure arithmetic; the layer binds it to React Flow.
 */

/** Backing pixels of a tile's own band: a 5,000-card board at far zoom is a handful of tiles. */
export const TILE_BACKING_HEIGHT = 1024;
/**
 * Backing pixels a tile draws past its band on either side, under its neighbour: the canvases
 * sit at fractional screen positions, and two soft edges meeting would show a faint seam across
 * every block; overlapping, each seam lies on a neighbour's opaque pixels of the same picture.
 */
export const TILE_OVERLAP = 2;
/** The tallest a tile's backing store is: its band and the overlap on both sides. */
const TILE_ROWS = TILE_BACKING_HEIGHT + 2 * TILE_OVERLAP;

/**
 * The most backing pixels the far layer's tiles hold at once (4 bytes each: 96 MB). The tiles on
 * screen or near it are always held; of those reached before, the least recently in range lose
 * their backing store first (`heldTiles`) when the total would pass this. About two views and
 * two bands of a board a 1,920-CSS-px-wide screen shows at devicePixelRatio 2: panning back a
 * view finds its tiles drawn, while a pan down a board of thousands of cards does not keep every
 * band it passed (the single canvas this replaced was capped at 8 M pixels for the whole board,
 * which made a tall board's blocks soft on a Retina screen).
 */
export const HELD_PIXELS = 24_000_000;
/**
 * The most tiles in range (`tilesInRange`) for a pane up to about 1,000 CSS px tall at
 * devicePixelRatio 2: a view of up to 2,048 rows, grown by half a view above and below, meets
 * at most six bands of 1,024. A tile is never wider than lets them fit in HELD_PIXELS.
 */
const TILES_IN_RANGE = 6;
/** Chromium's and Safari's largest canvas side. */
const MAX_SIDE = 16_384;
/**
 * The widest a tile's backing store may be (about 3,890 px: a board up to about 1,945 CSS px
 * wide on screen at devicePixelRatio 2 is drawn sharp); `farScale` keeps within it.
 */
export const MAX_TILE_WIDTH = Math.min(MAX_SIDE, Math.floor(HELD_PIXELS / TILES_IN_RANGE / TILE_ROWS));

export interface FarTile {
  /** The tile's backing store in pixels. */
  width: number;
  height: number;
  /** The map area its canvas covers (the band and its overlap): its top-left is the drawing's origin. */
  rect: Rect;
}

/**
 * The tiles covering `area` at `scale` backing pixels per map unit. Every band starts on a whole
 * backing pixel of one picture of the area, so neighbours draw their shared rows alike.
 */
export function farTiles(area: Rect, scale: number): FarTile[] {
  const width = Math.max(1, Math.round(area.width * scale));
  const rows = Math.max(1, Math.ceil(area.height * scale));
  const tiles: FarTile[] = [];
  for (let top = 0; top < rows; top += TILE_BACKING_HEIGHT) {
    const from = Math.max(0, top - TILE_OVERLAP);
    const to = Math.min(rows, top + TILE_BACKING_HEIGHT + TILE_OVERLAP);
    tiles.push({
      width,
      height: to - from,
      rect: { x: area.x, y: area.y + from / scale, width: width / scale, height: (to - from) / scale },
    });
  }
  return tiles;
}

/** Backing pixels a tile holds once sized. */
const pixelsOf = (tile: FarTile | undefined): number => (tile ? tile.width * tile.height : 0);

/**
 * The tiles to keep sized after a view's range is known, least recently in range first: those in
 * range (last, as the most recent) and of the others `reached` before (least recent first) the
 * most recent ones while all of them hold at most `budget` pixels. The rest lose their backing
 * store and are drawn anew when they come near again. The tiles in range are kept whatever the
 * budget: the screen is never left blank to save memory.
 */
export function heldTiles(tiles: readonly FarTile[], inRange: readonly number[], reached: readonly number[], budget: number): number[] {
  const now = new Set(inRange);
  let room = budget - inRange.reduce((sum, index) => sum + pixelsOf(tiles[index]), 0);
  const kept: number[] = [];
  const before = reached.filter((index) => !now.has(index) && index < tiles.length);
  // From the most recent back: once one does not fit, it and all older ones are released.
  for (let at = before.length - 1; at >= 0; at -= 1) {
    const index = before[at]!;
    room -= pixelsOf(tiles[index]);
    if (room < 0) break;
    kept.unshift(index);
  }
  return [...kept, ...now];
}

/** The map area on screen: React Flow's transform (x, y, zoom) over a pane of `width` × `height`. */
export function viewRect([x, y, zoom]: readonly [number, number, number], width: number, height: number): Rect {
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

const meets = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The tiles to have drawn for a view: those on screen (`visible`) and those within half a view's
 * height above or below it (`near`), nearest first. Half a view lets a pan draw the next band a
 * few frames before it shows (a drag moves tens of pixels a frame), while a tile is at least
 * about a view tall at far zoom, so the margin adds at most one band on each side.
 */
export function tilesInRange(tiles: readonly FarTile[], view: Rect): { visible: number[]; near: number[] } {
  const grown = { ...view, y: view.y - view.height / 2, height: view.height * 2 };
  const centre = view.y + view.height / 2;
  const visible: number[] = [];
  const near: Array<{ index: number; distance: number }> = [];
  tiles.forEach(({ rect }, index) => {
    if (meets(rect, view)) visible.push(index);
    else if (meets(rect, grown)) near.push({ index, distance: Math.abs(rect.y + rect.height / 2 - centre) });
  });
  return { visible, near: near.sort((a, b) => a.distance - b.distance).map(({ index }) => index) };
}
