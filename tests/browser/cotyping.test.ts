/**
 * Typing together in real browsers (Debian's Chromium, one context each) on the real server:
 * two people type into one card at the same moment and both keep their words, on both pages
 * and after a reload; a card typed into offline merges with the other person's edit on
 * reconnect; "Anders is editing" shows on the other page while he types; a view-only link's
 * double-click opens nothing and its inspector's controls are off. Screens of the editing chip
 * and the viewer's inspector in English, Danish and Swedish go to COTEXT_SCREENS_DIR (default:
 * the OS temp dir).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCard, docToBoard, type CardId } from '@rejse/shared';
import { boardFetch, connectClient, createBoard, type CreatedBoard } from '../helpers/server.ts';
import { browserSuite } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };
const SCREENS = process.env.COTEXT_SCREENS_DIR ?? path.join(tmpdir(), 'rejse-cotext-screens');

const suite = browserSuite({ locale: 'en-GB' });

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });
const cardNode = (page: Page, id: string): Locator => page.locator(`.react-flow__node-card[data-id="${id}"]`);
const cardText = (page: Page, id: string) => cardNode(page, id).locator('.card__text').textContent();
const cardEditor = (page: Page) => page.getByRole('textbox', { name: 'Card text' });

/** Opens a board through its link, says who this is (the name others see), and waits until connected. */
async function join(page: Page, link: string, name?: string): Promise<void> {
  await page.goto(`${suite.server.url}${link}`);
  await expect.poll(() => connection(page).textContent(), POLL).toBe('Connected');
  if (!name) return;
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('textbox', { name: 'Your name' }).count(), POLL).toBe(0);
}

/** A blank board with one touchpoint card, added by a stock y-websocket client. */
async function boardWithCard(title: string, text: string): Promise<{ board: CreatedBoard; id: CardId }> {
  const board = await createBoard(suite.server, { title, template: 'blank' });
  const client = connectClient(suite.server, board.id);
  try {
    await client.synced;
    const plain = docToBoard(client.doc, board.id);
    const lane = plain.lanes.find((l) => l.kind === 'touchpoints') ?? plain.lanes[0];
    if (!plain.stages[0] || !lane) throw new Error('the blank template has no cell');
    const id = addCard(client.doc, { stageId: plain.stages[0].id, laneId: lane.id, kind: 'touchpoint', text });
    await expect.poll(() => storedText(board, id), POLL).toBe(text);
    return { board, id };
  } finally {
    client.destroy();
  }
}

/** The card's text as the server has stored it. */
async function storedText(board: CreatedBoard, id: string): Promise<string | undefined> {
  const res = await boardFetch(suite.server, `/api/boards/${board.id}`);
  const stored = (await res.json()) as { cards: { id: string; text: string }[] };
  return stored.cards.find((c) => c.id === id)?.text;
}

async function openEditor(page: Page, id: string): Promise<Locator> {
  await cardNode(page, id).locator('.card__text').dblclick();
  // By class, not by its (translated) name: the screens test opens it in Danish and Swedish too.
  const editor = page.locator('textarea.card__editor');
  await expect.poll(() => editor.count(), POLL).toBe(1);
  await expect.poll(() => editor.evaluate((el) => el === document.activeElement), POLL).toBe(true);
  return editor;
}

