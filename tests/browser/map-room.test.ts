/**
 * The projected map's leftovers in a real browser (Debian's Chromium, 1440 × 900) against the
 * real server: one emotion curve per persona, each point a control for that persona only (by
 * mouse and by keyboard, seen live on a second page); the overview map in a dock of its own
 * that never covers a card; the workshop bar on one row in English, Danish and Swedish.
 * Screens go to MAP_ROOM_SCREENS_DIR (default: the OS temp dir).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addPersona, type PersonaId } from '@rejse/shared';
import { connectClient } from '../helpers/server.ts';
import { browserSuite, openMapPage } from '../helpers/browser.ts';

const POLL = { timeout: 20_000, interval: 100 };
const SCREENS = process.env.MAP_ROOM_SCREENS_DIR ?? path.join(tmpdir(), 'rejse-map-room-screens');
const suite = browserSuite();

interface Created {
  id: string;
  token: string;
  links: { facilitator: string; editor: string };
}

async function boardFrom(template: string, locale = 'en'): Promise<Created> {
  const res = await fetch(`${suite.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template, locale }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

/** A page at 1440 × 900 in `locale`, with its person's name already given (or not). */
const open = (link: string, options: { locale?: string; named?: boolean } = {}): Promise<Page> => openMapPage(suite, link, options);

async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

describe('one emotion curve per persona', () => {
  it('dragging a point of persona B’s curve sets B’s emotion only, live on a second page; the arrow keys set A’s', async () => {
    const board = await boardFrom('collection-letters');
    // The template has one persona (one shared curve); a second one makes the curves per persona.
    const peer = connectClient(suite.server, board.id, { token: board.token });
    await peer.synced;
    const personaA = [...peer.doc.getMap('personas').keys()][0] as PersonaId;
    const personaB = addPersona(peer.doc, { name: 'Small firm owner', description: '', segment: '' });
    const stored = async () => {
      const res = await fetch(`${suite.server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.token}` } });
      return (await res.json()) as { cards: { id: string; emotion?: number; personaEmotions?: Record<string, number> }[] };
    };
    await expect.poll(async () => (await stored()).cards.length, POLL).toBeGreaterThan(0);

    const first = await open(board.links.editor);
    const second = await open(board.links.editor);
    // The legend names both personas.
    const legend = first.getByRole('list', { name: 'Personas on the curve' });
    await expect.poll(() => legend.textContent(), POLL).toContain('Small firm owner');
    expect(await legend.textContent()).toContain('Maria');

    // A touchpoint B's curve shows below +2, so that dragging it to the top changes it.
    const handlesB = first.locator(`.emotion-curve__handle[data-persona-id="${personaB}"]`);
    await expect.poll(() => handlesB.count(), POLL).toBeGreaterThan(2);
    const values = await handlesB.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-card-id'), Number(el.getAttribute('aria-valuenow'))]),
    );
    const [cardId, start] = values.find(([, value]) => (value as number) < 2) as [string, number];
    const handle = (page: Page, persona: string) =>
      page.locator(`.emotion-curve__handle[data-persona-id="${persona}"][data-card-id="${cardId}"]`);
    expect(await handle(first, personaB).getAttribute('aria-label')).toMatch(
      /^Small firm owner: .*Arrow up or down changes it for Small firm owner only\.$/,
    );
    const sharedBefore = (await stored()).cards.find((c) => c.id === cardId)!.emotion;
    expect(sharedBefore).toBe(start);

    const box = (await handle(first, personaB).boundingBox())!;
    const lane = (await first.locator('.react-flow__node-emotion').boundingBox())!;
    await first.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await first.mouse.down();
    await first.mouse.move(box.x + box.width / 2, lane.y + 2, { steps: 6 });
    await first.mouse.up();

    const card = async () => (await stored()).cards.find((c) => c.id === cardId)!;
    await expect.poll(async () => (await card()).personaEmotions?.[personaB], POLL).toBe(2);
    // Only B's value changed: the shared emotion and A's curve stay where they were.
    expect((await card()).emotion).toBe(start);
    expect((await card()).personaEmotions?.[personaA]).toBeUndefined();
    await expect.poll(() => handle(second, personaB).getAttribute('aria-valuenow'), POLL).toBe('2');
    expect(await handle(second, personaA).getAttribute('aria-valuenow')).toBe(String(start));
    await screen(second, 'persona-curves-en');

    // The keyboard alternative, on the second page: A's point, arrow down, for A only.
    await handle(second, personaA).focus();
    await second.keyboard.press('ArrowDown');
    const lowered = Math.max(-2, start - 1);
    await expect.poll(async () => (await card()).personaEmotions?.[personaA], POLL).toBe(lowered);
    expect((await card()).personaEmotions?.[personaB]).toBe(2);
    expect((await card()).emotion).toBe(start);
    await expect.poll(() => handle(first, personaA).getAttribute('aria-valuenow'), POLL).toBe(String(lowered));
    peer.destroy();
  });
});

