/**
 * Share links, drag and drop, channels and presence as a workshop meets them, in real
 * Chromium pages on a real server: the facilitator on a second device sees the editor and
 * viewer links again; a new editor link asks first, names how many editors it cuts off, and
 * does cut them off; a card goes where the pointer drops it (the cell outlined while dragging);
 * a touchpoint dropped into the Thoughts lane asks whether to change its kind; a second
 * touchpoint lane; Kivra, e-Boks and a board's own channel on a card; a stable avatar colour;
 * "Mette (facilitator)" shows "M"; a structure lock's badge on everyone's page at once.
 * Screens (en, da, sv) go to SHAREDRAG_SCREENS_DIR (default: the OS temp dir).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addCard, readLanes, readStages, translate } from '@rejse/shared';
import { connectClient, createBoard, type CreatedBoard } from '../helpers/server.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { browserSuite, clickBarControl } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };
const SCREENS = process.env.SHAREDRAG_SCREENS_DIR ?? path.join(tmpdir(), 'rejse-sharedrag-screens');

const suite = browserSuite();
let board: CreatedBoard;
const ids = { due: '', reminder: '', touchpoints: '', thoughts: '' };

const connection = (page: Page, locale = 'en') => page.getByRole('status', { name: translate(locale, 'connection.label') });
const card = (page: Page, text: string) => page.locator('.canvas [data-card-id]', { hasText: text });
const cell = (page: Page, stage: string, lane: string) =>
  page.getByRole('button', { name: `Add card to ${stage} · ${lane}` }).locator('..');

async function open(link: string, name?: string, options: Parameters<typeof suite.openPage>[0] = {}): Promise<Page> {
  const page = await suite.openPage(options);
  // A step that cannot happen fails with its own message, not the test's timeout.
  page.setDefaultTimeout(10_000);
  await page.goto(`${suite.server.url}${link}`);
  // Also used from beforeAll, where expect.poll is not available.
  const locale = options.locale ?? 'en';
  await vi.waitFor(async () => expect(await connection(page, locale).textContent()).toBe(translate(locale, 'connection.connected')), POLL);
  if (name) await setName(page, name);
  return page;
}

async function setName(page: Page, name: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await vi.waitFor(async () => expect(await page.getByRole('textbox', { name: 'Your name' }).count()).toBe(0), POLL);
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element is not on screen');
  return found;
}

/** Presses on `grab` (a point on the page), moves in small steps to `to`, and leaves the button down. */
async function dragTo(page: Page, grab: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 8, grab.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
}

/** Drags a card by its middle into the middle of a cell and lets go. */
async function dropInto(page: Page, text: string, target: Locator): Promise<void> {
  const from = await box(card(page, text));
  const to = await box(target);
  await dragTo(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: to.x + to.width / 2, y: to.y + to.height - 12 });
  await page.mouse.up();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  board = await createBoard(suite.server, { title: 'Dunning letters', template: 'blank' });
  const seed = connectClient(suite.server, board.id);
  await seed.synced;
  const stages = readStages(seed.doc);
  const lanes = readLanes(seed.doc);
  ids.due = stages.find((s) => s.title === 'Due date')!.id;
  ids.reminder = stages.find((s) => s.title === 'Reminder')!.id;
  ids.touchpoints = lanes.find((l) => l.kind === 'touchpoints')!.id;
  ids.thoughts = lanes.find((l) => l.kind === 'thoughts')!.id;
  for (const text of ['Reminder letter', 'SMS nudge', 'E-mail with the invoice']) {
    addCard(seed.doc, { stageId: ids.due as never, laneId: ids.touchpoints as never, kind: 'touchpoint', text });
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  seed.destroy();
});

