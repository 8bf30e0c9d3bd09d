// Scratch: open a template board and screenshot it (not committed).
import { chromium } from 'playwright-core';
import { createBoard, startServer } from '../../../tests/helpers/server.ts';

const template = process.argv[2] ?? 'collection-letters';
const out = process.argv[3] ?? '/tmp/shot.png';
const server = await startServer();
try {
  const board = await createBoard(server, { template });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('pageerror', e));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error('console', m.text()); });
  await page.goto(`${server.url}${board.links.facilitator}`);
  await page.getByRole('status', { name: 'Connection' }).filter({ hasText: 'Connected' }).waitFor();
  await page.waitForTimeout(800);
  const actions = process.env.ACTIONS;
  if (actions) { const fn = new Function('page', `return (async () => { ${actions} })()`); await fn(page); }
  await page.screenshot({ path: out });
  await page.goto(server.url);
  await page.waitForTimeout(800);
  await page.screenshot({ path: out.replace('.png', '-home.png'), fullPage: true });
  await browser.close();
} finally {
  await server.stop();
}