/** The parts of each card node a person can see: its box clipped to the canvas pane. */
async function visibleCardBoxes(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node-card')]
      .map((el) => el.getBoundingClientRect())
      .map((r) => ({
        left: Math.max(r.left, pane.left),
        top: Math.max(r.top, pane.top),
        right: Math.min(r.right, pane.right),
        bottom: Math.min(r.bottom, pane.bottom),
      }))
      .filter((r) => r.right > r.left && r.bottom > r.top);
  });
}

describe('the overview map', () => {
  it('at 1440 × 900 on the collection-letters board it never covers a card, at the opening view or zoomed in', async () => {
    const board = await boardFrom('collection-letters');
    const page = await open(board.links.facilitator);
    await page.getByRole('button', { name: 'Show the overview map' }).click();
    const minimap = page.locator('.react-flow__minimap');
    await minimap.waitFor();
    expect(await page.getByRole('button', { name: 'Hide the overview map' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Zoom to fit' }).first().click();

    const overlapping = async () => {
      const map = (await minimap.boundingBox())!;
      const cards = await visibleCardBoxes(page);
      expect(cards.length).toBeGreaterThan(0);
      return cards.filter((c) => c.left < map.x + map.width && map.x < c.right && c.top < map.y + map.height && map.y < c.bottom).length;
    };
    expect(await overlapping()).toBe(0);
    await screen(page, 'minimap-fit-en');

    // Zoomed in, cards fill the whole canvas; the dock is beside it, so none is under the map.
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 4; i++) await zoomIn.click();
    await expect.poll(async () => (await visibleCardBoxes(page)).some((c) => c.right > 1440 - 260), POLL).toBe(true);
    expect(await overlapping()).toBe(0);
    await screen(page, 'minimap-zoomed-en');

    // Hidden again, the canvas takes the room back; the choice is remembered on reload.
    const paneWith = (await page.locator('.react-flow').boundingBox())!.width;
    await page.getByRole('button', { name: 'Hide the overview map' }).click();
    await expect.poll(() => minimap.count(), POLL).toBe(0);
    expect((await page.locator('.react-flow').boundingBox())!.width).toBeGreaterThan(paneWith + 150);
  });
});

const BAR_WORDS = {
  en: { more: 'More', history: 'History' },
  da: { more: 'Mere', history: 'Historik' },
  sv: { more: 'Mer', history: 'Historik' },
} as const;

/** The workshop bar's height and the tops of the things laid out in it. */
async function barRows(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLElement>('.workshop-bar')!;
    const items = [...bar.querySelectorAll<HTMLElement>('button, select, input, summary, .workshop-timer')].filter(
      (el) => el.offsetParent !== null && !el.closest('.workshop-menu__panel'),
    );
    const tops = [...new Set(items.map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2)))];
    return { height: bar.getBoundingClientRect().height, items: items.length, centres: tops };
  });
}

describe('the facilitator bar', () => {
  it.each(['en', 'da', 'sv'] as const)('is one row at 1440 px in %s, named or not yet named, nothing hidden', async (locale) => {
    const board = await boardFrom('collection-letters', locale);
    const page = await open(board.links.facilitator, { locale });
    await expect.poll(async () => (await barRows(page)).items, POLL).toBeGreaterThan(8);
    const named = await barRows(page);
    expect(named.height).toBeLessThanOrEqual(52);
    // Every control's middle on one line (a second row would be 30 px or more below).
    expect(Math.max(...named.centres) - Math.min(...named.centres)).toBeLessThanOrEqual(4);
    await screen(page, `facilitator-bar-${locale}`);

    // Not named yet: the name field takes room and the series entries fold into "More".
    const fresh = await open(board.links.facilitator, { locale, named: false });
    await expect.poll(async () => (await barRows(fresh)).height, POLL).toBeLessThanOrEqual(52);
    const unnamed = await barRows(fresh);
    expect(Math.max(...unnamed.centres) - Math.min(...unnamed.centres)).toBeLessThanOrEqual(4);
    const words = BAR_WORDS[locale];
    const more = fresh.locator('.workshop-bar__more summary');
    if ((await more.count()) > 0) {
      expect(await more.textContent()).toBe(words.more);
      await more.click();
      await expect
        .poll(() => fresh.locator('.workshop-menu__panel').getByRole('button', { name: words.history }).isVisible(), POLL)
        .toBe(true);
    } else {
      expect(await fresh.getByRole('button', { name: words.history }).isVisible()).toBe(true);
    }
    await screen(fresh, `facilitator-bar-unnamed-${locale}`);
  });
});
