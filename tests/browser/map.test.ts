/**
 * The projected map in a real browser (Debian's Chromium, 1440 × 900) against the real
 * server serving the built client: at "zoom to fit" a template board is readable from the
 * back of the room — card text and stage names measured as rendered on screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addStage } from '@rejse/shared';
import { connectClient, createBoard, startServer, type RunningServer } from '../helpers/server.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { launchChromium, openIsolatedPage, requireBuiltClient } from '../helpers/browser.ts';

const POLL = { timeout: 20_000, interval: 100 };

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireBuiltClient();
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

interface Created {
  id: string;
  links: { facilitator: string };
}

/** A collection-letters board in the template's language `locale`, with an eighth stage. */
async function eightStageBoard(locale: string): Promise<Created> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'collection-letters', locale }),
  });
  expect(res.status).toBe(201);
  const board = (await res.json()) as Created & { token: string };
  const client = connectClient(server, board.id, { token: board.token });
  await client.synced;
  addStage(client.doc, locale === 'da' ? 'Opfølgning efter betaling' : 'Follow-up after payment');
  await vi.waitFor(async () => {
    const state = await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${board.token}` },
    });
    expect(((await state.json()) as { stages: unknown[] }).stages).toHaveLength(8);
  }, POLL);
  client.destroy();
  return board;
}

async function open(link: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const page = await openIsolatedPage(browser, contexts, options);
  await page.goto(`${server.url}${link}`);
  await expect.poll(() => page.getByRole('status', { name: 'Connection' }).textContent(), POLL).toBe('Connected');
  const nameBox = page.getByRole('textbox', { name: 'Your name' });
  if ((await nameBox.count()) > 0) {
    await nameBox.fill('Facilitator');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
  }
  await page.locator('.react-flow__node-card').first().waitFor();
  return page;
}

/** What a person sees at the current zoom: rendered font sizes and cut-off names. */
async function readability(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 0;
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const onScreen = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom;
    };
    const cardTexts = [...document.querySelectorAll<HTMLElement>('.card__text')].filter(onScreen);
    const stageTitles = [...document.querySelectorAll<HTMLElement>('.axis-header--stage .axis-header__title')];
    return {
      zoom,
      cards: cardTexts.length,
      farCards: document.querySelectorAll('.card--far').length,
      smallestCardText: Math.min(...cardTexts.map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom)),
      // The height a text box shows on screen against its own font size (rects include the zoom).
      smallestStageName: Math.min(...stageTitles.map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom)),
      cutStageNames: stageTitles
        .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent),
      stageNames: stageTitles.map((el) => el.textContent),
    };
  });
}

describe('the map at zoom to fit, on a 1440 × 900 screen', () => {
  it('a Danish eight-stage template board with the inspector open: every card’s text and stage name renders at 10 px or more, and no stage name is cut', async () => {
    const board = await eightStageBoard('da');
    const page = await open(board.links.facilitator);
    // A card selected opens the inspector beside the map; then zoom to fit.
    await page.locator('.react-flow__node-card').first().click();
    await page.locator('aside.inspector').first().waitFor();
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await expect.poll(async () => (await readability(page)).zoom, POLL).toBeLessThan(0.75);
    const seen = await readability(page);
    expect(seen.stageNames).toContain('Kreditvurdering');
    expect(seen.farCards).toBe(0);
    expect(seen.cards).toBeGreaterThan(40);
    expect(seen.smallestCardText).toBeGreaterThanOrEqual(10);
    expect(seen.smallestStageName).toBeGreaterThanOrEqual(10);
    expect(seen.cutStageNames).toEqual([]);
  });

  it('back at reading zoom the cards show their kind, badges and full-size text again', async () => {
    const board = await eightStageBoard('en');
    const page = await open(board.links.facilitator);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.locator('.react-flow__node-card').first().click();
    // Zoom to the card's stage: readable zoom, the summary gives way to the full card.
    await page.getByRole('combobox', { name: /zoom to stage/i }).selectOption({ index: 1 });
    await expect.poll(async () => (await readability(page)).zoom, POLL).toBeGreaterThanOrEqual(0.75);
    await expect.poll(() => page.locator('.canvas.is-summary').count(), POLL).toBe(0);
    expect(await page.locator('.card__meta').first().isVisible()).toBe(true);
    const seen = await readability(page);
    expect(seen.smallestCardText).toBeGreaterThanOrEqual(9.5);
  });
});

/** How far the centre of stage `index`'s header is from the middle of the window, across. */
async function stageOffCentre(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => {
    const header = document.querySelectorAll('.react-flow__node-stage')[i];
    if (!header) return Number.POSITIVE_INFINITY;
    const r = header.getBoundingClientRect();
    return Math.abs(r.left + r.width / 2 - window.innerWidth / 2);
  }, index);
}

const presenting = (page: Page) => page.evaluate(() => document.body.classList.contains('is-presenting'));

describe('presentation mode, in two browsers', () => {
  it('the facilitator steps through the stages with the arrow keys and the other view follows, until its person leaves; rejoining follows again', async () => {
    const board = await createBoard(server, { title: 'Presented', template: 'collection-letters' });
    const facilitator = await open(board.links.facilitator);
    const editor = await open(board.links.editor);

    await facilitator.locator('[data-present="start"]').click();
    for (const page of [facilitator, editor]) {
      await expect.poll(() => presenting(page), POLL).toBe(true);
      await expect.poll(() => page.locator('[data-presented-stage]').getAttribute('data-presented-stage'), POLL).toBe('0');
      await expect.poll(() => stageOffCentre(page, 0), POLL).toBeLessThan(40);
      // The editing chrome steps aside; the timer and the stage name are large.
      expect(await page.locator('.toolbar').isVisible()).toBe(false);
    }
    expect(await facilitator.locator('.presentation-bar__stage').textContent()).toBe('Stage 1 of 7: Credit assessment');

    await facilitator.keyboard.press('ArrowRight');
    await expect.poll(() => editor.locator('[data-presented-stage]').getAttribute('data-presented-stage'), POLL).toBe('1');
    await expect.poll(() => stageOffCentre(editor, 1), POLL).toBeLessThan(40);

    // The editor looks around on their own: the presentation goes on without moving their view.
    await editor.locator('[data-present="leave"]').click();
    await expect.poll(() => presenting(editor), POLL).toBe(false);
    const before = await editor.locator('.react-flow__viewport').getAttribute('style');
    await facilitator.keyboard.press('ArrowRight');
    await expect.poll(() => facilitator.locator('[data-presented-stage]').getAttribute('data-presented-stage'), POLL).toBe('2');
    await editor.waitForTimeout(600);
    expect(await editor.locator('.react-flow__viewport').getAttribute('style')).toBe(before);

    await editor.getByRole('button', { name: 'Follow the presentation again' }).click();
    await expect.poll(() => presenting(editor), POLL).toBe(true);
    await expect.poll(() => stageOffCentre(editor, 2), POLL).toBeLessThan(40);

    await facilitator.keyboard.press('Escape');
    for (const page of [facilitator, editor]) await expect.poll(() => presenting(page), POLL).toBe(false);
    expect(await editor.locator('.toolbar').isVisible()).toBe(true);
  });
});

describe('the emotion curve is a control', () => {
  it('a touchpoint’s point is dragged or arrowed to set its emotion, for everyone, undoably; a viewer cannot', async () => {
    const board = await createBoard(server, { title: 'Curve', template: 'collection-letters' });
    const editor = await open(board.links.editor);
    const handle = editor.locator('.emotion-curve__handle').first();
    await handle.waitFor();
    const id = (await handle.getAttribute('data-card-id'))!;
    const emotionOnServer = async () => {
      const res = await fetch(`${server.url}/api/boards/${board.id}`, {
        headers: { authorization: `Bearer ${board.token}` },
      });
      return ((await res.json()) as { cards: { id: string; emotion?: number }[] }).cards.find((c) => c.id === id)?.emotion;
    };
    const start = Number(await handle.getAttribute('aria-valuenow'));
    expect(await emotionOnServer()).toBe(start);

    // The keyboard alternative: focus the point, arrow down.
    await handle.focus();
    await editor.keyboard.press('ArrowDown');
    const lowered = Math.max(-2, start - 1);
    await expect.poll(emotionOnServer, POLL).toBe(lowered);
    await expect
      .poll(() => editor.locator(`.emotion-curve__handle[data-card-id="${id}"]`).getAttribute('aria-valuenow'), POLL)
      .toBe(String(lowered));

    // Undo puts it back.
    await editor.keyboard.press('Control+z');
    await expect.poll(emotionOnServer, POLL).toBe(start);

    // Dragging it to the top of the lane makes it +2.
    const point = editor.locator(`.emotion-curve__handle[data-card-id="${id}"]`);
    const box = (await point.boundingBox())!;
    const lane = (await editor.locator('.react-flow__node-emotion').boundingBox())!;
    await editor.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await editor.mouse.down();
    await editor.mouse.move(box.x + box.width / 2, lane.y + 2, { steps: 6 });
    await editor.mouse.up();
    await expect.poll(emotionOnServer, POLL).toBe(2);

    // A view-only link may focus the point, but the change is refused and nothing is stored.
    const viewer = await open(board.links.viewer);
    const seen = viewer.locator(`.emotion-curve__handle[data-card-id="${id}"]`);
    await expect.poll(() => seen.getAttribute('aria-valuenow'), POLL).toBe('2');
    await seen.focus();
    await viewer.keyboard.press('ArrowDown');
    await viewer.waitForTimeout(500);
    expect(await emotionOnServer()).toBe(2);
    expect(await seen.getAttribute('aria-valuenow')).toBe('2');
  });
});

describe('accessibility (axe-core in the page)', () => {
  it('the home page, the board, the to-do list and the report page have no serious or critical violations', async () => {
    const board = await createBoard(server, { title: 'Accessible', template: 'collection-letters' });
    // The app's CSP allows no inline script; axe is injected as one, so these pages bypass it.
    const home = await openIsolatedPage(browser, contexts, { bypassCSP: true });
    await home.goto(server.url);
    await home.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(home)).toEqual([]);

    const page = await open(board.links.facilitator, { bypassCSP: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Board views' }).getByRole('link', { name: 'To-do list' }).click();
    await page.locator('tr, [data-action-row], .action-list').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Board views' }).getByRole('link', { name: 'Report' }).click();
    await page.locator('img[data-map-picture="ready"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('linking with the keyboard', () => {
  it('a card is linked to any other card from the inspector’s list of cards, with no drag', async () => {
    const board = await createBoard(server, { title: 'Keyboard links', template: 'collection-letters' });
    const page = await open(board.links.editor);
    const links = async () => {
      const res = await fetch(`${server.url}/api/boards/${board.id}`, {
        headers: { authorization: `Bearer ${board.token}` },
      });
      return ((await res.json()) as { links: { from: string; to: string }[] }).links;
    };
    const before = (await links()).length;
    // The card selected opens the inspector; the link is then chosen from a list, no dragging.
    const card = page.locator('.react-flow__node-card').first();
    const from = (await card.getAttribute('data-id'))!;
    await card.click();
    const picker = page.getByRole('combobox', { name: 'Link this card to' });
    await picker.focus();
    const target = await picker.locator('option').nth(5).getAttribute('value');
    await picker.selectOption(target!);
    await expect.poll(async () => (await links()).length, POLL).toBe(before + 1);
    expect((await links()).some((l) => l.from === from && l.to === target)).toBe(true);
  });
});

describe('the report prints', () => {
  it('as a multi-page landscape PDF with the map on a page of its own', async () => {
    const board = await createBoard(server, { title: 'Printed', template: 'collection-letters' });
    const page = await open(board.links.facilitator);
    await page.getByRole('navigation', { name: 'Board views' }).getByRole('link', { name: 'Report' }).click();
    await page.locator('img[data-map-picture="ready"]').waitFor();
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
    // A4 landscape: 842 × 595 points.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    expect(box).not.toBeNull();
    expect(Math.round(Number(box![1]))).toBe(842);
    expect(Math.round(Number(box![2]))).toBe(595);
  });
});
