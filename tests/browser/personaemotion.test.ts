/**
 * How a touchpoint feels per persona, set from the card inspector in a real browser (Debian's
 * Chromium, 1440 × 900) against the real server: a persona's own face reaches a second, stock
 * y-websocket client as that persona's key in the raw document while the other personas keep
 * following the shared emotion; "same as shared" removes the key again; a touchpoint with no
 * emotion at all gets a point on that persona’s curve; a view-only link sees the controls off;
 * beyond five personas the inspector offers the five the map draws and says so.
 * Screens of the inspector with three personas in English, Danish and Swedish go to
 * PERSONA_SCREENS_DIR (default: the OS temp dir).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addPersona, cardsMap, personaEmotionField, setPersonaEmotion, updateCard, type CardId, type PersonaId } from '@rejse/shared';
import { seriousViolations } from '../helpers/axe.ts';
import { browserSuite, openMapPage } from '../helpers/browser.ts';
import { connectClient, type ConnectedClient } from '../helpers/server.ts';

const POLL = { timeout: 20_000, interval: 100 };
const SCREENS = process.env.PERSONA_SCREENS_DIR ?? path.join(tmpdir(), 'rejse-persona-screens');
const suite = browserSuite();

const FACES: Record<number, string> = { [-2]: 'Very negative', [-1]: 'Negative', 0: 'Neutral', 1: 'Positive', 2: 'Very positive' };
const faceName = (value: number): string => FACES[value] as string;

interface Created {
  id: string;
  token: string;
  links: { facilitator: string; viewer: string };
}

interface Setup {
  board: Created;
  peer: ConnectedClient;
  personaA: PersonaId;
  personaB: PersonaId;
}

/** A template board in `locale` with three personas, and a stock client connected to it. */
async function threePersonaBoard(locale: string, names: [string, string]): Promise<Setup> {
  const res = await fetch(`${suite.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'collection-letters', locale }),
  });
  expect(res.status).toBe(201);
  const board = (await res.json()) as Created;
  const peer = connectClient(suite.server, board.id, { token: board.token });
  await peer.synced;
  // The template has one persona; two more make the map draw one curve per persona.
  const personaA = [...peer.doc.getMap('personas').keys()][0] as PersonaId;
  const personaB = addPersona(peer.doc, { name: names[0], description: '', segment: '' });
  addPersona(peer.doc, { name: names[1], description: '', segment: '' });
  return { board, peer, personaA, personaB };
}

/** A card's raw record in a client's own replica of the document (not a view of it). */
const rawCard = (doc: Y.Doc, id: string): Y.Map<unknown> => cardsMap(doc).get(id) as Y.Map<unknown>;

/** A page in `locale`, its person named, once the map is drawn. */
const open = (link: string, locale = 'en', options: { bypassCSP?: boolean; deviceScaleFactor?: number } = {}): Promise<Page> =>
  openMapPage(suite, link, { locale, ...options });

/** The touchpoint cards drawn fully inside the map's pane, in reading order. */
async function visibleTouchpoints(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node-card')]
      .filter((node) => node.querySelector('.card--touchpoint'))
      .filter((node) => {
        const r = node.getBoundingClientRect();
        return r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom;
      })
      .map((node) => node.getAttribute('data-id') as string);
  });
}

/** Selects a card on the map and gives back its inspector. */
async function inspect(page: Page, id: string): Promise<Locator> {
  await page.locator(`.react-flow__node-card[data-id="${id}"] .card__text`).click();
  const inspector = page.locator(`aside.inspector[data-inspected-card="${id}"]`);
  await inspector.waitFor({ timeout: POLL.timeout });
  return inspector;
}

async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.locator('aside.inspector').screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

describe('how a touchpoint feels per persona, in the inspector', () => {
  it('a facilitator sets persona B’s face: a second client sees B’s own key while A follows the shared emotion; “same as shared” removes it', async () => {
    const { board, peer, personaA, personaB } = await threePersonaBoard('en', ['Small firm owner', 'Student, 22']);
    const page = await open(board.links.facilitator, 'en', { bypassCSP: true });
    await expect.poll(async () => (await visibleTouchpoints(page)).length, POLL).toBeGreaterThan(1);
    const [rated, bare] = (await visibleTouchpoints(page)) as [string, string];
    // One touchpoint with no emotion at all (nobody rated it): it has no point on any curve yet.
    updateCard(peer.doc, bare as CardId, { emotion: null });
    const shared = rawCard(peer.doc, rated).get('emotion') as number;
    expect([-2, -1, 0, 1, 2]).toContain(shared);
    const own = shared === 2 ? -2 : 2;

    const inspector = await inspect(page, rated);
    const feel = inspector.getByRole('region', { name: 'How it feels per persona' });
    await expect.poll(() => feel.getByRole('radiogroup').count(), POLL).toBe(3);
    const rowB = feel.getByRole('radiogroup', { name: 'Small firm owner' });
    const rowA = feel.locator(`[data-persona-id="${personaA}"]`);
    // Nobody set a persona's own value yet: every row follows the shared emotion, its face outlined.
    expect(await rowB.getByRole('radio', { name: 'Same as the shared emotion' }).isChecked()).toBe(true);
    expect(await rowB.textContent()).toContain(`Follows the shared emotion (${faceName(shared)})`);
    expect(await rowB.locator('.faces__option--inherited').getAttribute('title')).toBe(faceName(shared));
    expect(await seriousViolations(page)).toEqual([]);

    // A second, stock y-websocket client reads its own replica of the document.
    const second = connectClient(suite.server, board.id, { token: board.token });
    await second.synced;
    await rowB.getByTitle(faceName(own), { exact: true }).click();
    expect(await rowB.getByRole('radio', { name: faceName(own) }).isChecked()).toBe(true);
    await expect.poll(() => rawCard(second.doc, rated).get(personaEmotionField(personaB)), POLL).toBe(own);
    expect(rawCard(second.doc, rated).has(personaEmotionField(personaA))).toBe(false);
    expect(rawCard(second.doc, rated).get('emotion')).toBe(shared);
    // B's row shows its own face; A's row still follows the shared one.
    expect(await rowB.getByRole('radio', { name: faceName(own) }).isChecked()).toBe(true);
    expect(await rowB.getByText(/Follows the shared emotion/).count()).toBe(0);
    expect(await rowA.getByRole('radio', { name: 'Same as the shared emotion' }).isChecked()).toBe(true);
    expect(await rowA.textContent()).toContain(`Follows the shared emotion (${faceName(shared)})`);
    // B's point on the map moved with it.
    const pointB = page.locator(`.emotion-curve__handle[data-persona-id="${personaB}"][data-card-id="${rated}"]`);
    await expect.poll(() => pointB.getAttribute('aria-valuenow'), POLL).toBe(String(own));

    // "Same as shared": B's own key is gone from the document, and B follows the shared emotion again.
    await rowB.getByText('Shared', { exact: true }).click();
    await expect.poll(() => rawCard(second.doc, rated).has(personaEmotionField(personaB)), POLL).toBe(false);
    await expect.poll(() => pointB.getAttribute('aria-valuenow'), POLL).toBe(String(shared));
    expect(await rowB.textContent()).toContain(`Follows the shared emotion (${faceName(shared)})`);

    // The touchpoint nobody rated: no point on B's curve until B's face is set here.
    const bareInspector = await inspect(page, bare);
    const bareB = bareInspector.getByRole('radiogroup', { name: 'Small firm owner' });
    expect(await bareB.textContent()).toContain('Follows the shared emotion, not set yet');
    expect(await bareB.locator('.faces__option--inherited').count()).toBe(0);
    const barePoint = (persona: string) => page.locator(`.emotion-curve__handle[data-persona-id="${persona}"][data-card-id="${bare}"]`);
    expect(await barePoint(personaB).count()).toBe(0);
    await bareB.getByTitle('Negative', { exact: true }).click();
    await expect.poll(() => rawCard(second.doc, bare).get(personaEmotionField(personaB)), POLL).toBe(-1);
    await expect.poll(() => barePoint(personaB).getAttribute('aria-valuenow'), POLL).toBe('-1');
    // A has no value of its own nor a shared one to follow: still no point on A's curve.
    expect(await barePoint(personaA).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    second.destroy();
    peer.destroy();
  });

  it('a view-only link sees every persona’s faces, all of them off', async () => {
    const { board, peer, personaB } = await threePersonaBoard('en', ['Small firm owner', 'Student, 22']);
    const viewer = await open(board.links.viewer, 'en', { bypassCSP: true });
    await expect.poll(async () => (await visibleTouchpoints(viewer)).length, POLL).toBeGreaterThan(0);
    const [id] = (await visibleTouchpoints(viewer)) as [string];
    setPersonaEmotion(peer.doc, id as CardId, personaB, 1);
    const inspector = await inspect(viewer, id);
    const rowB = inspector.getByRole('radiogroup', { name: 'Small firm owner' });
    await expect.poll(() => rowB.getByRole('radio', { name: 'Positive', exact: true }).isChecked(), POLL).toBe(true);
    const radios = inspector.getByRole('region', { name: 'How it feels per persona' }).getByRole('radio');
    expect(await radios.count()).toBe(18);
    expect(await radios.evaluateAll((els) => els.every((el) => el.matches(':disabled')))).toBe(true);
    expect(await seriousViolations(viewer)).toEqual([]);
    peer.destroy();
  });

  it('with six personas the inspector offers the five the map draws, and says so', async () => {
    const { board, peer } = await threePersonaBoard('en', ['Small firm owner', 'Student, 22']);
    for (const name of ['Pensioner', 'Landlord', 'Sixth persona']) addPersona(peer.doc, { name, description: '', segment: '' });
    const page = await open(board.links.facilitator, 'en');
    await expect.poll(async () => (await visibleTouchpoints(page)).length, POLL).toBeGreaterThan(0);
    const [id] = (await visibleTouchpoints(page)) as [string];
    const feel = (await inspect(page, id)).getByRole('region', { name: 'How it feels per persona' });
    await expect.poll(() => feel.getByRole('radiogroup').count(), POLL).toBe(5);
    expect(await feel.getByRole('radiogroup', { name: 'Sixth persona' }).count()).toBe(0);
    expect(await feel.textContent()).toContain('The map draws the curves of the first 5 personas only (6 on this board).');
    peer.destroy();
  });

  it.each([
    ['en', ['Small firm owner', 'Student, 22']],
    ['da', ['Lille virksomhedsejer', 'Studerende, 22']],
    ['sv', ['Liten företagare', 'Student, 22']],
  ] as const)('screens: the inspector with three personas in %s fits its width', async (locale, names) => {
    const { board, peer, personaB } = await threePersonaBoard(locale, [...names]);
    const page = await open(board.links.facilitator, locale, { deviceScaleFactor: 2 });
    await expect.poll(async () => (await visibleTouchpoints(page)).length, POLL).toBeGreaterThan(0);
    const [id] = (await visibleTouchpoints(page)) as [string];
    // One persona with a face of its own, the others following the shared emotion.
    setPersonaEmotion(peer.doc, id as CardId, personaB, rawCard(peer.doc, id).get('emotion') === 2 ? -2 : 2);
    const inspector = await inspect(page, id);
    const feel = inspector.locator('.persona-feel');
    await expect.poll(() => feel.locator('.persona-feel__row').count(), POLL).toBe(3);
    await feel.scrollIntoViewIfNeeded();
    // Nothing sticks out of the inspector's width.
    const overflow = await inspector.evaluate((aside) => {
      const box = aside.getBoundingClientRect();
      return [...aside.querySelectorAll('.persona-feel *')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > box.right - 8 || r.left < box.left);
        })
        .map((el) => el.className);
    });
    expect(overflow).toEqual([]);
    await screen(page, `persona-inspector-${locale}`);
    peer.destroy();
  });
});