describe('share links shown again on any device', () => {
  it('a facilitator on a second device sees both links; a new editor link asks first, names who is cut off, and cuts them off', async () => {
    const editor = await open(board.links.editor, 'Anders');
    // A second device: a fresh browser context that never saw the board's creation.
    const facilitator = await open(board.links.facilitator, 'Mette');
    await clickBarControl(facilitator, 'Share');
    const dialog = facilitator.getByRole('dialog', { name: 'Share this board' });
    const editorLink = dialog.locator('[data-share-role="editor"] input');
    const viewerLink = dialog.locator('[data-share-role="viewer"] input');
    await expect.poll(() => editorLink.inputValue(), POLL).toBe(`${suite.server.url}${board.links.editor}`);
    expect(await viewerLink.inputValue()).toBe(`${suite.server.url}${board.links.viewer}`);
    await expect.poll(() => dialog.locator('[data-share-role="editor"]').textContent(), POLL).toContain('1 connected now');
    await screenshot(facilitator, 'share-en');

    await dialog.locator('[data-share-role="editor"]').getByRole('button', { name: 'New link' }).click();
    const confirm = facilitator.getByRole('dialog', { name: 'Make a new editor link?' });
    await expect
      .poll(() => confirm.textContent(), POLL)
      .toContain('1 person connected with the old editor link will be cut off at once and needs the new link to come back.');
    await screenshot(facilitator, 'share-confirm-en');
    // "Keep the old link" changes nothing.
    await confirm.getByRole('button', { name: 'Keep the old link' }).click();
    expect(await editorLink.inputValue()).toBe(`${suite.server.url}${board.links.editor}`);
    await expect.poll(() => connection(editor).textContent(), POLL).toBe('Connected');

    await dialog.locator('[data-share-role="editor"]').getByRole('button', { name: 'New link' }).click();
    await facilitator.getByRole('dialog', { name: 'Make a new editor link?' }).getByRole('button', { name: 'Make a new link' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), POLL).toContain('1 connection was cut off');
    // The editor on the old link is cut off: the page now asks for the board's link.
    await expect.poll(() => editor.getByRole('heading', { name: 'This board needs its link' }).count(), POLL).toBe(1);
    const fresh = await editorLink.inputValue();
    expect(fresh).not.toBe(`${suite.server.url}${board.links.editor}`);
    expect(fresh).toContain(`/b/${board.id}?token=`);
    // The new link works.
    const rejoined = await open(fresh.slice(suite.server.url.length));
    await expect.poll(() => card(rejoined, 'Reminder letter').count(), POLL).toBe(1);
  });
});

