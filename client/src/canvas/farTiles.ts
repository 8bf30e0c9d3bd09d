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
