// Scratch: a tour of the editor's UI with screenshots (not committed).
import { chromium } from 'playwright-core';
import { createBoard, startServer } from '../../../tests/helpers/server.ts';

const server = await startServer();
try {
  const board = await createBoard(server, { template: 'collection-letters' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  page.on('pageerror', (e) => console.error('pageerror', e));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error('console', m.text()); });
  await page.goto(`${server.url}${board.links.facilitator}`);
  await page.getByRole('status', { name: 'Connection' }).filter({ hasText: 'Connected' }).waitFor();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ann');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('combobox', { name: 'Zoom to stage…' }).selectOption({ label: '4. Collection letter' });
  await page.waitForTimeout(700);
  await page.screenshot({ path: '/tmp/t1-stage.png' });
  // Inspector of a touchpoint
  await page.locator('.card', { hasText: 'Collection letter from the credit' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/t2-inspector.png' });
  await page.locator('.inspector').screenshot({ path: '/tmp/t2b-inspector-full.png' }).catch(() => undefined);
  // Invalid metric
  const nps = page.getByRole('textbox', { name: 'NPS (net promoter score)' });
  await nps.fill('12.5');
  await nps.press('Enter');
  await page.waitForTimeout(200);
  await page.screenshot({ path: '/tmp/t3b-invalid-page.png' });
  await page.locator('.inspector').screenshot({ path: '/tmp/t3-invalid.png' });
  await nps.press('Escape');
  // Pain point
  await page.getByRole('searchbox', { name: 'Search cards' }).fill('does not say which');
  await page.getByRole('searchbox', { name: 'Search cards' }).press('Enter');
  await page.waitForTimeout(400);
  await page.getByRole('searchbox', { name: 'Search cards' }).press('Escape');
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/t4-pain.png' });
  // Emotion tooltip
  await page.keyboard.press('Escape');
  const point = page.locator('.emotion-curve__point').nth(3);
  await point.hover();
  await page.waitForTimeout(200);
  await page.screenshot({ path: '/tmp/t5-tooltip.png' });
  // Search
  await page.getByRole('searchbox', { name: 'Search cards' }).fill('letter');
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/t6-search.png' });
  await page.locator('.filter-menu__summary').click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: '/tmp/t7-filter.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('searchbox', { name: 'Search cards' }).press('Escape');
  // Persona
  await page.locator('.persona-badge__summary').click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: '/tmp/t8-persona.png' });
  await page.getByRole('button', { name: 'Edit personas' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/t9-personas.png' });
  await page.getByRole('button', { name: 'Done' }).click();
  // Shortcuts
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('?');
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/t10-shortcuts.png' });
  await page.keyboard.press('Escape');
  // Home
  await page.goto(server.url);
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/t11-home.png' });
  await browser.close();
} finally {
  await server.stop();
}
