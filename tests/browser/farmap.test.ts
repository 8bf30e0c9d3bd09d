/**
 * The map seen from far (below FAR_ZOOM), in Debian's Chromium against the real server: cards
 * and links are drawn on canvas tiles instead of being nodes, in their kind's colours (only the
 * tiles near the view: a band far below is drawn once the map is panned to it), and the
 * blocks still answer the pointer — a click selects a card, a Shift-drawn box selects several,
 * a drag moves a card to another cell, a double-click zooms in to read it, Delete removes the
 * selected card.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCard, docToBoard, KIND_COLOURS, linkCards, type CardId } from '@rejse/shared';
import { seriousViolations } from '../helpers/axe.ts';
import { browserSuite, wideBoard } from '../helpers/browser.ts';

const POLL = { timeout: 20_000, interval: 100 };
const STAGES = 14;
const PER_STAGE = 12;
/** Cards in each of the tall board's two columns: several screens of blocks at the smallest zoom. */
const TALL = 200;
const suite = browserSuite();

/** A blank board of STAGES stages, each with touchpoints and pain points, some linked. */
async function bigBoard() {
  const made = await wideBoard(suite.server, 'Far away', STAGES, (doc, { stages }, lane) => {
    for (const stage of stages) {
      let lastPain: CardId | null = null;
      for (let i = 0; i < PER_STAGE; i += 1) {
        const pain = i % 2 === 0;
        const id = addCard(doc, {
          stageId: stage.id,
          laneId: lane(pain ? 'pains' : 'touchpoints'),
          kind: pain ? 'pain' : 'touchpoint',
          text: `${pain ? 'Pain' : 'Touch'} ${stage.title} #${i}`,
        });
        if (pain) lastPain = id;
        else if (i === 1 && lastPain) linkCards(doc, id, lastPain);
      }
    }
  });
  expect(made.total).toBe(STAGES * PER_STAGE);
  return made;
}

const zoomOf = (page: Page) =>
  page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

/** Where on screen the far layer drew a pixel of `rgb` (a block's fill), or null: read from every drawn tile. */
function blockOnScreen(page: Page, rgb: readonly [number, number, number]) {
  return page.evaluate((colour) => {
    const tiles = [...document.querySelectorAll<HTMLCanvasElement>('.far-layer canvas')].filter((tile) => tile.width > 0);
    if (tiles.length === 0) return null;
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    let count = 0;
    let first: { x: number; y: number } | null = null;
    for (const canvas of tiles) {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const rect = canvas.getBoundingClientRect();
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - colour[0]) + Math.abs(data[i + 1]! - colour[1]) + Math.abs(data[i + 2]! - colour[2]) > 6) continue;
        count += 1;
        const px = (i / 4) % canvas.width;
        const py = Math.floor(i / 4 / canvas.width);
        const x = rect.left + ((px + 0.5) / canvas.width) * rect.width;
        const y = rect.top + ((py + 0.5) / canvas.height) * rect.height;
        // A pixel well inside a block (its neighbours share the fill) that is on the pane.
        const inside = [4, -4].every((d) => {
          const j = i + d * 4;
          return Math.abs(data[j]! - colour[0]) + Math.abs(data[j + 1]! - colour[1]) + Math.abs(data[j + 2]! - colour[2]) <= 6;
        });
        if (!first && inside && x > pane.left + 80 && x < pane.right - 40 && y > pane.top + 140 && y < pane.bottom - 40) first = { x, y };
      }
    }
    return { count, first };
  }, rgb);
}

const rgbOf = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

