/**
 * The map as a workshop room sees it on a 1440 × 900 screen (Debian's Chromium against the real
 * server serving the built client), measured as rendered: at "zoom to fit" a card's summary ends
 * on a whole line with its ellipsis and nothing of a further line, stage and lane names break
 * between words only, "Add lane" is as readable as the cards; during a vote the pills cover no
 * card text; in presentation mode each stage is framed at a size a projector shows readably, at
 * every step, for the presenter and for whoever follows.
 * Screens in English, Danish and Swedish go to OVERVIEW_SCREENS_DIR (default /tmp/shots-overview).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from '../helpers/server.ts';
import { browserSuite, clickBarControl, openMapPage } from '../helpers/browser.ts';

const POLL = { timeout: 20_000, interval: 100 };
const SCREENS = process.env.OVERVIEW_SCREENS_DIR ?? '/tmp/shots-overview';
const LOCALES = ['en', 'da', 'sv'] as const;
type Locale = (typeof LOCALES)[number];

const suite = browserSuite();

beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

/** A collection-letters board in `locale`, opened by its facilitator with the UI in `locale`. */
async function openBoard(locale: Locale, link?: string): Promise<{ page: Page; link: { facilitator: string; editor: string } }> {
  const links = link
    ? { facilitator: link, editor: link }
    : (
        await createBoard(suite.server, { title: 'Workshop', template: 'collection-letters', locale } as {
          title: string;
          template: string;
        })
      ).links;
  const page = await openMapPage(suite, links.facilitator, {
    locale,
    prepare: async (context) => {
      await context.addInitScript((code) => localStorage.setItem('rejse.locale', code), locale);
    },
  });
  await expect.poll(() => page.locator('html').getAttribute('lang'), POLL).toBe(locale);
  return { page, link: links };
}

const zoomOf = (page: Page) =>
  page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

/** Waits until the view has stopped moving (an animated zoom or pan has ended). */
async function settled(page: Page): Promise<void> {
  const style = () => page.locator('.react-flow__viewport').getAttribute('style');
  let last = await style();
  await expect
    .poll(async () => {
      await page.waitForTimeout(150);
      const now = await style();
      const same = now === last;
      last = now;
      return same;
    }, POLL)
    .toBe(true);
}

async function atFit(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Zoom to fit|Vis hele tavlen|Visa hela tavlan)$/ }).click();
  await settled(page);
  await expect.poll(() => page.locator('.canvas.is-summary').count(), POLL).toBe(1);
}

/** Summaries on screen whose visible text is not exactly their clamp's whole lines. */
function badSummaries(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const bad: string[] = [];
    let seen = 0;
    for (const text of document.querySelectorAll<HTMLElement>('.canvas.is-summary .card__text')) {
      const r = text.getBoundingClientRect();
      if (r.bottom < canvas.top || r.top > canvas.bottom || r.right < canvas.left || r.left > canvas.right) continue;
      seen += 1;
      const card = text.closest<HTMLElement>('.card')!;
      const style = getComputedStyle(text);
      const cardStyle = getComputedStyle(card);
      const clamp = Number(style.webkitLineClamp);
      const line = parseFloat(style.lineHeight);
      // What shows of the text box: down to the card's padding edge (the card clips there).
      const bottom = card.offsetHeight - card.clientTop - parseFloat(cardStyle.paddingBottom);
      const visible = Math.min(text.offsetTop + text.offsetHeight, bottom) - text.offsetTop;
      const lines = Math.min(clamp, Math.ceil(text.scrollHeight / line - 0.01));
      if (Math.abs(visible - lines * line) > 0.75) bad.push(`${text.textContent?.slice(0, 24)}: ${clamp}×${line} vs ${visible}`);
    }
    return { seen, bad };
  });
}

