/**
 * Issue 14's keyboard and room, in Debian's Chromium (1440 × 900) against the real server: the
 * map seen from far is one Tab stop whose arrows go from card to card (the card read out, a
 * ring drawn round its block, panned on screen), Enter or Space selects, Z zooms in to the
 * card's node with the focus on it, Delete removes it for everyone — and not from a view-only
 * link; the workshop bar stays one row with the inspector (and the voting results) open, in
 * English, Danish and Swedish, what it folds reachable in its "More" menu. Screens go to
 * FARKEYS_SCREENS_DIR (default: the OS temp dir).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCard, docToBoard, FOCUS_COLOUR } from '@rejse/shared';
import { seriousViolations } from '../helpers/axe.ts';
import { browserSuite, openMapPage, wideBoard } from '../helpers/browser.ts';

const POLL = { timeout: 20_000, interval: 100 };
const SCREENS = process.env.FARKEYS_SCREENS_DIR ?? path.join(tmpdir(), 'rejse-farkeys-screens');
const STAGES = 30;
const PER_CELL = 4;
const suite = browserSuite();

async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

/** A blank board of STAGES stages, each with PER_CELL touchpoints ("Touch s3k1") and pain points ("Pain s3k1"). */
const farBoard = () =>
  wideBoard(suite.server, 'Wide', STAGES, (doc, { stages }, lane) => {
    stages.forEach((stage, s) => {
      for (let k = 0; k < PER_CELL; k += 1) {
        addCard(doc, { stageId: stage.id, laneId: lane('touchpoints'), kind: 'touchpoint', text: `Touch s${s}k${k}` });
        addCard(doc, { stageId: stage.id, laneId: lane('pains'), kind: 'pain', text: `Pain s${s}k${k}` });
      }
    });
  });

const zoomOf = (page: Page) =>
  page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