describe('drag and drop by the pointer', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(board.links.facilitator, 'Mette');
  });

  it('outlines the cell under the pointer while dragging and drops the card there, not where its centre is', async () => {
    const from = await box(card(page, 'Reminder letter'));
    const target = await box(cell(page, 'Reminder', 'Touchpoints'));
    // Grabbed at its right edge, dropped just inside the next stage: the card's centre is
    // still over "Due date", the pointer is over "Reminder".
    await dragTo(page, { x: from.x + from.width - 6, y: from.y + from.height / 2 }, { x: target.x + 14, y: target.y + target.height - 14 });
    const outline = page.locator('.drop-target');
    await expect.poll(() => outline.getAttribute('data-drop-stage'), POLL).toBe(ids.reminder);
    expect(await outline.getAttribute('data-drop-lane')).toBe(ids.touchpoints);
    await screenshot(page, 'drag-outline-en');
    await page.mouse.up();
    await expect.poll(() => card(page, 'Reminder letter').getAttribute('data-stage-id'), POLL).toBe(ids.reminder);
    expect(await card(page, 'Reminder letter').getAttribute('data-lane-id')).toBe(ids.touchpoints);
    await expect.poll(() => outline.count(), POLL).toBe(0);
  });

  it('a touchpoint dropped into the Thoughts lane asks: cancel leaves it, keep moves it as it is, change makes it a note', async () => {
    await dropInto(page, 'SMS nudge', cell(page, 'Due date', 'Thoughts'));
    const ask = page.getByRole('dialog', { name: 'Change this card’s kind?' });
    await expect.poll(() => ask.textContent(), POLL).toContain('This Touchpoint card goes into the lane “Thoughts”');
    await screenshot(page, 'drop-kind-en');
    await ask.getByRole('button', { name: 'Don’t move' }).click();
    await expect.poll(() => ask.count(), POLL).toBe(0);
    expect(await card(page, 'SMS nudge').getAttribute('data-lane-id')).toBe(ids.touchpoints);

    await dropInto(page, 'SMS nudge', cell(page, 'Due date', 'Thoughts'));
    await ask.getByRole('button', { name: 'Keep its kind' }).click();
    await expect.poll(() => card(page, 'SMS nudge').getAttribute('data-lane-id'), POLL).toBe(ids.thoughts);
    expect(await card(page, 'SMS nudge').getAttribute('data-kind')).toBe('touchpoint');

    await dropInto(page, 'E-mail with the invoice', cell(page, 'Due date', 'Thoughts'));
    await ask.getByRole('button', { name: 'Change to Note' }).click();
    await expect.poll(() => card(page, 'E-mail with the invoice').getAttribute('data-lane-id'), POLL).toBe(ids.thoughts);
    expect(await card(page, 'E-mail with the invoice').getAttribute('data-kind')).toBe('note');
    // One step: a single undo puts the card back as a touchpoint in its lane.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => card(page, 'E-mail with the invoice').getAttribute('data-lane-id'), POLL).toBe(ids.touchpoints);
    expect(await card(page, 'E-mail with the invoice').getAttribute('data-kind')).toBe('touchpoint');
  });

  it('the arrow keys ask the same before moving a card into a lane meant for another kind', async () => {
    const letter = card(page, 'Reminder letter');
    // The card's node is what the keyboard is on (a Tab stop of the canvas).
    const node = page.locator('.react-flow__node-card', { hasText: 'Reminder letter' });
    const stage = await letter.getAttribute('data-stage-id');
    const ask = page.getByRole('dialog', { name: 'Change this card’s kind?' });
    // Down goes through the card's stack, then into the next lane: Thoughts, meant for notes.
    const arrowDownUntilAsked = async () => {
      for (let press = 0; press < 4 && (await ask.count()) === 0; press += 1) {
        await node.focus();
        await page.keyboard.press('ArrowDown');
        await page.waitForTimeout(300);
      }
    };
    await arrowDownUntilAsked();
    await expect.poll(() => ask.textContent(), POLL).toContain('This Touchpoint card goes into the lane “Thoughts”');
    expect(await letter.getAttribute('data-lane-id')).toBe(ids.touchpoints);
    await page.keyboard.press('Escape');
    await expect.poll(() => ask.count(), POLL).toBe(0);
    expect(await letter.getAttribute('data-lane-id')).toBe(ids.touchpoints);

    await arrowDownUntilAsked();
    await ask.getByRole('button', { name: 'Change to Note' }).click();
    await expect.poll(() => letter.getAttribute('data-lane-id'), POLL).toBe(ids.thoughts);
    expect(await letter.getAttribute('data-kind')).toBe('note');
    expect(await letter.getAttribute('data-stage-id')).toBe(stage);
    // One step: a single undo puts it back as a touchpoint in its lane.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => letter.getAttribute('data-lane-id'), POLL).toBe(ids.touchpoints);
    expect(await letter.getAttribute('data-kind')).toBe('touchpoint');
  });

  it('a lane is added with its kind, and a board may have a second touchpoint lane', async () => {
    await page.getByRole('toolbar').getByRole('button', { name: 'Add lane' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a lane' });
    await dialog.getByRole('radio', { name: 'Touchpoints' }).check();
    await dialog.getByRole('textbox', { name: 'Lane title' }).fill('Digital touchpoints');
    await screenshot(page, 'add-lane-en');
    await dialog.getByRole('button', { name: 'Add lane' }).click();
    const header = page.locator('.axis-header--touchpoints');
    await expect.poll(() => header.count(), POLL).toBe(2);
    await page.getByRole('button', { name: 'Add card to Due date · Digital touchpoints' }).click();
    const text = page.getByRole('textbox', { name: 'Card text' });
    await text.fill('Kivra reminder');
    await text.press('Enter');
    await expect.poll(() => card(page, 'Kivra reminder').getAttribute('data-kind'), POLL).toBe('touchpoint');
  });

  it('offers Kivra and e-Boks, and a channel of the board’s own that shows on the card and in the filter', async () => {
    await card(page, 'Kivra reminder').click();
    const channel = page.getByRole('combobox', { name: 'Channel' });
    const options = await channel.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Kivra', 'e-Boks / Digital Post']));
    await channel.selectOption({ label: 'Kivra' });
    await expect.poll(() => card(page, 'Kivra reminder').locator('.card__channel').textContent(), POLL).toBe('Kivra');

    await page.getByRole('textbox', { name: 'New channel for this board' }).fill('MitID');
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();
    await expect.poll(() => card(page, 'Kivra reminder').locator('.card__channel').textContent(), POLL).toBe('MitID');
    await expect.poll(() => channel.locator('optgroup option').allTextContents(), POLL).toEqual(['MitID']);
    await screenshot(page, 'channel-en');

    // Another card picks the same channel from the picker.
    await card(page, 'SMS nudge').click();
    await channel.selectOption({ label: 'MitID' });
    await expect.poll(() => card(page, 'SMS nudge').locator('.card__channel').textContent(), POLL).toBe('MitID');

    // The search filter offers it, and it finds exactly those two cards.
    await page.locator('summary.filter-menu__summary').click();
    await page.locator('.filter-group label.chip', { hasText: 'MitID' }).click();
    await expect.poll(() => page.locator('.react-flow__node-card.is-match').count(), POLL).toBe(2);
  });
});

