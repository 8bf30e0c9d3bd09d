/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser, so this file also knows the DOM.
import type { Page } from 'playwright-core';
import { droppedFrames, frameGaps, median, percentile, round } from './stats.ts';

const PAN_MS = 4000;

export interface PanResult {
  fps: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
  /** Frames that took longer than 50 ms (visible stutter). */
  longFrames: number;
  /** Refreshes of a 60 Hz display the page missed (see stats.ts). */
  droppedFrames: number;
  /** Median number of card nodes in the DOM while panning (only visible cards are rendered). */
  cardNodesInDom: number;
}

/**
 * Pans the map with the mouse for PAN_MS, the way a person reads along a journey: drags
 * from right to left (later stages come into view), every third one downwards (lower
 * lanes), each stroke about half a second long with a mouse event every few milliseconds,
 * while the page counts animation frames and how many cards are in the DOM. Strokes start
 * on the grid beside any card (cells are not draggable, so React Flow pans; a card, or a block
 * of the far layer, would be dragged instead).
 */
export async function measurePan(page: Page, pattern: 'sweep' | 'wiggle'): Promise<PanResult> {
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('the canvas is not on screen');
  await copyFarTiles(page);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __nodes: number[]; __counting: boolean };
    const cards = document.getElementsByClassName('react-flow__node-card');
    w.__frames = [];
    w.__nodes = [];
    w.__counting = true;
    const tick = (time: number) => {
      if (!w.__counting) return;
      w.__frames.push(time);
      w.__nodes.push(cards.length);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const began = Date.now();
  const STROKE_MS = 500;
  const at = (fx: number, fy: number) => ({ x: pane.x + pane.width * fx, y: pane.y + pane.height * fy });
  // "sweep" travels along the board; "wiggle" goes back and forth so a board seen whole stays in view.
  const strokes =
    pattern === 'sweep'
      ? [
          [at(0.85, 0.6), at(0.2, 0.6)],
          [at(0.85, 0.6), at(0.2, 0.6)],
          [at(0.5, 0.8), at(0.5, 0.25)],
        ]
      : [
          [at(0.7, 0.6), at(0.3, 0.6)],
          [at(0.3, 0.6), at(0.7, 0.6)],
          [at(0.5, 0.75), at(0.5, 0.35)],
          [at(0.5, 0.35), at(0.5, 0.75)],
        ];
  for (let stroke = 0; Date.now() - began < PAN_MS; stroke += 1) {
    const [aim, target] = strokes[stroke % strokes.length] as [{ x: number; y: number }, { x: number; y: number }];
    // Tiles drawn since the last stroke (the far layer draws those coming near the view).
    await copyFarTiles(page);
    const from = await panStart(page, aim);
    const to = { x: target.x + from.x - aim.x, y: target.y + from.y - aim.y };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const strokeBegan = Date.now();
    for (;;) {
      const t = Math.min(1, (Date.now() - strokeBegan) / STROKE_MS);
      await page.mouse.move(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
      if (t >= 1) break;
    }
    await page.mouse.up();
  }
  const { frames, nodes } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __nodes: number[]; __counting: boolean };
    w.__counting = false;
    return { frames: w.__frames, nodes: w.__nodes };
  });
  const gaps = frameGaps(frames);
  const span = (frames[frames.length - 1] ?? 0) - (frames[0] ?? 0);
  return {
    fps: span > 0 ? (gaps.length * 1000) / span : 0,
    frameP50Ms: percentile(gaps, 50),
    frameP95Ms: percentile(gaps, 95),
    frameMaxMs: Math.max(0, ...gaps),
    longFrames: gaps.filter((g) => g > 50).length,
    droppedFrames: droppedFrames(gaps),
    cardNodesInDom: median(nodes),
  };
}

/**
 * Copies the pixels of the far layer's drawn tiles not copied yet (see panStart). Its tiles are
 * drawn when the board or the zoom changes and when they come near the view, not on every pan
 * frame: one copy of each serves every stroke's start. Read from a copy: reading a canvas itself
 * turns it into one Chromium reads back, which then costs long frames.
 */
