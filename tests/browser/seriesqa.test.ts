/**
 * Findings of the series QA, in real browsers on a real server: a saved version viewed
 * read-only changes nothing on the live board (card panel, Delete, undo); "Since last time"
 * counts from the last visit to the board even when the tab was never opened; the run-sheet's
 * session name is read whole in the narrow panel. Screens in English, Danish and Swedish go to
 * SERIESQA_SCREENS_DIR (default: the OS temp dir).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NO_SETTINGS, addCard, docToBoard, readLanes, readStages, updateCard, writeRunSheet, type CardId } from '@rejse/shared';
import { connectClient, createBoard, type CreatedBoard } from '../helpers/server.ts';
import { browserSuite, clickBarControl, openMapPage } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };
const SCREENS = process.env.SERIESQA_SCREENS_DIR ?? path.join(tmpdir(), 'rejse-seriesqa-screens');
mkdirSync(SCREENS, { recursive: true });

const suite = browserSuite();
const card = (page: Page, text: string) => page.locator('.canvas [data-card-id]', { hasText: text });
const banner = (page: Page) => page.locator('.snapshot-banner');

/** A blank board with one pain point (and, if given, a run-sheet session of that name). */
async function boardWithCard(title: string, text: string, sessionName?: string): Promise<{ board: CreatedBoard; cardId: CardId }> {
  const board = await createBoard(suite.server, { title, template: 'blank' });
  const seed = connectClient(suite.server, board.id);
  await seed.synced;
  const stage = readStages(seed.doc)[0]!.id;
  const pains = readLanes(seed.doc).find((l) => l.kind === 'pains')!.id;
  const cardId = addCard(seed.doc, { stageId: stage, laneId: pains, kind: 'pain', text });
  if (sessionName) {
    writeRunSheet(
      seed.doc,
      {
        sessions: [
          {
            id: 'se_one',
            name: sessionName,
            phases: [{ id: 'ph_one', name: 'Warm-up', durationMs: 5 * 60_000, instructions: '', settings: NO_SETTINGS }],
          },
        ],
      },
      'rejse:local',
    );
  }
  const reader = connectClient(suite.server, board.id);
  await reader.synced;
  await expect.poll(() => docToBoard(reader.doc, board.id).cards.length, POLL).toBe(1);
  reader.destroy();
  seed.destroy();
  return { board, cardId };
}

/** The live board's card texts, as a stock y-websocket client holds them. */
async function liveTexts(board: CreatedBoard): Promise<string[]> {
  const client = connectClient(suite.server, board.id);
  await client.synced;
  const texts = docToBoard(client.doc, board.id)
    .cards.map((c) => c.text)
    .sort();
  client.destroy();
  return texts;
}

describe('a saved version viewed read-only', () => {
  it('changes nothing on the live board: no card panel to type in, Delete and Ctrl+Z refused', async () => {
    const { board, cardId } = await boardWithCard('View QA', 'Original text');
    const facilitator = await openMapPage(suite, board.links.facilitator);
    facilitator.on('dialog', (dialog) => void dialog.accept());
    const editor = await openMapPage(suite, board.links.editor);

    await clickBarControl(facilitator, 'History');
    await facilitator.getByRole('textbox', { name: 'Name' }).fill('V1');
    await facilitator.getByRole('button', { name: 'Save version' }).click();
    const row = facilitator.locator('.history__entry').filter({ has: facilitator.locator('strong').getByText('V1', { exact: true }) });
    await expect.poll(() => row.count(), POLL).toBe(1);

    // The facilitator changes the card in its panel, on the live board.
    await card(facilitator, 'Original text').click();
    await facilitator.locator('.inspector textarea').first().fill('Live text now');
    await expect.poll(() => card(editor, 'Live text now').count(), POLL).toBe(1);

    await row.getByRole('button', { name: 'View' }).click();
    await expect.poll(() => banner(facilitator).textContent(), POLL).toContain('read-only');
    await expect.poll(() => card(facilitator, 'Original text').count(), POLL).toBe(1);
    await facilitator.screenshot({ path: path.join(SCREENS, 'en-version-viewed.png') });

    // Ctrl+Z, outside any field: would undo the facilitator's edit on the live board.
    await banner(facilitator).locator('.snapshot-banner__text').click();
    await facilitator.keyboard.press('Control+z');
    // The card panel, if any is shown, must not write to the live board.
    const fields = facilitator.locator('.inspector textarea');
    if ((await fields.count()) > 0) await fields.first().fill('Typed while viewing V1');
    const remove = facilitator.locator('.inspector').getByRole('button', { name: 'Delete card' });
    if ((await remove.count()) > 0) await remove.click();
    // Delete on the version's card.
    await card(facilitator, 'Original text').click();
    await facilitator.keyboard.press('Delete');
    await expect.poll(() => facilitator.getByText('This is a saved version: go back to the live board').count(), POLL).toBeGreaterThan(0);

    expect(await facilitator.locator('.inspector textarea').count()).toBe(0);
    await facilitator.waitForTimeout(500);
    expect(await liveTexts(board)).toEqual(['Live text now']);
    expect(await card(editor, 'Live text now').count()).toBe(1);
    await editor.screenshot({ path: path.join(SCREENS, 'en-editor-while-version-viewed.png') });

    // Back on the live board, the card panel edits it again.
    await banner(facilitator).getByRole('button', { name: 'Back to the live board' }).click();
    await expect.poll(() => banner(facilitator).count(), POLL).toBe(0);
    await card(facilitator, 'Live text now').click();
    await expect.poll(() => facilitator.locator('.inspector textarea').first().inputValue(), POLL).toBe('Live text now');
    expect(cardId).toBeTruthy();
  });
});

