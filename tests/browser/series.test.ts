/**
 * A workshop series in two real browsers: the facilitator runs a two-phase run-sheet (private
 * ideas, then a vote) and the editor sees private mode and the voting round switch on and off
 * with the phases; a comment with an @mention reaches the mentioned person live. Screens in
 * English, Danish and Swedish are saved for a look (SERIES_SCREENS_DIR, default: the OS temp dir).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NO_SETTINGS, addCard, readLanes, readStages, writeRunSheet } from '@rejse/shared';
import { connectClient, createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server.ts';
import { clickBarControl, launchChromium, openIsolatedPage, requireBuiltClient } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };
const SCREENS = process.env.SERIES_SCREENS_DIR ?? path.join(tmpdir(), 'rejse-series-screens');

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let board: CreatedBoard;
let facilitator: Page;
let editor: Page;

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });
const phaseBar = (page: Page) => page.getByRole('region', { name: 'Current phase' });
const privateBadge = (page: Page) => page.locator('.workshop-badge', { hasText: 'Private brainstorm' });
const votingHeading = (page: Page) => page.getByText('Vote on the ideas', { exact: true });

async function join(page: Page, link: string, name: string): Promise<void> {
  await page.goto(`${server.url}${link}`);
  await expect.poll(() => connection(page).textContent(), POLL).toBe('Connected');
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('textbox', { name: 'Your name' }).count(), POLL).toBe(0);
}

beforeAll(async () => {
  requireBuiltClient();
  mkdirSync(SCREENS, { recursive: true });
  server = await startServer();
  board = await createBoard(server, { title: 'Series', template: 'blank' });
  const seed = connectClient(server, board.id);
  await seed.synced;
  const stage = readStages(seed.doc)[0]!.id;
  const lane = readLanes(seed.doc).find((l) => l.kind === 'ideas')!.id;
  addCard(seed.doc, { stageId: stage, laneId: lane, kind: 'idea', text: 'Name the original creditor' });
  // A short run-sheet of the facilitator's own (the facilitator's link may write it).
  writeRunSheet(
    seed.doc,
    {
      sessions: [
        {
          id: 'se_short',
          name: 'Short session',
          phases: [
            {
              id: 'ph_a',
              name: 'Ideas alone',
              durationMs: 5 * 60_000,
              instructions: 'Write your ideas on your own.',
              settings: { ...NO_SETTINGS, privateMode: true },
            },
            {
              id: 'ph_b',
              name: 'Vote',
              durationMs: 3 * 60_000,
              instructions: 'Put your votes on the best ideas.',
              settings: { ...NO_SETTINGS, voting: { target: 'ideas', votesPerPerson: 2, allowMultiplePerCard: false } },
            },
          ],
        },
      ],
    },
    'rejse:local',
  );
  await vi.waitFor(async () => {
    const res = await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${board.token}` },
    });
    expect(((await res.json()) as { cards: unknown[] }).cards).toHaveLength(1);
  }, POLL);
  seed.destroy();
  browser = await launchChromium();
  [facilitator, editor] = await Promise.all([openIsolatedPage(browser, contexts), openIsolatedPage(browser, contexts)]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('a two-phase session from the run-sheet', () => {
  it('switches private mode on for the first phase and a voting round for the second, then off at the end', async () => {
    await join(facilitator, board.links.facilitator, 'Fran Facilitator');
    await join(editor, board.links.editor, 'Eddie Editor');
    await clickBarControl(facilitator, 'Run-sheet');
    await facilitator.getByRole('button', { name: 'Start session' }).click();

    // Phase 1: everyone sees the phase and its instruction; the editor is in private mode.
    await expect.poll(() => phaseBar(editor).textContent(), POLL).toContain('Ideas alone');
    await expect.poll(() => phaseBar(editor).textContent(), POLL).toContain('Write your ideas on your own.');
    await expect.poll(() => privateBadge(editor).count(), POLL).toBe(1);
    await expect.poll(() => votingHeading(editor).count(), POLL).toBe(0);
    await facilitator.screenshot({ path: path.join(SCREENS, 'en-facilitator-phase1.png') });

    // The editor says "I'm done"; the facilitator sees it counted.
    await editor.getByRole('button', { name: 'I’m done' }).click();
    await expect.poll(() => phaseBar(facilitator).textContent(), POLL).toContain('1 of 1 done');
    await editor.screenshot({ path: path.join(SCREENS, 'en-editor-phase1.png') });

    // Phase 2: private mode off, the voting round on.
    await facilitator.getByRole('button', { name: 'Next: Vote' }).click();
    await expect.poll(() => phaseBar(editor).textContent(), POLL).toContain('Vote');
    await expect.poll(() => privateBadge(editor).count(), POLL).toBe(0);
    await expect.poll(() => votingHeading(editor).count(), POLL).toBe(1);
    await editor.screenshot({ path: path.join(SCREENS, 'en-editor-phase2.png') });

    // The end: the round closes, the session snapshot is in the history, the report is offered.
    await facilitator.getByRole('region', { name: 'Current phase' }).getByRole('button', { name: 'End session' }).click();
    await expect.poll(() => votingHeading(editor).count(), POLL).toBe(0);
    await expect.poll(() => phaseBar(editor).count(), POLL).toBe(0);
    await expect.poll(() => facilitator.getByRole('link', { name: 'Open the report' }).count(), POLL).toBe(1);
    await clickBarControl(facilitator, 'History');
    await expect.poll(() => facilitator.getByText('Short session (', { exact: false }).count(), POLL).toBeGreaterThan(0);
    await facilitator.screenshot({ path: path.join(SCREENS, 'en-facilitator-history.png') });
  });

  it('a comment with an @mention reaches the mentioned person live', async () => {
    await editor.locator('[data-card-id]', { hasText: 'Name the original creditor' }).first().click();
    const inspector = editor.getByRole('complementary', { name: /card|Card/ });
    const box = editor.getByPlaceholder('Write a comment… (@Name mentions someone)');
    await box.fill('@Fran Facilitator is the creditor enough, or the product too?');
    await expect.poll(() => editor.getByText('Mentions: Fran Facilitator').count(), POLL).toBe(1);
    await editor.getByRole('button', { name: 'Send', exact: true }).click();
    void inspector;

    await expect.poll(() => facilitator.getByText('You were mentioned').count(), POLL).toBe(1);
    await expect.poll(() => facilitator.locator('[data-card-id] .comment-badge--unread').count(), POLL).toBe(1);
    await clickBarControl(facilitator, /^Comments/);
    await expect.poll(() => facilitator.getByText('@Fran Facilitator is the creditor enough, or the product too?').count(), POLL).toBe(1);
    await expect.poll(() => facilitator.getByText('mentions you').count(), POLL).toBe(1);
    await expect.poll(() => facilitator.getByText('Eddie Editor', { exact: true }).count(), POLL).toBeGreaterThan(0);
    await facilitator.screenshot({ path: path.join(SCREENS, 'en-facilitator-comments.png') });
  });

  it('shows the series screens in Danish and Swedish', async () => {
    for (const [locale, history] of [
      ['da', 'Historik'],
      ['sv', 'Historik'],
    ] as const) {
      await facilitator.evaluate((value) => localStorage.setItem('rejse.locale', value), locale);
      await facilitator.reload();
      await clickBarControl(facilitator, history);
      await facilitator.screenshot({ path: path.join(SCREENS, `${locale}-facilitator-history.png`) });
      await facilitator.getByRole('tab', { name: locale === 'da' ? 'Drejebog' : 'Körschema' }).click();
      await facilitator.screenshot({ path: path.join(SCREENS, `${locale}-facilitator-runsheet.png`) });
    }
  });
});
