/**
 * Picture export timings (a measurement, not a test): the collection-letters template board
 * at 1440 × 900 in headless Debian Chromium against a real server serving client/dist; each
 * picture is timed from the click on its menu item to the download (the menu's code already
 * loaded), three times, and the view is checked not to have moved.
 *   cd bench && node --import tsx canvas/picture-bench.ts
 */
import { createBoard, startServer } from '../../tests/helpers/server.ts';
import { launchChromium, VIEWPORT } from '../../tests/helpers/browser.ts';

const server = await startServer();
const browser = await launchChromium();
try {
  const board = await createBoard(server, { title: 'Collection letters', template: 'collection-letters' });
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}${board.links.facilitator}`);
  await page.locator('.react-flow__node-card').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
  for (const item of ['board-1x', 'board-2x', 'view-1x', 'view-2x', 'svg-board']) {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.locator('summary', { hasText: 'Export' }).click();
      const selector = item === 'svg-board' ? '[data-svg="board"]' : `[data-picture="${item}"]`;
      await page.locator(selector).waitFor();
      const before = await viewport();
      const started = Date.now();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
      await download.path();
      times.push(Date.now() - started);
      if ((await viewport()) !== before) console.log(`  ${item}: the view moved!`);
    }
    console.log(`${item}: ${times.join(' / ')} ms (click → file)`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