describe('"Since last time" for a returning participant', () => {
  it('counts from the last visit even when the tab was never opened', async () => {
    const { board, cardId } = await boardWithCard('Visit QA', 'Reminder is unclear');
    const ellaContext = await suite.openContext({ locale: 'en' });
    await ellaContext.addInitScript(() => localStorage.setItem('rejse.displayName', 'Ella'));
    const first = await ellaContext.newPage();
    await first.goto(`${suite.server.url}${board.links.editor}`);
    await card(first, 'Reminder is unclear').waitFor({ timeout: 20_000 });
    await first.waitForTimeout(300);
    await first.close({ runBeforeUnload: true });

    // Eddie edits the card while Ella is away.
    const eddie = connectClient(suite.server, board.id);
    await eddie.synced;
    updateCard(eddie.doc, cardId, { text: 'Reminder is unclear about fees' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    eddie.destroy();

    const back = await ellaContext.newPage();
    await back.goto(`${suite.server.url}${board.links.editor}`);
    await card(back, 'Reminder is unclear about fees').waitFor({ timeout: 20_000 });
    await clickBarControl(back, 'History');
    await back.getByRole('tab', { name: 'Since last time' }).click();
    await expect.poll(() => back.locator('.activity__since').textContent(), POLL).toContain('Since your last visit');
    await expect.poll(() => back.locator('.activity__list').textContent(), POLL).toContain('edited “Reminder is unclear about fees”');
    await back.screenshot({ path: path.join(SCREENS, 'en-since-last-time.png') });
  });
});

describe('in Danish and Swedish', () => {
  for (const [locale, history, name, save, view, since, sinceText] of [
    ['da', 'Historik', 'Navn', 'Gem version', 'Vis', 'Siden sidst', 'Siden dit sidste besøg'],
    ['sv', 'Historik', 'Namn', 'Spara version', 'Visa', 'Sedan sist', 'Sedan ditt senaste besök'],
  ] as const) {
    it(`shows no card panel beside a viewed version, and counts from the last visit (${locale})`, async () => {
      const { board } = await boardWithCard(`View ${locale}`, 'Original text');
      const page = await openMapPage(suite, board.links.facilitator, {
        locale,
        prepare: async (context) => {
          await context.addInitScript((value) => localStorage.setItem('rejse.locale', value), locale);
        },
      });
      await card(page, 'Original text').click();
      await expect.poll(() => page.locator('.inspector textarea').count(), POLL).toBeGreaterThan(0);
      await clickBarControl(page, history);
      await page.getByRole('textbox', { name, exact: true }).fill('V1');
      await page.getByRole('button', { name: save }).click();
      await page.locator('.history__entry').getByRole('button', { name: view, exact: true }).click();
      await expect.poll(() => banner(page).count(), POLL).toBe(1);
      await expect.poll(() => page.locator('.inspector').count(), POLL).toBe(0);
      await page.screenshot({ path: path.join(SCREENS, `${locale}-version-viewed.png`) });

      // A second visit: "since last time" counts from the first.
      await page.reload();
      await card(page, 'Original text').waitFor({ timeout: 20_000 });
      await clickBarControl(page, history);
      await page.getByRole('tab', { name: since }).click();
      await expect.poll(() => page.locator('.activity__since').textContent(), POLL).toContain(sinceText);
      await page.screenshot({ path: path.join(SCREENS, `${locale}-since-last-time.png`) });
    });
  }
});

describe('the run-sheet session name', () => {
  for (const [locale, name, tab] of [
    ['en', 'Session 2: Emotions and pain points', 'Run-sheet'],
    ['da', 'Session 2: Følelser og smertepunkter', 'Drejebog'],
    ['sv', 'Session 1: Kartlägg resan från kreditprövning till betald faktura', 'Körschema'],
  ] as const) {
    it(`is read whole in the panel (${locale})`, async () => {
      const { board } = await boardWithCard(`Run-sheet ${locale}`, 'A card', name);
      for (const width of [1440, 1280]) {
        const page = await openMapPage(suite, board.links.facilitator, { locale, viewport: { width, height: 900 } });
        await page.evaluate((value) => localStorage.setItem('rejse.locale', value), locale);
        await page.reload();
        await card(page, 'A card').waitFor({ timeout: 20_000 });
        await clickBarControl(page, tab);
        const field = page.locator('.runsheet-session__name');
        await expect.poll(() => field.inputValue(), POLL).toBe(name);
        await page.screenshot({ path: path.join(SCREENS, `${locale}-${width}-runsheet.png`) });
        // Nothing of the name is cut off: the field holds its whole text, across and down.
        const clipped = await field.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
        expect(clipped).toBe(false);
        await page.context().close();
      }
    });
  }
});
