/**
 * The map seen from far on a Retina screen (devicePixelRatio 2), in Debian's Chromium against the
 * real server: a tall board's blocks are drawn at the screen's own pixels, not softened to fit
 * the whole board in one budget, and a pan down the board and back keeps the tiles' backing
 * stores within the far layer's pixel budget (bands far out of view let go of theirs and are
 * drawn again when the view comes back).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCard, KIND_COLOURS } from '@rejse/shared';
import { SCALE_STEP } from '../../client/src/canvas/farMap.ts';
import { HELD_PIXELS } from '../../client/src/canvas/farTiles.ts';
import { browserSuite, wideBoard } from '../helpers/browser.ts';

const POLL = { timeout: 20_000, interval: 100 };
/** Wide enough that a band is about 2 M backing pixels at dpr 2, so the budget holds about a dozen. */
const STAGES = 20;
/** Cards of seven lines in one cell: about 60,000 map units, ten screens tall at the opening zoom. */
const TALL = 320;
const LONG_TEXT = 'A touchpoint whose text runs over the seven lines a card shows at most, '.repeat(4);
const suite = browserSuite();

const zoomOf = (page: Page) =>
  page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

/** Every tile's backing store and where it is on screen. */
const tilesOf = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('.far-layer canvas')].map((canvas) => {
      const rect = canvas.getBoundingClientRect();
      return {
        width: canvas.width,
        height: canvas.height,
        cssWidth: Number.parseFloat(canvas.style.width),
        top: rect.top,
        bottom: rect.bottom,
        screenWidth: rect.width,
      };
    }),
  );

/** Backing pixels the far layer holds now. */
const heldPixels = async (page: Page) => (await tilesOf(page)).reduce((sum, tile) => sum + tile.width * tile.height, 0);

/** Pixels of `colour` drawn on the first tile: its blocks, once drawn. */
const firstTileBlocks = (page: Page, colour: string) =>
  page.evaluate((hex) => {
    const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const canvas = document.querySelector<HTMLCanvasElement>('.far-layer canvas')!;
    if (canvas.width === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - rgb[0]!) + Math.abs(data[i + 1]! - rgb[1]!) + Math.abs(data[i + 2]! - rgb[2]!) <= 6) count += 1;
    }
    return count;
  }, colour);

describe('the map seen from far on a Retina screen', () => {
  it('draws a tall board at the screen’s pixels and holds no more than the budget while panning down and back', async () => {
    const { board, reader, total } = await wideBoard(suite.server, 'Tall and sharp', STAGES, (doc, { stages }, lane) => {
      for (let i = 0; i < TALL; i += 1)
        addCard(doc, { stageId: stages[0]!.id, laneId: lane('touchpoints'), kind: 'touchpoint', text: `${i} ${LONG_TEXT}` });
    });
    const page = await suite.openPage({ bypassCSP: true, deviceScaleFactor: 2 });
    await page.goto(`${suite.server.url}${board.links.facilitator}`);
    await expect.poll(() => page.locator('.far-layer').getAttribute('data-cards'), POLL).toBe(String(total));
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
    const touch = KIND_COLOURS.touchpoint.bg;
    await expect.poll(() => firstTileBlocks(page, touch), POLL).toBeGreaterThan(100);

    // At the opening zoom the tile on screen has two backing pixels per screen pixel (rounded up to a scale step).
    const zoom = await zoomOf(page);
    expect(zoom).toBeLessThan(0.2);
    const first = (await tilesOf(page))[0]!;
    expect(first.screenWidth).toBeCloseTo(first.cssWidth * zoom, 0);
    expect(first.width).toBeGreaterThanOrEqual(Math.floor(first.screenWidth * 2));
    expect(first.width).toBeLessThanOrEqual(Math.ceil(first.screenWidth * 2 + first.cssWidth * SCALE_STEP));
    // The whole board at that scale would hold more than the budget: the pan below must let bands go.
    const scale = first.width / first.cssWidth;
    const layerHeight = await page.locator('.far-layer').evaluate((layer: HTMLElement) => Number.parseFloat(layer.style.height));
    expect(first.width * layerHeight * scale).toBeGreaterThan(HELD_PIXELS * 1.2);

    // Drag the map up on an empty stage until the board's foot is on screen, then down back to its top.
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const empty = (await page.locator('.sticky-headers__stage').nth(6).boundingBox())!;
    const x = empty.x + empty.width / 2;
    const drag = async (from: number, to: number) => {
      await page.mouse.move(x, from);
      await page.mouse.down();
      await page.mouse.move(x, to, { steps: 6 });
      await page.mouse.up();
      // A couple of frames for the bands coming near to be sized and drawn.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await heldPixels(page)).toBeLessThanOrEqual(HELD_PIXELS);
    };
    const lastTop = async () => (await tilesOf(page)).at(-1)!.top;
    for (let i = 0; i < 40 && (await lastTop()) > pane.y + pane.height / 2; i += 1) await drag(pane.y + pane.height - 40, pane.y + 160);
    expect(await lastTop()).toBeLessThan(pane.y + pane.height / 2);
    // Far down, the top band has let go of its backing store.
    expect((await tilesOf(page))[0]!.width).toBe(0);

    const firstTop = async () => (await tilesOf(page))[0]!.top;
    for (let i = 0; i < 40 && (await firstTop()) < pane.y + 200; i += 1) await drag(pane.y + 160, pane.y + pane.height - 40);
    expect(await firstTop()).toBeGreaterThanOrEqual(pane.y + 200);
    // Back at the top, its blocks are drawn again at the screen's pixels, and the budget still holds.
    await expect.poll(() => firstTileBlocks(page, touch), POLL).toBeGreaterThan(100);
    expect((await tilesOf(page))[0]!.width).toBe(first.width);
    expect(await heldPixels(page)).toBeLessThanOrEqual(HELD_PIXELS);
    reader.destroy();
  });
});