describe('typing together', () => {
  it('two people typing into one card at the same moment both keep their words, on both pages and after a reload', async () => {
    const { board, id } = await boardWithCard('Co-typing', 'Reminder letter');
    const [a, b] = await Promise.all([suite.openPage(), suite.openPage()]);
    await Promise.all([join(a, board.links.editor, 'Anders'), join(b, board.links.editor, 'Mette')]);

    const [editorA, editorB] = await Promise.all([openEditor(a, id), openEditor(b, id)]);
    // Anders writes in front of the text, Mette after it, keystroke by keystroke at the same time.
    await a.keyboard.press('Home');
    await b.keyboard.press('End');
    await Promise.all([a.keyboard.type('[A: via CRM] ', { delay: 25 }), b.keyboard.type(' [M: by post]', { delay: 25 })]);

    const both = '[A: via CRM] Reminder letter [M: by post]';
    // Nobody pressed Enter: the words are shared and stored as they are typed.
    await expect.poll(() => editorA.inputValue(), POLL).toBe(both);
    await expect.poll(() => editorB.inputValue(), POLL).toBe(both);
    await expect.poll(() => storedText(board, id), POLL).toBe(both);
    // Each caret is still right after its own typing: one more letter lands where each expects.
    await a.keyboard.type('1');
    await b.keyboard.type('2');
    const more = '[A: via CRM] 1Reminder letter [M: by post]2';
    await expect.poll(() => editorA.inputValue(), POLL).toBe(more);
    await expect.poll(() => editorB.inputValue(), POLL).toBe(more);
    await a.keyboard.press('Backspace');
    await b.keyboard.press('Backspace');
    await expect.poll(() => storedText(board, id), POLL).toBe(both);

    // Reloading in the middle of the edit loses nothing.
    await Promise.all([a.reload(), b.reload()]);
    for (const page of [a, b]) {
      await expect.poll(() => connection(page).textContent(), POLL).toBe('Connected');
      await expect.poll(() => cardText(page, id), POLL).toBe(both);
    }

    // Per-user undo still works for text: Mette's Ctrl+Z takes back only her burst of typing.
    const editor = await openEditor(b, id);
    await b.keyboard.type(' today', { delay: 10 });
    await expect.poll(() => cardText(a, id), POLL).toBe(`${both} today`);
    await b.keyboard.press('Control+z');
    await expect.poll(() => editor.inputValue(), POLL).toBe(both);
    await expect.poll(() => cardText(a, id), POLL).toBe(both);
    await b.keyboard.press('Enter');
    await expect.poll(() => cardEditor(b).count(), POLL).toBe(0);
  });

  it('a card typed into offline merges with the other person’s edit on reconnect', async () => {
    const { board, id } = await boardWithCard('Offline typing', 'Reminder letter');
    const contextB = await suite.openContext();
    const [a, b] = await Promise.all([suite.openPage(), contextB.newPage()]);
    await Promise.all([join(a, board.links.editor, 'Anders'), join(b, board.links.editor, 'Mette')]);

    await contextB.setOffline(true);
    await expect.poll(() => connection(b).textContent(), POLL).toMatch(/Offline/);
    await openEditor(b, id);
    await b.keyboard.press('Home');
    await b.keyboard.type('1. ', { delay: 10 });
    await b.keyboard.press('Enter');

    // Meanwhile Anders, online, adds to the end of the same card.
    await openEditor(a, id);
    await a.keyboard.type(' (sent by post)', { delay: 10 });
    await a.keyboard.press('Enter');
    await expect.poll(() => storedText(board, id), POLL).toBe('Reminder letter (sent by post)');
    expect(await cardText(b, id)).toBe('1. Reminder letter');

    await contextB.setOffline(false);
    const merged = '1. Reminder letter (sent by post)';
    await expect.poll(() => connection(b).textContent(), POLL).toBe('Connected');
    for (const page of [a, b]) await expect.poll(() => cardText(page, id), POLL).toBe(merged);
    await expect.poll(() => storedText(board, id), POLL).toBe(merged);
  });

  it('shows "Anders is editing" on the card, in the inspector and on a stage header for the others while he types, and not after', async () => {
    const { board, id } = await boardWithCard('Who is typing', 'Reminder letter');
    const [a, b] = await Promise.all([suite.openPage(), suite.openPage()]);
    await Promise.all([join(a, board.links.editor, 'Anders'), join(b, board.links.editor, 'Mette')]);

    // Mette has the card open in her inspector.
    await cardNode(b, id).locator('.card__text').click();
    const inspectorText = b.getByRole('complementary', { name: 'Card details' }).getByRole('textbox', { name: 'Text', exact: true });
    await expect.poll(() => inspectorText.count(), POLL).toBe(1);

    await openEditor(a, id);
    await a.keyboard.type(' and SMS', { delay: 20 });
    const chip = b.locator('.presence-editing .presence-editing__chip', { hasText: 'Anders is editing' });
    await expect.poll(() => chip.count(), POLL).toBe(1);
    // Her inspector's text field says so too, as its description (its name stays "Text").
    await expect
      .poll(() => inspectorText.getAttribute('aria-describedby').then((id) => b.locator(`[id="${id}"]`).textContent()), POLL)
      .toBe('Anders is editing');
    // And his typing arrives in her inspector's field as he types.
    await expect.poll(() => inspectorText.inputValue(), POLL).toBe('Reminder letter and SMS');
    // The chip sits on top of the card being edited.
    const [chipBox, cardBox] = await Promise.all([chip.boundingBox(), cardNode(b, id).boundingBox()]);
    if (!chipBox || !cardBox) throw new Error('chip or card is not on screen');
    expect(Math.abs(chipBox.y + chipBox.height - cardBox.y)).toBeLessThan(12);
    expect(Math.abs(chipBox.x - cardBox.x)).toBeLessThan(12);
    // Anders does not see his own chip.
    expect(await a.locator('.presence-editing__chip').count()).toBe(0);
    await expect.poll(() => cardText(b, id), POLL).toBe('Reminder letter and SMS');

    await a.keyboard.press('Enter');
    await expect.poll(() => chip.count(), POLL).toBe(0);
    await expect.poll(() => b.locator('.inspector .presence-editing__chip').count(), POLL).toBe(0);

    // Renaming a stage shows the same way on its header, and the new title arrives as it is typed.
    const header = a.locator('.axis-header--stage').first();
    const stageId = await header.getAttribute('data-stage-id');
    await header.locator('.axis-header__title').dblclick();
    const title = a.getByRole('textbox', { name: 'Stage title' });
    await expect.poll(() => title.count(), POLL).toBe(1);
    await a.keyboard.press('End');
    await a.keyboard.type(' (day 1)', { delay: 20 });
    const headerChip = b.locator(`.presence-editing[data-editing="stages:${stageId}"] .presence-editing__chip`);
    await expect.poll(() => headerChip.textContent(), POLL).toBe('Anders is editing');
    await expect
      .poll(() => b.locator(`.axis-header--stage[data-stage-id="${stageId}"] .axis-header__title`).textContent(), POLL)
      .toMatch(/ \(day 1\)$/);
    await a.keyboard.press('Enter');
    await expect.poll(() => headerChip.count(), POLL).toBe(0);
  });

  it('a view-only link opens no editor and its inspector’s controls are off', async () => {
    const { board, id } = await boardWithCard('Look only', 'Reminder letter');
    const viewer = await suite.openPage();
    await join(viewer, board.links.viewer);
    await expect.poll(() => cardNode(viewer, id).count(), POLL).toBe(1);

    await viewer.locator('.axis-header--stage .axis-header__title').first().dblclick();
    await cardNode(viewer, id).locator('.card__text').dblclick();
    // Give a (wrong) editor time to open before checking that none did.
    await expect.poll(() => viewer.locator('.react-flow__node-card.selected').count(), POLL).toBe(1);
    expect(await cardEditor(viewer).count()).toBe(0);
    expect(await viewer.getByRole('textbox', { name: 'Stage title' }).count()).toBe(0);
    // Nothing on the map offers an edit.
    expect(await viewer.getByRole('button', { name: /^Add card to/ }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /^Rename/ }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Add stage' }).count()).toBe(0);
    expect(await viewer.getByRole('textbox', { name: 'Board title' }).isEditable()).toBe(false);

    // The inspector shows the card, every control in it off.
    const inspector = viewer.getByRole('complementary', { name: 'Card details' });
    await expect.poll(() => inspector.count(), POLL).toBe(1);
    expect(await inspector.getByRole('textbox', { name: 'Text' }).inputValue()).toBe('Reminder letter');
    expect(await inspector.getByRole('textbox', { name: 'Text' }).isDisabled()).toBe(true);
    expect(await inspector.getByRole('radio', { name: 'Pain point' }).isDisabled()).toBe(true);
    expect(await inspector.getByRole('combobox', { name: 'Channel' }).isDisabled()).toBe(true);
    expect(await inspector.getByRole('button', { name: 'Delete card' }).isDisabled()).toBe(true);
    expect(await inspector.getByText('View only: you can look at this card but not change it.').count()).toBe(1);
    // No notice of a refused change: nothing was tried.
    expect(await viewer.locator('.notice').count()).toBe(0);
  });

  it('screens: the editing chip and the viewer’s inspector in English, Danish and Swedish', { timeout: 120_000 }, async () => {
    mkdirSync(SCREENS, { recursive: true });
    for (const [locale, name] of [
      ['en-GB', 'Anders'],
      ['da-DK', 'Mette'],
      ['sv-SE', 'Sven'],
    ] as const) {
      const { board, id } = await boardWithCard(`Screens ${locale}`, 'Reminder letter');
      // The UI speaks the browser's language; the name is set as the name prompt would keep it.
      const openAs = async (link: string, who: string | null) => {
        const context = await suite.openContext({ locale });
        if (who) await context.addInitScript((n) => localStorage.setItem('rejse.displayName', n), who);
        const page = await context.newPage();
        await page.goto(`${suite.server.url}${link}`);
        await expect.poll(() => cardNode(page, id).count(), POLL).toBe(1);
        return page;
      };
      const [typist, watcher, viewer] = await Promise.all([
        openAs(board.links.editor, name),
        openAs(board.links.editor, 'Kim'),
        openAs(board.links.viewer, null),
      ]);
      await cardNode(watcher, id).locator('.card__text').click();
      await openEditor(typist, id);
      await typist.keyboard.type(' + SMS', { delay: 10 });
      await expect.poll(() => watcher.locator('.presence-editing .presence-editing__chip').count(), POLL).toBe(1);
      const around = await cardNode(watcher, id).boundingBox();
      if (!around) throw new Error('card is not on screen');
      await watcher.screenshot({
        path: path.join(SCREENS, `editing-${locale}.png`),
        clip: { x: Math.max(0, around.x - 60), y: Math.max(0, around.y - 80), width: 420, height: 260 },
      });
      await expect.poll(() => watcher.locator('.inspector .presence-editing__chip').count(), POLL).toBe(1);
      await watcher.locator('.inspector').screenshot({ path: path.join(SCREENS, `editing-inspector-${locale}.png`) });
      await cardNode(viewer, id).locator('.card__text').click();
      await expect.poll(() => viewer.locator('.inspector').count(), POLL).toBe(1);
      await viewer.locator('.inspector').screenshot({ path: path.join(SCREENS, `viewer-inspector-${locale}.png`) });
      await typist.keyboard.press('Enter');
    }
  });
});
