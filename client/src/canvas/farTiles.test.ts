import { describe, expect, it } from 'vitest';
import { farTiles, HELD_PIXELS, heldTiles, TILE_BACKING_HEIGHT, TILE_OVERLAP, tilesInRange, viewRect } from './farTiles.ts';

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

describe('heldTiles', () => {
  // Ten bands of 1,000 × 1,028 backing pixels (the last shorter): a budget of four holds four full bands.
  const tiles = farTiles({ x: 0, y: 0, width: 1000, height: 10_000 }, 1);
  const band = tiles[1]!.width * tiles[1]!.height;

  it('keeps every tile reached while they fit in the budget, those in range last as the most recent', () => {
    expect(heldTiles(tiles, [2, 3], [0, 1], 4 * band)).toEqual([0, 1, 2, 3]);
    // A tile in range again moves to the end, whatever its place before.
    expect(heldTiles(tiles, [1, 2], [0, 1, 2, 3], 4 * band)).toEqual([0, 3, 1, 2]);
  });

  it('releases the least recently in range first when the tiles would hold more than the budget', () => {
    // Reached in the order 0…5 by a pan down, now at 6 and 7: only the two most recent of the others fit.
    expect(heldTiles(tiles, [6, 7], [0, 1, 2, 3, 4, 5], 4 * band)).toEqual([4, 5, 6, 7]);
    // Back up at 1 and 2 after that: 1 and 2 are held again, 6 and 7 (most recent before) stay, 4 and 5 go.
    expect(heldTiles(tiles, [1, 2], [4, 5, 6, 7], 4 * band)).toEqual([6, 7, 1, 2]);
  });

  it('never releases a tile in range, even over the budget', () => {
    expect(heldTiles(tiles, [3, 4, 5], [0, 1, 2], 2 * band)).toEqual([3, 4, 5]);
  });

  it('holds the tiles in range of a board of 10,000 cards at a sharp scale within the budget, not all its bands', () => {
    // Twice as tall as a 5,000-card board (whose 18 M pixels all fit), at devicePixelRatio 2 and the
    // opening zoom (0.15): 0.3 backing pixels per map unit.
    const tall = { ...area, height: 2 * area.height };
    const board = farTiles(tall, 0.3);
    const pixels = (indices: readonly number[]) => indices.reduce((sum, index) => sum + board[index]!.width * board[index]!.height, 0);
    expect(pixels(board.map((_, index) => index))).toBeGreaterThan(HELD_PIXELS);
    const view = { x: tall.x, y: tall.y, width: tall.width, height: 900 / 0.15 };
    let reached: number[] = [];
    // A pan down the whole board, a view at a time, then back up.
    const stops = Array.from({ length: Math.ceil(tall.height / view.height) + 1 }, (_, step) => tall.y + step * view.height);
    for (const y of [...stops, ...stops.toReversed()]) {
      const { visible, near } = tilesInRange(board, { ...view, y });
      reached = heldTiles(board, [...visible, ...near], reached, HELD_PIXELS);
      expect(reached).toEqual(expect.arrayContaining([...visible, ...near]));
      expect(pixels(reached)).toBeLessThanOrEqual(HELD_PIXELS);
    }
    expect(reached.length).toBeLessThan(board.length);
  });
});