async function copyFarTiles(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as unknown as { __farTiles?: Map<HTMLCanvasElement, ImageData> };
    w.__farTiles ??= new Map();
    // A tile sized for coming near is drawn on the next frames (a couple a frame): let them pass.
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    for (const tile of document.querySelectorAll<HTMLCanvasElement>('.far-layer canvas')) {
      const known = w.__farTiles.get(tile);
      if (tile.width === 0 || (known && known.width === tile.width && known.height === tile.height)) continue;
      const copy = new OffscreenCanvas(tile.width, tile.height);
      const context = copy.getContext('2d');
      context?.drawImage(await createImageBitmap(tile), 0, 0);
      if (context) w.__farTiles.set(tile, context.getImageData(0, 0, tile.width, tile.height));
    }
  });
}

/**
 * A point near `aim` where a drag pans the map rather than moving a card: on the grid's
 * background (a cell, a gap, a header), not on a card, a button or a link.
 */
async function panStart(page: Page, aim: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate((point) => {
    const blocked =
      '.react-flow__node-card, .react-flow__edge, .react-flow__handle, button, input, select, textarea, .react-flow__minimap, .react-flow__controls';
    // At far zoom cards are drawn, not elements, and a press on one drags it: the far layer's
    // pixels under the point (copies of its tiles, see copyFarTiles) must be empty too.
    const copies = (window as unknown as { __farTiles?: Map<HTMLCanvasElement, ImageData> }).__farTiles;
    const tiles = [...document.querySelectorAll<HTMLCanvasElement>('.far-layer canvas')].flatMap((canvas) => {
      const pixels = copies?.get(canvas);
      const box = canvas.getBoundingClientRect();
      return pixels && canvas.width > 0 && box.width > 0 ? [{ pixels, box }] : [];
    });
    const drawnAt = (x: number, y: number): boolean =>
      tiles.some(({ pixels, box }) => {
        const px = Math.floor(((x - box.left) / box.width) * pixels.width);
        const py = Math.floor(((y - box.top) / box.height) * pixels.height);
        // A few pixels around: a press a pixel beside a block's edge still hits it.
        for (let dy = -3; dy <= 3; dy += 1) {
          for (let dx = -3; dx <= 3; dx += 1) {
            const cx = px + dx;
            const cy = py + dy;
            if (cx < 0 || cy < 0 || cx >= pixels.width || cy >= pixels.height) continue;
            if ((pixels.data[(cy * pixels.width + cx) * 4 + 3] ?? 0) > 0) return true;
          }
        }
        return false;
      });
    for (let radius = 0; radius < 240; radius += 3) {
      for (let step = 0; step < Math.max(1, radius); step += 1) {
        const angle = (step / Math.max(1, radius)) * 2 * Math.PI;
        const x = point.x + radius * Math.cos(angle);
        const y = point.y + radius * Math.sin(angle);
        // The drawn-pixel test first: it is arithmetic, a hit test is not (a long search of hit
        // tests in a dense board held the page for a visible frame).
        if (drawnAt(x, y)) continue;
        const element = document.elementFromPoint(x, y);
        if (element?.closest('.react-flow') && !element.closest(blocked)) return { x, y };
      }
    }
    return point;
  }, aim);
}

export async function setZoom(page: Page, zoom: number): Promise<void> {
  // The toolbar's "zoom to stage" sets a readable zoom on the first stage; then the zoom
  // controls (+/−) are used until the wanted zoom is reached.
  await page.getByRole('combobox', { name: /Zoom to stage/ }).selectOption({ index: 1 });
  await page.waitForTimeout(600);
  for (let i = 0; i < 10; i += 1) {
    const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    const current = Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 1);
    if (Math.abs(current - zoom) < 0.06) break;
    await page.getByRole('button', { name: current < zoom ? 'Zoom in' : 'Zoom out' }).click();
    await page.waitForTimeout(400);
  }
}

export function summarisePans(runs: PanResult[]): PanResult {
  return {
    fps: round(median(runs.map((r) => r.fps))),
    frameP50Ms: round(median(runs.map((r) => r.frameP50Ms))),
    frameP95Ms: round(median(runs.map((r) => r.frameP95Ms))),
    frameMaxMs: round(Math.max(...runs.map((r) => r.frameMaxMs))),
    longFrames: Math.round(median(runs.map((r) => r.longFrames))),
    droppedFrames: Math.round(median(runs.map((r) => r.droppedFrames))),
    cardNodesInDom: Math.round(median(runs.map((r) => r.cardNodesInDom))),
  };
}