/** Words of stage and lane names that the browser split over two lines, or that stick out. */
function brokenWords(page: Page) {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const title of document.querySelectorAll<HTMLElement>('.canvas .axis-header__title')) {
      const node = title.firstChild;
      if (!(node instanceof Text)) continue;
      const box = title.getBoundingClientRect();
      for (const match of node.data.matchAll(/[^\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const tops = new Set(rects.map((r) => Math.round(r.top)));
        const right = Math.max(...rects.map((r) => r.right));
        // A word clipped by the line clamp is not on screen at all; one on screen is whole.
        if (rects[0] && rects[0].top >= box.bottom - 1) continue;
        if (tops.size > 1 || right > box.right + 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** Words of the card summaries on screen that wrap onto a second line mid-word. */
function splitCardWords(page: Page) {
  return page.evaluate(() => {
    const split: string[] = [];
    for (const text of document.querySelectorAll<HTMLElement>('.canvas.is-summary .card__text')) {
      const node = text.firstChild;
      if (!(node instanceof Text)) continue;
      const shown = text.getBoundingClientRect();
      for (const match of node.data.matchAll(/[^\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.bottom <= shown.bottom + 0.5);
        if (new Set(rects.map((r) => Math.round(r.top))).size > 1) split.push(match[0]);
      }
    }
    return split;
  });
}

describe('the map at zoom to fit', () => {
  for (const locale of LOCALES) {
    it(`${locale}: card summaries end on a whole line, names break between words only, "Add lane" is readable`, async () => {
      const { page } = await openBoard(locale);
      await atFit(page);
      const zoom = await zoomOf(page);
      expect(zoom).toBeLessThan(0.75);
      await page.screenshot({ path: path.join(SCREENS, `${locale}-fit.png`) });

      const summaries = await badSummaries(page);
      expect(summaries.seen).toBeGreaterThan(30);
      expect(summaries.bad).toEqual([]);
      expect(await brokenWords(page)).toEqual([]);
      expect(await splitCardWords(page)).toEqual([]);
      // A name whose longest word is wide gets smaller type, still readable on screen.
      const names = await page.evaluate(
        (z) =>
          [...document.querySelectorAll<HTMLElement>('.canvas .axis-header__title')].map(
            (el) => parseFloat(getComputedStyle(el).fontSize) * z,
          ),
        zoom,
      );
      expect(Math.min(...names)).toBeGreaterThanOrEqual(8.5);

      const add = page.locator('.axis-add--lane .axis-add__button');
      const seen = await add.evaluate((el, z) => {
        const r = el.getBoundingClientRect();
        const label = el.querySelector('span')!;
        return {
          height: r.height,
          text: parseFloat(getComputedStyle(el).fontSize) * z,
          cut: label.scrollWidth > label.clientWidth + 1,
        };
      }, zoom);
      expect(seen.height).toBeGreaterThanOrEqual(16);
      expect(seen.text).toBeGreaterThanOrEqual(10);
      expect(seen.cut).toBe(false);
    });
  }
});

/** Vote pills on screen that overlap a card's text or another card. */
function coveringPills(page: Page) {
  return page.evaluate(() => {
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    const cards = [...document.querySelectorAll<HTMLElement>('.canvas .card')];
    const covering: string[] = [];
    let pills = 0;
    for (const card of cards) {
      const pill = card.querySelector('.card-vote, .card-votes');
      if (!pill) continue;
      pills += 1;
      const p = pill.getBoundingClientRect();
      const text = card.querySelector<HTMLElement>('.card__text')!;
      const range = document.createRange();
      range.selectNodeContents(text);
      // The lines the text shows (the clamp hides the rest).
      const shown = text.getBoundingClientRect();
      const lines = [...range.getClientRects()].filter((r) => r.bottom <= shown.bottom + 0.5 && r.width > 0);
      if (lines.some((r) => overlap(r, p))) covering.push(`text of ${text.textContent?.slice(0, 20)}`);
      for (const other of cards) {
        if (other !== card && overlap(other.getBoundingClientRect(), p)) covering.push(`card under ${text.textContent?.slice(0, 20)}`);
      }
    }
    return { pills, covering };
  });
}

describe('voting at zoom to fit', () => {
  it('the vote pills leave the idea cards’ text and the cards below them uncovered', async () => {
    const { page, link } = await openBoard('en');
    await atFit(page);
    await page.getByText('Voting', { exact: true }).click();
    await page.getByRole('button', { name: 'Start voting' }).click();
    await expect.poll(() => page.locator('.canvas .card-vote').count(), POLL).toBeGreaterThan(5);
    await page.keyboard.press('Escape');
    await settled(page);
    await page.screenshot({ path: path.join(SCREENS, 'en-voting.png') });
    const seen = await coveringPills(page);
    expect(seen.pills).toBeGreaterThan(5);
    expect(seen.covering).toEqual([]);

    for (const locale of ['da', 'sv'] as const) {
      const { page: other } = await openBoard(locale, link.facilitator);
      await atFit(other);
      await expect.poll(() => other.locator('.canvas .card-vote').count(), POLL).toBeGreaterThan(5);
      await other.screenshot({ path: path.join(SCREENS, `${locale}-voting.png`) });
      expect((await coveringPills(other)).covering).toEqual([]);
    }
  });
});

/** The presented stage's header on screen: how far off the window's middle, how wide; the on-screen size of its cards' text. */
function framing(page: Page, index: number) {
  return page.evaluate((i) => {
    const header = document.querySelectorAll('.react-flow__node-stage')[i]!.getBoundingClientRect();
    const id = document.querySelectorAll<HTMLElement>('.react-flow__node-stage .axis-header')[i]!.dataset.stageId;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const texts = [...document.querySelectorAll<HTMLElement>(`.card[data-stage-id="${id}"] .card__text`)];
    return {
      offCentre: Math.abs(header.left + header.width / 2 - window.innerWidth / 2),
      headerTop: header.top,
      text: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom)),
      summary: document.querySelector('.canvas.is-summary') !== null,
    };
  }, index);
}

describe('presentation mode', () => {
  it('from zoom to fit with the inspector open, each step frames its stage centred with its cards’ text at projector size, for the presenter and a follower', async () => {
    const { page: facilitator, link } = await openBoard('sv');
    const { page: follower } = await openBoard('da', link.editor);
    // A card selected opens the inspector; the map is at zoom to fit when the presentation starts.
    await facilitator.locator('.react-flow__node-card').first().click();
    await facilitator.locator('aside.inspector').first().waitFor();
    await atFit(facilitator);

    await clickBarControl(facilitator, 'Presentera');
    for (const [index, step] of [
      [0, null],
      [1, 'ArrowRight'],
      [2, 'ArrowRight'],
    ] as const) {
      if (step) await facilitator.keyboard.press(step);
      for (const page of [facilitator, follower]) {
        await expect.poll(() => page.locator('[data-presented-stage]').getAttribute('data-presented-stage'), POLL).toBe(String(index));
        // The view glides there (a quarter second) once the step arrives.
        await expect
          .poll(async () => (await framing(page, index)).offCentre, {
            ...POLL,
            message: `stage ${index + 1} centred on the ${page === facilitator ? 'presenter' : 'follower'}’s screen`,
          })
          .toBeLessThan(24);
        await settled(page);
        const seen = await framing(page, index);
        expect(seen.offCentre).toBeLessThan(24);
        expect(seen.summary).toBe(false);
        expect(seen.text).toBeGreaterThanOrEqual(12.5);
        expect(seen.headerTop).toBeGreaterThanOrEqual(0);
        expect(await brokenWords(page)).toEqual([]);
      }
      await facilitator.screenshot({ path: path.join(SCREENS, `sv-present-${index + 1}.png`) });
      await follower.screenshot({ path: path.join(SCREENS, `da-present-follower-${index + 1}.png`) });
    }
  });
});