describe('the map seen from far', () => {
  it('draws every card as a block on the far layer, and a block is selected, opened and deleted from there', async () => {
    const { board, reader, total } = await bigBoard();
    const page = await suite.openPage({ bypassCSP: true });
    await page.goto(`${suite.server.url}${board.links.facilitator}`);
    await expect.poll(() => page.getByRole('status', { name: 'Connection' }).textContent(), POLL).toBe('Connected');
    // Zoomed out as far as the map goes: no card is a node, the far layer drew them all.
    for (let i = 0; i < 12 && (await zoomOf(page)) > 0.16; i += 1) {
      await page.getByRole('button', { name: 'Zoom out' }).click();
      await page.waitForTimeout(150);
    }
    await expect.poll(() => page.locator('.far-layer').getAttribute('data-cards'), POLL).toBe(String(total));
    expect(await page.locator('.react-flow__node-card').count()).toBe(0);
    await expect(page.getByRole('listbox', { name: new RegExp(`The map from far: ${total} cards`) }).count()).resolves.toBe(1);

    // Blocks in their kind's colours.
    const pain = await blockOnScreen(page, rgbOf(KIND_COLOURS.pain.bg));
    const touch = await blockOnScreen(page, rgbOf(KIND_COLOURS.touchpoint.bg));
    expect(pain?.count).toBeGreaterThan(100);
    expect(touch?.count).toBeGreaterThan(100);
    expect(pain?.first).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);

    // A click on a pain point's block selects it: the inspector shows its text.
    const at = pain!.first!;
    await page.mouse.click(at.x, at.y);
    const inspector = page.getByRole('complementary', { name: 'Card details' });
    await expect.poll(() => inspector.getByRole('textbox').first().inputValue(), POLL).toMatch(/^Pain Stage \d+ #\d+$|^Pain .+ #\d+$/);
    const picked = await inspector.getByRole('textbox').first().inputValue();

    // Delete removes it for everyone.
    await page.keyboard.press('Delete');
    await expect.poll(() => docToBoard(reader.doc, board.id).cards.some((c) => c.text === picked), POLL).toBe(false);
    expect(docToBoard(reader.doc, board.id).cards).toHaveLength(total - 1);

    // The overview map shows the blocks too (they are no nodes for React Flow's minimap to draw).
    await page.getByRole('button', { name: 'Show the overview map' }).click();
    const minimapPixels = () =>
      page.evaluate((colour) => {
        const canvas = document.querySelector<HTMLCanvasElement>('.minimap-blocks');
        const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 0; data && i < data.length; i += 4) {
          if (Math.abs(data[i]! - colour[0]) + Math.abs(data[i + 1]! - colour[1]) + Math.abs(data[i + 2]! - colour[2]) <= 30) count += 1;
        }
        return count;
      }, rgbOf(KIND_COLOURS.pain.border));
    await expect.poll(minimapPixels, POLL).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Hide the overview map' }).click();

    // A box drawn with Shift over a few blocks selects their cards.
    const corner = (await blockOnScreen(page, rgbOf(KIND_COLOURS.touchpoint.bg)))!.first!;
    await page.keyboard.down('Shift');
    await page.mouse.move(corner.x - 8, corner.y - 8);
    await page.mouse.down();
    await page.mouse.move(corner.x + 50, corner.y + 40, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => inspector.getByRole('heading', { name: /^\d+ cards selected$/ }).count(), POLL).toBe(1);
    const selectedCount = Number(/^(\d+)/.exec((await inspector.getByRole('heading').first().textContent()) ?? '')?.[1]);
    expect(selectedCount).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');

    // A block dragged two stages along moves its card there, in its lane, for everyone.
    const seen = (await blockOnScreen(page, rgbOf(KIND_COLOURS.pain.bg)))!.first!;
    const layer = page.locator('.far-layer');
    const before = (await layer.boundingBox())!;
    await page.mouse.click(seen.x, seen.y);
    await expect.poll(() => inspector.getByRole('textbox').first().inputValue(), POLL).toMatch(/^Pain /);
    const dragged = await inspector.getByRole('textbox').first().inputValue();
    // The inspector opening may move the map on screen (the workshop bar above it can wrap): follow the block.
    const after = (await layer.boundingBox())!;
    const grab = { x: seen.x + after.x - before.x, y: seen.y + after.y - before.y };
    const from = docToBoard(reader.doc, board.id).cards.find((c) => c.text === dragged)!;
    const stageWidth = (await page.locator('.sticky-headers__stage').first().boundingBox())!.width;
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x + stageWidth * 2, grab.y, { steps: 8 });
    await page.mouse.up();
    const stageIndex = (id: string) => docToBoard(reader.doc, board.id).stages.findIndex((s) => s.id === id);
    await expect
      .poll(() => stageIndex(docToBoard(reader.doc, board.id).cards.find((c) => c.text === dragged)!.stageId), POLL)
      .toBe(stageIndex(from.stageId) + 2);
    expect(docToBoard(reader.doc, board.id).cards.find((c) => c.text === dragged)!.laneId).toBe(from.laneId);
    await page.keyboard.press('Escape');

    // A double-click on another block zooms in to read it: it is a card node again, at 100 %.
    const other = (await blockOnScreen(page, rgbOf(KIND_COLOURS.touchpoint.bg)))!.first!;
    await page.mouse.dblclick(other.x, other.y);
    await expect.poll(() => zoomOf(page), POLL).toBeCloseTo(1, 1);
    await expect.poll(() => page.locator('.far-layer').count(), POLL).toBe(0);
    const selected = page.locator('.react-flow__node-card.selected');
    await expect.poll(() => selected.count(), POLL).toBe(1);
    expect(await selected.getAttribute('aria-label')).toMatch(/Touch .+ #\d+/);
    reader.destroy();
  });

  it('draws a tall board in bands: a band far below the view is drawn only once the map is panned to it', async () => {
    // Two stages of a long column of touchpoints and four empty ones beside them to pan on:
    // the board opens at the smallest zoom, top in view, several screens tall.
    const { board, reader, total } = await wideBoard(suite.server, 'Tall', 6, (doc, { stages }, lane) => {
      for (const stage of stages.slice(0, 2)) {
        for (let i = 0; i < TALL; i += 1)
          addCard(doc, { stageId: stage.id, laneId: lane('touchpoints'), kind: 'touchpoint', text: `T${i}` });
      }
    });
    const page = await suite.openPage({ bypassCSP: true });
    await page.goto(`${suite.server.url}${board.links.facilitator}`);
    await expect.poll(() => page.locator('.far-layer').getAttribute('data-cards'), POLL).toBe(String(total));
    const tiles = page.locator('.far-layer canvas');
    expect(await tiles.count()).toBeGreaterThanOrEqual(3);
    const touch = rgbOf(KIND_COLOURS.touchpoint.bg);
    await expect.poll(async () => (await blockOnScreen(page, touch))?.first ?? null, POLL).not.toBeNull();
    // Let the bands near the view be drawn (a couple a frame), then look at the last: nothing, not even a backing store.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
    const last = tiles.last();
    const lastWidth = () => last.evaluate((canvas: HTMLCanvasElement) => canvas.width);
    expect(await lastWidth()).toBe(0);

    // Drag the map up on an empty stage until the board's foot is on screen: the last band is drawn there.
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const empty = (await page.locator('.sticky-headers__stage').nth(4).boundingBox())!;
    const x = empty.x + empty.width / 2;
    const drawnPixels = () =>
      last.evaluate((canvas: HTMLCanvasElement, colour) => {
        if (canvas.width === 0) return 0;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i]! - colour[0]) + Math.abs(data[i + 1]! - colour[1]) + Math.abs(data[i + 2]! - colour[2]) <= 6) count += 1;
        }
        return count;
      }, touch);
    for (let i = 0; i < 20 && ((await last.boundingBox())?.y ?? 0) > pane.y + pane.height / 2; i += 1) {
      await page.mouse.move(x, pane.y + pane.height - 40);
      await page.mouse.down();
      await page.mouse.move(x, pane.y + 160, { steps: 6 });
      await page.mouse.up();
    }
    expect((await last.boundingBox())!.y).toBeLessThan(pane.y + pane.height / 2);
    await expect.poll(drawnPixels, POLL).toBeGreaterThan(100);
    // The lowest cards are blocks on screen, in the bottom part of the board.
    const seen = await blockOnScreen(page, touch);
    expect(seen?.first).not.toBeNull();
    reader.destroy();
  });
});