describe('presence', () => {
  it('an avatar keeps its colour after a reload, "Mette (facilitator)" shows "M", and a structure lock shows on everyone’s page at once', async () => {
    const facilitator = await open(board.links.facilitator, 'Mette (facilitator)');
    const viewer = await open(board.links.viewer, 'Åse Ørsted');
    const mine = facilitator.locator('.participant--me .participant__avatar');
    await expect.poll(() => mine.textContent(), POLL).toBe('M');
    expect(await viewer.locator('.participant--me .participant__avatar').textContent()).toBe('ÅØ');
    const colour = await mine.evaluate((el) => getComputedStyle(el).backgroundColor);
    // Everyone sees the same colour for Mette.
    const seenByViewer = viewer.locator('[data-participant-name="Mette (facilitator)"] .participant__avatar');
    await expect.poll(() => seenByViewer.first().evaluate((el) => getComputedStyle(el).backgroundColor), POLL).toBe(colour);

    await facilitator.reload();
    await expect.poll(() => connection(facilitator).textContent(), POLL).toBe('Connected');
    await expect.poll(() => mine.evaluate((el) => getComputedStyle(el).backgroundColor), POLL).toBe(colour);
    await expect.poll(() => seenByViewer.last().evaluate((el) => getComputedStyle(el).backgroundColor), POLL).toBe(colour);

    expect(await viewer.locator('[data-lock-badge]').count()).toBe(0);
    await facilitator.getByRole('group', { name: 'Facilitator controls' }).locator('summary[aria-label="Locks"]').click();
    await facilitator.getByRole('checkbox', { name: 'Lock stages and lanes' }).check();
    await expect.poll(() => viewer.locator('[data-lock-badge]').textContent(), POLL).toBe('Stages and lanes locked');
    await expect.poll(() => facilitator.locator('[data-lock-badge]').textContent(), POLL).toBe('Stages and lanes locked');
    await screenshot(viewer, 'lock-badge-en');
  });
});

describe('the same screens in Danish and Swedish', () => {
  for (const locale of ['da', 'sv'] as const) {
    it(`shows the share, drop and lane dialogs in ${locale}`, async () => {
      const page = await open(board.links.facilitator, undefined, { locale, bypassCSP: true });
      await clickBarControl(page, locale === 'da' ? 'Del' : 'Dela');
      await expect.poll(() => page.locator('[data-share-role="viewer"] input').inputValue(), POLL).toContain('token=');
      await screenshot(page, `share-${locale}`);
      await page.locator('[data-share-role="viewer"]').getByRole('button').last().click();
      await expect.poll(() => page.locator('[data-testid="rotate-warning"]').count(), POLL).toBe(1);
      await screenshot(page, `share-confirm-${locale}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      const from = await box(card(page, 'E-mail with the invoice'));
      const to = await box(page.locator(`.react-flow__node-cell[data-id*="${ids.due}"][data-id*="${ids.thoughts}"]`));
      await dragTo(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: to.x + to.width / 2, y: to.y + to.height - 12 });
      await page.mouse.up();
      await expect.poll(() => page.getByRole('dialog').count(), POLL).toBe(1);
      await screenshot(page, `drop-kind-${locale}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count(), POLL).toBe(0);
      expect(await card(page, 'E-mail with the invoice').getAttribute('data-lane-id')).toBe(ids.touchpoints);
      await page
        .getByRole('toolbar')
        .getByRole('button', { name: translate(locale, 'toolbar.addLane') })
        .click();
      await expect.poll(() => page.getByRole('dialog').count(), POLL).toBe(1);
      await screenshot(page, `add-lane-${locale}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
    });
  }
});
