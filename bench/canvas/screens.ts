/**
 * Screenshots (not a test) at 1440 × 900 of the collection-letters template board in each
 * language: fitted to the screen, and in presentation mode on its second stage.
 *   cd bench && node --import tsx canvas/screens.ts /tmp/shot en,da,sv
 */
import { createBoard, startServer } from '../../tests/helpers/server.ts';
import { launchChromium, VIEWPORT } from '../../tests/helpers/browser.ts';

const out = process.argv[2] ?? '/tmp/shots';
const locales = (process.argv[3] ?? 'en').split(',');
const server = await startServer();
const browser = await launchChromium();
try {
  for (const locale of locales) {
    const board = await createBoard(server, { template: 'collection-letters', locale } as { template: string });
    const context = await browser.newContext({ viewport: VIEWPORT, locale });
    await context.addInitScript((l) => localStorage.setItem('rejse.locale', l), locale);
    const page = await context.newPage();
    await page.goto(`${server.url}${board.links.facilitator}`);
    await page.waitForSelector('.react-flow__node', { timeout: 20000 });
    const nameBox = page.locator('input[name="name"], .name-prompt input').first();
    if (await nameBox.count()) {
      await nameBox.fill('Ann');
      await page.keyboard.press('Enter');
    }
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}-${locale}.png` });
    const zoom = await page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    console.log(locale, zoom);
    await page.locator('[data-present="start"]').click();
    await page.waitForTimeout(1200);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}-${locale}-present.png` });
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
