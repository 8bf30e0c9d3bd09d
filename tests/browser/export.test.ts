/**
 * From map to to-do list, and the exports, in real browsers (Debian's Chromium through
 * playwright-core) against the real server serving the built client: PNG pictures, the
 * printable report, the ranked list with its cut line, and the impact/effort matrix shared
 * live between two people.
 */
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createBoard, type CreatedBoard } from '../helpers/server.ts';
import { VIEWPORT } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browser.ts';

const POLL = { timeout: 20_000, interval: 100 };

const suite = browserSuite();

const openPage = (): Promise<Page> => suite.openPage({ acceptDownloads: true });

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });

/** Opens a board through a secret link, names the person, and goes to one of its views. */
async function join(page: Page, link: string, name: string, view?: 'To-do list' | 'Report'): Promise<void> {
  await page.goto(`${suite.server.url}${link}`);
  // vi.waitFor rather than expect.poll: this also runs in beforeAll hooks.
  await vi.waitFor(async () => expect(await connection(page).textContent()).toBe('Connected'), POLL);
  const nameBox = page.getByRole('textbox', { name: 'Your name' });
  if ((await nameBox.count()) > 0) {
    await nameBox.fill(name);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
  }
  if (view) await page.getByRole('navigation', { name: 'Board views' }).getByRole('link', { name: view }).click();
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function readDownload(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Opens the export menu and saves one picture; returns the PNG and the size the menu promised. */
async function exportPicture(page: Page, which: string) {
  await page.locator('summary', { hasText: 'Export' }).click();
  const item = page.locator(`[data-picture="${which}"]`);
  const promised = {
    width: Number(await item.getAttribute('data-width')),
    height: Number(await item.getAttribute('data-height')),
  };
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  const bytes = await readDownload(download);
  // The progress indicator goes away when the picture is done.
  await expect.poll(() => page.locator('.export-progress').count(), POLL).toBe(0);
  return { bytes, promised, filename: download.suggestedFilename() };
}

describe('pictures of the map', () => {
  let board: CreatedBoard;
  beforeAll(async () => {
    board = await createBoard(suite.server, { title: 'Collection letters', template: 'collection-letters' });
  });

  it('saves the whole board, off-screen cards included, as a non-empty PNG of the promised size, twice as large at 2×', async () => {
    const page = await openPage();
    await join(page, board.links.facilitator, 'Mette');
    await expect.poll(() => page.locator('.react-flow__node-card').count(), POLL).toBeGreaterThan(0);
    // The collection-letters board is larger than the window: cards are off screen and not rendered.
    const cardsOnScreen = await page.locator('.react-flow__node-card').count();
    const minimaps = await page.locator('.react-flow__minimap').count();

    const one = await exportPicture(page, 'board-1x');
    expect(one.filename).toBe('collection-letters-map-1x.png');
    expect(one.bytes.byteLength).toBeGreaterThan(20_000);
    const size1 = pngSize(one.bytes);
    expect(size1).toEqual(one.promised);
    expect(size1.width).toBeGreaterThan(VIEWPORT.width);

    const two = await exportPicture(page, 'board-2x');
    const size2 = pngSize(two.bytes);
    expect(size2).toEqual({ width: size1.width * 2, height: size1.height * 2 });
    expect(size2).toEqual(two.promised);

    // After the capture the canvas is back to rendering what is on screen, and nothing moved.
    await expect.poll(() => page.locator('.react-flow__node-card').count(), POLL).toBe(cardsOnScreen);
    expect(await page.locator('.react-flow__minimap').count()).toBe(minimaps);

    // Zoomed in, most cards are off screen and not in the DOM (onlyRenderVisibleElements)…
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 6; i++) await zoomIn.click();
    await expect.poll(() => page.locator('.react-flow__node-card').count(), POLL).toBeLessThan(cardsOnScreen / 2);
    const zoomedCards = await page.locator('.react-flow__node-card').count();
    // …yet the whole-board picture is the same picture, every card included: the same size, and
    // the same compressed bytes give or take anti-aliasing (a picture missing most of its cards
    // would be far smaller).
    const again = await exportPicture(page, 'board-1x');
    expect(pngSize(again.bytes)).toEqual(size1);
    expect(Math.abs(again.bytes.byteLength - one.bytes.byteLength) / one.bytes.byteLength).toBeLessThan(0.01);
    await expect.poll(() => page.locator('.react-flow__node-card').count(), POLL).toBe(zoomedCards);
  });

  it('saves the current view at the pane’s size', async () => {
    const page = await openPage();
    await join(page, board.links.viewer, 'Lars');
    await expect.poll(() => page.locator('.react-flow__node-card').count(), POLL).toBeGreaterThan(0);
    const pane = await page.locator('.react-flow').boundingBox();
    const view = await exportPicture(page, 'view-1x');
    const size = pngSize(view.bytes);
    expect(size).toEqual(view.promised);
    expect(Math.abs(size.width - Math.round(pane!.width))).toBeLessThanOrEqual(1);
    expect(Math.abs(size.height - Math.round(pane!.height))).toBeLessThanOrEqual(1);
  });
});

describe('the report page', () => {
  it('renders the emotion chart, the top-N actions and the map picture for a collection-letters board', async () => {
    const board = await createBoard(suite.server, { title: 'Collection letters report', template: 'collection-letters' });
    const page = await openPage();
    await join(page, board.links.facilitator, 'Mette', 'Report');
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/b/${board.id}/report`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Collection letters report');

    const chart = page.getByRole('img', { name: /average emotion per stage/ });
    expect(await chart.count()).toBe(1);
    expect(await chart.locator('path.report-chart__curve').count()).toBeGreaterThan(0);
    expect(await chart.locator('circle.report-chart__dot').count()).toBeGreaterThan(3);

    await expect.poll(() => page.getByRole('heading', { name: 'Top 12 actions' }).count(), POLL).toBe(1);
    const rows = page.locator('tr[data-report-action]');
    expect(await rows.count()).toBe(12);
    expect(await rows.first().locator('td').first().textContent()).toBe('1');
    // The business case: a value a year for the eleven actions whose touchpoints have figures, and the total.
    const values = (await page.locator('td[data-report-value]').allTextContents()).map((v) => v.replace(/\u00a0/g, ' '));
    expect(values).toHaveLength(12);
    expect(values.filter((v) => /^DKK [\d,]+$/.test(v))).toHaveLength(11);
    expect((await page.locator('.report__total').textContent())?.replace(/\u00a0/g, ' ')).toMatch(
      /^Total of the top 12: DKK [\d,]+ \(DKK [\d,]+ – DKK [\d,]+\)$/,
    );
    expect(await page.getByRole('heading', { name: 'Pain points by stage' }).count()).toBe(1);

    // The dunning journey: each stage's days, the warnings, one curve per debtor scenario, named.
    const dunning = page.getByTestId('report-dunning');
    expect(await dunning.getByRole('heading', { name: 'Time, cadence and debtor scenarios' }).count()).toBe(1);
    const spans = await dunning.getByTestId('report-stage-span').allTextContents();
    expect(spans.filter((span) => /^D(0|[+−]\d+)( – D(0|[+−]\d+))?$/.test(span)).length).toBeGreaterThan(2);
    const curves = dunning.getByTestId('report-scenario-curves');
    expect(await curves.locator('g[data-scenario]').count()).toBe(5);
    expect(await dunning.locator('.report-legend li').allTextContents()).toContain('Vulnerable customer (Payment plan, vulnerable)');

    const picture = page.locator('img[data-map-picture="ready"]');
    await expect.poll(() => picture.count(), POLL).toBe(1);
    // The test project has no DOM types: read the decoded size through a plain shape.
    const natural = await picture.evaluate((img) => {
      const decoded = img as unknown as { naturalWidth: number; naturalHeight: number };
      return { width: decoded.naturalWidth, height: decoded.naturalHeight };
    });
    expect(natural.width).toBeGreaterThan(1000);
    expect(natural.height).toBeGreaterThan(1000);
  });
});

describe('the to-do list and the matrix', () => {
  let board: CreatedBoard;
  let facilitator: Page;
  let viewer: Page;
  beforeAll(async () => {
    board = await createBoard(suite.server, { title: 'Twelve proposals', template: 'collection-letters' });
    [facilitator, viewer] = await Promise.all([openPage(), openPage()]);
    await join(facilitator, board.links.facilitator, 'Mette', 'To-do list');
    await join(viewer, board.links.viewer, 'Lars', 'To-do list');
  });

  const rows = (page: Page) => page.locator('li.action-row');
  const rowTexts = (page: Page) => page.locator('li.action-row .action-row__text').allTextContents();

  it('shows the 12 ideas ranked, with the cut line after the twelfth', async () => {
    for (const page of [facilitator, viewer]) {
      await expect.poll(() => rows(page).count(), POLL).toBe(12);
      const ranks: (string | null)[] = [];
      for (let i = 0; i < 12; i++) ranks.push(await rows(page).nth(i).getAttribute('data-rank'));
      expect(ranks).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
      const cut = page.getByRole('separator', { name: 'Top 12: the to-do list ends here' });
      expect(await cut.count()).toBe(1);
      // The cut line comes right after the twelfth row.
      expect(await cut.locator('xpath=parent::li/preceding-sibling::li[1]').getAttribute('data-rank')).toBe('12');
    }
  });

  it('moves the cut line for everyone when the facilitator changes top N, and only the facilitator can', async () => {
    await facilitator.getByRole('spinbutton', { name: 'Show top' }).fill('5');
    await facilitator.getByRole('spinbutton', { name: 'Show top' }).press('Enter');
    for (const page of [facilitator, viewer]) {
      const cut = page.getByRole('separator', { name: 'Top 5: the to-do list ends here' });
      await expect.poll(() => cut.count(), POLL).toBe(1);
      expect(await cut.locator('xpath=parent::li/preceding-sibling::li[1]').getAttribute('data-rank')).toBe('5');
    }
    expect(await viewer.getByRole('spinbutton', { name: 'Show top' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /^Move “/ }).count()).toBe(0);
  });

  it('reorders with the keyboard alternative: the facilitator’s move reaches the viewer in manual order', async () => {
    const before = await rowTexts(facilitator);
    await facilitator.getByRole('button', { name: `Move “${before[0]}” down` }).click();
    const expected = [before[1], before[0], ...before.slice(2)];
    await expect.poll(() => rowTexts(facilitator), POLL).toEqual(expected);
    await expect.poll(() => rowTexts(viewer), POLL).toEqual(expected);
    await expect.poll(() => viewer.locator('.prioritize__readonly').textContent(), POLL).toContain('Manual order');
  });

  it('reorders by dragging a row’s handle', async () => {
    const before = await rowTexts(facilitator);
    const handle = facilitator.getByRole('img', { name: `Drag to move “${before[3]}”` });
    const target = rows(facilitator).nth(0);
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    await facilitator.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await facilitator.mouse.down();
    await facilitator.mouse.move(from!.x + from!.width / 2, to!.y + 4, { steps: 12 });
    await facilitator.mouse.up();
    const expected = [before[3], ...before.slice(0, 3), ...before.slice(4)];
    await expect.poll(() => rowTexts(facilitator), POLL).toEqual(expected);
    await expect.poll(() => rowTexts(viewer), POLL).toEqual(expected);
  });

  it('dragging an idea in the matrix changes its impact and effort, seen live on the second page', async () => {
    for (const page of [facilitator, viewer]) await page.getByText('Impact/effort matrix', { exact: true }).click();
    const chipOf = (page: Page, id: string) => page.locator(`[data-matrix-card="${id}"]`);
    const first = facilitator.locator('[data-matrix-card]').first();
    await expect.poll(() => first.count(), POLL).toBe(1);
    const id = (await first.getAttribute('data-matrix-card'))!;
    const startImpact = await chipOf(viewer, id).getAttribute('data-impact');

    // Drop it in the bottom-right corner of the plot: impact 1, effort 5 (a money pit).
    const plot = await facilitator.getByRole('group', { name: 'Ideas by impact and effort' }).boundingBox();
    const chip = await chipOf(facilitator, id).boundingBox();
    await facilitator.mouse.move(chip!.x + chip!.width / 2, chip!.y + chip!.height / 2);
    await facilitator.mouse.down();
    await facilitator.mouse.move(plot!.x + plot!.width * 0.9, plot!.y + plot!.height * 0.9, { steps: 15 });
    await facilitator.mouse.up();

    await expect.poll(() => chipOf(viewer, id).getAttribute('data-impact'), POLL).toBe('1');
    expect(await chipOf(viewer, id).getAttribute('data-effort')).toBe('5');
    expect(startImpact).not.toBe('1');
    expect(await chipOf(viewer, id).getAttribute('aria-label')).toContain('Money pit');

    // The keyboard alternative: arrow up raises the impact by one.
    await chipOf(facilitator, id).focus();
    await facilitator.keyboard.press('ArrowUp');
    await expect.poll(() => chipOf(viewer, id).getAttribute('data-impact'), POLL).toBe('2');
    expect(await chipOf(viewer, id).getAttribute('data-effort')).toBe('5');
    // The chip keeps the focus after it moved to another cell, so the next arrow works too.
    await facilitator.keyboard.press('ArrowLeft');
    await expect.poll(() => chipOf(viewer, id).getAttribute('data-effort'), POLL).toBe('4');
  });
});