/** Opens a link zoomed to just below FAR_ZOOM (20 %), where the widest boards run off the screen. */
async function openFar(link: string, locale = 'en'): Promise<Page> {
  const context = await suite.openContext({ locale, bypassCSP: true });
  await context.addInitScript(() => localStorage.setItem('rejse.displayName', 'Mette'));
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${suite.server.url}${link}`);
  await page.locator('.far-layer').waitFor({ timeout: 20_000 });
  const step = async (which: 'in' | 'out') => {
    const before = await zoomOf(page);
    await page.locator(`.react-flow__controls-zoom${which}`).click();
    await expect.poll(() => zoomOf(page), POLL).not.toBe(before);
    await page.waitForTimeout(250);
  };
  for (let i = 0; i < 10 && (await zoomOf(page)) >= 0.2; i += 1) await step('out');
  for (let i = 0; i < 10 && (await zoomOf(page)) * 1.2 < 0.2; i += 1) await step('in');
  expect(await zoomOf(page)).toBeLessThan(0.2);
  return page;
}

/** What the far map reads out now: its active option's text. */
const announced = (page: Page) =>
  page.evaluate(() => {
    const id = document.querySelector('.far-keys [role="listbox"]')?.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.textContent ?? null) : null;
  });

/** Where the far layer drew the focus ring on screen (its pixels' bounds), or null. */
function ringOnScreen(page: Page) {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(FOCUS_COLOUR.slice(i, i + 2), 16));
  return page.evaluate((colour) => {
    let box: { left: number; top: number; right: number; bottom: number } | null = null;
    // Every drawn tile of the far layer, each at its own place on screen.
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('.far-layer canvas')) {
      if (canvas.width === 0) continue;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const rect = canvas.getBoundingClientRect();
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - colour[0]!) + Math.abs(data[i + 1]! - colour[1]!) + Math.abs(data[i + 2]! - colour[2]!) > 30) continue;
        const x = rect.left + (((i / 4) % canvas.width) / canvas.width) * rect.width;
        const y = rect.top + (Math.floor(i / 4 / canvas.width) / canvas.height) * rect.height;
        box = box
          ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) }
          : { left: x, top: y, right: x, bottom: y };
      }
    }
    return box;
  }, rgb);
}

/** Tabs from the top of the page until the far map has the focus; answers how many presses it took. */
async function tabToFarMap(page: Page): Promise<number> {
  for (let presses = 1; presses <= 80; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('.far-keys') !== null)) return presses;
  }
  throw new Error('Tab never reached the far map');
}

const onPane = async (page: Page) => {
  const ring = await ringOnScreen(page);
  const pane = (await page.locator('.react-flow').boundingBox())!;
  return (
    ring !== null && ring.left >= pane.x && ring.right <= pane.x + pane.width && ring.top >= pane.y && ring.bottom <= pane.y + pane.height
  );
};

describe('the map seen from far, by keyboard', () => {
  it('is one Tab stop whose arrows go from card to card; Enter selects, Delete removes, Z zooms in to the node', async () => {
    const { board, reader, total } = await farBoard();
    const page = await openFar(board.links.facilitator);
    const list = page.getByRole('listbox', { name: new RegExp(`The map from far: ${total} cards`) });
    expect(await list.count()).toBe(1);
    expect(await ringOnScreen(page)).toBeNull();

    await tabToFarMap(page);
    await expect.poll(() => ringOnScreen(page), POLL).not.toBeNull();
    await page.keyboard.press('Home');
    const first = /^(Touchpoint|Pain point): (Touch|Pain) s0k0\. Stage 1 “[^”]*”, lane “[^”]+”$/.exec((await announced(page)) ?? '');
    expect(first).not.toBeNull();
    const word = first![2]!;
    const says = (text: string) =>
      expect.poll(async () => (await announced(page))?.split('.')[0], POLL).toBe(`${first![1]}: ${word} ${text}`);
    await page.keyboard.press('ArrowRight');
    await says('s1k0');
    await page.keyboard.press('ArrowDown');
    await says('s1k1');
    await page.keyboard.press('ArrowLeft');
    await says('s0k1');
    await page.keyboard.press('ArrowUp');
    await says('s0k0');
    expect(await list.getAttribute('aria-describedby')).toBeTruthy();

    // The last card is off the screen at this zoom: the map pans to it, and back to the first.
    expect(await onPane(page)).toBe(true);
    await page.keyboard.press('End');
    await expect.poll(async () => (await announced(page)) ?? '', POLL).toMatch(/ s29k3\. Stage 30 /);
    await expect.poll(() => onPane(page), POLL).toBe(true);
    await page.keyboard.press('Home');
    await says('s0k0');
    await expect.poll(() => onPane(page), POLL).toBe(true);

    // Enter selects the card: the inspector shows it, the option says it is selected.
    await page.keyboard.press('ArrowRight');
    await says('s1k0');
    await page.keyboard.press('Enter');
    const inspector = page.getByRole('complementary', { name: 'Card details' });
    await expect.poll(() => inspector.getByRole('textbox').first().inputValue(), POLL).toBe(`${word} s1k0`);
    expect(await page.locator('.far-keys [role="option"]').getAttribute('aria-selected')).toBe('true');
    // Shift+Space adds the next one, Space alone selects only it.
    await page.keyboard.press('ArrowDown');
    await says('s1k1');
    await page.keyboard.press('Shift+Space');
    await expect.poll(() => inspector.getByRole('heading', { name: '2 cards selected' }).count(), POLL).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => inspector.getByRole('textbox').first().inputValue(), POLL).toBe(`${word} s1k1`);
    expect(await seriousViolations(page)).toEqual([]);
    await screen(page, 'far-keys-en');

    // Delete removes the selected card for everyone; the keyboard stays at its place (the next card).
    await page.locator('.far-keys [role="listbox"]').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => docToBoard(reader.doc, board.id).cards.some((c) => c.text === `${word} s1k1`), POLL).toBe(false);
    expect(docToBoard(reader.doc, board.id).cards).toHaveLength(total - 1);
    await says('s1k2');

    // Z zooms in to the card at 100 %: it is a node again, and the focus is on it.
    await page.keyboard.press('z');
    await expect.poll(() => zoomOf(page), POLL).toBeCloseTo(1, 1);
    await expect.poll(() => page.locator('.far-layer').count(), POLL).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.react-flow__node-card')?.getAttribute('aria-label') ?? ''), POLL)
      .toMatch(new RegExp(`${word} s1k2$`));
    reader.destroy();
  });

  it('lets a viewer go from card to card, select and zoom in, but not delete', async () => {
    const { board, reader, total } = await farBoard();
    const page = await openFar(board.links.viewer);
    await tabToFarMap(page);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await announced(page)) ?? '', POLL).toMatch(/ s1k0\./);
    const help = await page.evaluate(() => {
      const id = document.querySelector('.far-keys [role="listbox"]')?.getAttribute('aria-describedby');
      return id ? document.getElementById(id)?.textContent : null;
    });
    expect(help).not.toMatch(/Delete/);
    await page.keyboard.press('Enter');
    const inspector = page.getByRole('complementary', { name: 'Card details' });
    await expect.poll(() => inspector.count(), POLL).toBe(1);
    const picked = (await announced(page))!.split(': ')[1]!.split('.')[0]!;
    await expect.poll(() => inspector.getByText(picked, { exact: true }).count(), POLL).toBeGreaterThan(0);
    await page.keyboard.press('Delete');
    // A change would reach the reader well within this time (the editor's delete above did).
    await page.waitForTimeout(800);
    expect(docToBoard(reader.doc, board.id).cards).toHaveLength(total);
    expect(await announced(page)).toMatch(/ s1k0\./);
    // Enter again zooms in, as Z does.
    await page.keyboard.press('Enter');
    await expect.poll(() => zoomOf(page), POLL).toBeCloseTo(1, 1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.react-flow__node-card')?.getAttribute('aria-label') ?? ''), POLL)
      .toMatch(/ s1k0$/);
    reader.destroy();
  });

  it.each([
    ['da', /\. Fase 2 »[^«]+«, række »[^«]+«$/, 'Kortet zoomet helt ud'],
    ['sv', /\. Fas 2 ”[^”]+”, rad ”[^”]+”$/, 'Kartan utzoomad helt'],
  ] as const)('reads the card out in %s, and Escape leaves', async (locale, place, heading) => {
    const { board, reader } = await farBoard();
    const page = await openFar(board.links.facilitator, locale);
    await tabToFarMap(page);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await announced(page)) ?? '', POLL).toMatch(place);
    expect(await announced(page)).toMatch(/^(Kontaktpunkt|Smertepunkt|Smärtpunkt): (Touch|Pain) s1k0\./);
    await expect.poll(() => ringOnScreen(page), POLL).not.toBeNull();
    await screen(page, `far-keys-${locale}`);
    // Escape leaves the far map: no focus in it, no ring.
    await page.keyboard.press('Escape');
    await expect.poll(() => ringOnScreen(page), POLL).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.closest('.far-keys') ?? null)).toBeNull();
    // The shortcuts dialog lists the far map's keys.
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('dialog').getByRole('heading', { name: heading }).count(), POLL).toBe(1);
    await screen(page, `shortcuts-${locale}`);
    reader.destroy();
  });
});

const MORE = { en: 'More', da: 'Mere', sv: 'Mer' } as const;
const SHARE = { en: 'Share', da: 'Del', sv: 'Dela' } as const;
const VOTING = {
  en: { menu: 'Voting', start: 'Start voting', close: 'Close voting and show results' },
  da: { menu: 'Afstemning', start: 'Start afstemningen', close: 'Luk afstemningen, og vis resultatet' },
  sv: { menu: 'Röstning', start: 'Starta röstningen', close: 'Avsluta röstningen och visa resultatet' },
} as const;

/** The workshop bar's height, the height of its tallest control, and the middles of the controls laid out in it. */
async function barRows(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLElement>('.workshop-bar')!;
    const items = [...bar.querySelectorAll<HTMLElement>('button, select, input, summary, .workshop-timer')].filter(
      (el) => el.offsetParent !== null && !el.closest('.workshop-menu__panel') && !el.closest('dialog'),
    );
    const style = getComputedStyle(bar);
    const frame = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce(
      (sum, key) => sum + Number.parseFloat(style[key as 'paddingTop']),
      0,
    );
    return {
      height: bar.getBoundingClientRect().height,
      control: Math.max(...items.map((el) => el.getBoundingClientRect().height)),
      frame,
      centres: [...new Set(items.map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2)))],
    };
  });
}

/** The bar is one row: as tall as its tallest control and its padding (a second row adds 30 px or more), every control on one line. */
async function expectOneRow(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const rows = await barRows(page);
      return rows.height <= Math.max(46, rows.control + rows.frame) + 1 && Math.max(...rows.centres) - Math.min(...rows.centres) <= 4;
    }, POLL)
    .toBe(true);
}

describe('the workshop bar with side panels open at 1440 px', () => {
  it.each(['en', 'da', 'sv'] as const)('stays one row in %s, what it folds in its "More" menu', async (locale) => {
    const created = await fetch(`${suite.server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'collection-letters', locale }),
    });
    const board = (await created.json()) as { links: { facilitator: string } };
    // Not named yet: the name field takes room in the bar.
    const page = await openMapPage(suite, board.links.facilitator, { locale, named: false });
    await page.locator('.react-flow__node-card').first().click();
    await page.getByRole('complementary', { name: locale === 'en' ? 'Card details' : 'Kortdetaljer' }).waitFor();
    await expectOneRow(page);
    const bar = page.locator('.workshop-bar');
    const more = bar.locator('.workshop-bar__more summary');
    expect(await more.textContent()).toBe(MORE[locale]);
    await screen(page, `bar-inspector-${locale}`);
    // What is folded is there in the menu (Share opens its dialog from there).
    await more.click();
    const folded = bar.locator('.workshop-bar__folded');
    await expect.poll(() => folded.getByRole('button').count(), POLL).toBeGreaterThan(3);
    await screen(page, `bar-more-${locale}`);
    await more.click();

    // An open vote's strip and its long "close" button: still one row.
    const words = VOTING[locale];
    await bar.getByRole('group').locator('summary', { hasText: words.menu }).click();
    await bar.getByRole('button', { name: words.start }).click();
    await expect.poll(() => bar.getByRole('button', { name: words.close }).isVisible(), POLL).toBe(true);
    await expectOneRow(page);
    await screen(page, `bar-vote-open-${locale}`);
    // Closed, its results open in a side panel beside the inspector: the bar is narrower, still one row.
    await bar.getByRole('button', { name: words.close }).click();
    await expect.poll(() => page.locator('.workshop-panels [data-results-round-id]').count(), POLL).toBe(1);
    await page.locator('.react-flow__node-card').first().click();
    await expectOneRow(page);
    expect(await more.isVisible()).toBe(true);
    await screen(page, `bar-results-inspector-${locale}`);
    // Everything folded is in the menu, the links to share among it.
    await more.click();
    await expect.poll(() => folded.getByRole('button', { name: SHARE[locale], exact: true }).isVisible(), POLL).toBe(true);
    await screen(page, `bar-results-more-${locale}`);
  });
});
