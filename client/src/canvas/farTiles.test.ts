import { describe, expect, it } from 'vitest';
import { farTiles, TILE_BACKING_HEIGHT, TILE_OVERLAP, tilesInRange, viewRect } from './farTiles.ts';

const area = { x: -40, y: -40, width: 6080, height: 33_000 };
const scale = 0.15;

describe('farTiles', () => {
  it('covers the area in bands of whole backing pixels that overlap their neighbours', () => {
    const tiles = farTiles(area, scale);
    const rows = Math.ceil(area.height * scale);
    expect(tiles).toHaveLength(Math.ceil(rows / TILE_BACKING_HEIGHT));
    expect(tiles[0]!.rect.y).toBe(area.y);
    for (const [index, tile] of tiles.entries()) {
      expect(tile.width).toBe(Math.round(area.width * scale));
      // Its top is a whole backing row of the area's picture, its size what it shows.
      const top = (tile.rect.y - area.y) * scale;
      expect(top).toBeCloseTo(Math.round(top), 6);
      expect(tile.rect.height * scale).toBeCloseTo(tile.height, 6);
      const next = tiles[index + 1];
      if (next) expect((tile.rect.y + tile.rect.height - next.rect.y) * scale).toBeCloseTo(2 * TILE_OVERLAP, 6);
    }
    const last = tiles.at(-1)!;
    expect((last.rect.y + last.rect.height - area.y) * scale).toBeCloseTo(rows, 6);
  });

  it('is one tile for a board shorter than a band', () => {
    const tiles = farTiles({ x: 0, y: 0, width: 2000, height: 1000 }, 0.5);
    expect(tiles).toHaveLength(1);
    expect(tiles[0]).toEqual({ width: 1000, height: 500, rect: { x: 0, y: 0, width: 2000, height: 1000 } });
  });
});

describe('tilesInRange', () => {
  const tiles = farTiles(area, scale);
  const band = TILE_BACKING_HEIGHT / scale;

  it('answers the tiles on screen and, nearest first, those within half a view above or below', () => {
    // A view of 600 map units in the middle of the third band.
    const view = { x: 0, y: area.y + 2.5 * band - 300, width: 6000, height: 600 };
    expect(tilesInRange(tiles, view)).toEqual({ visible: [2], near: [] });
    // A view across the seam of the second and third bands, tall enough to reach the first (nearer) and fourth.
    const tall = { x: 0, y: area.y + 1.3 * band, width: 6000, height: band * 1.2 };
    expect(tilesInRange(tiles, tall)).toEqual({ visible: [1, 2], near: [0, 3] });
  });

  it('answers nothing for a view beside the area', () => {
    expect(tilesInRange(tiles, { x: 7000, y: 0, width: 500, height: 500 })).toEqual({ visible: [], near: [] });
  });

  it('reads the map area on screen from the transform and the pane', () => {
    expect(viewRect([-150, 30, 0.5], 800, 600)).toEqual({ x: 300, y: -60, width: 1600, height: 1200 });
  });
});
