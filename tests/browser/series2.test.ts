/**
 * The version history and run-sheet as a facilitator and a participant use them, in two real
 * browsers on a real server: a saved version opened read-only on the canvas; two versions
 * compared (an added card, NPS −44 → −25); a phase edited (name, instruction, settings, order)
 * and run; a restore undone with Ctrl+Z and seen live on both pages; the report page's comments
 * appendix. Screens in English, Danish and Swedish go to SERIES2_SCREENS_DIR (default: the OS temp dir).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NO_SETTINGS, addCard, readLanes, readStages, updateCard, writeRunSheet, type CardId } from '@rejse/shared';
import { boardFetch, connectClient, createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server.ts';
import { clickBarControl, launchChromium, openIsolatedPage, requireBuiltClient } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };
const SCREENS = process.env.SERIES2_SCREENS_DIR ?? path.join(tmpdir(), 'rejse-series2-screens');

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let board: CreatedBoard;
let facilitator: Page;
let editor: Page;
let touchpointId: CardId;

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });
const card = (page: Page, text: string) => page.locator('.canvas [data-card-id]', { hasText: text });
const banner = (page: Page) => page.locator('.snapshot-banner');
const phaseBar = (page: Page) => page.getByRole('region', { name: 'Current phase' });
const snapshotRow = (page: Page, name: string) =>
  page.locator('.history__entry').filter({ has: page.locator('strong').getByText(name, { exact: true }) });

async function join(page: Page, link: string, name: string): Promise<void> {
  await page.goto(`${server.url}${link}`);
  // Called from beforeAll, where expect.poll is not available.
  await vi.waitFor(async () => expect(await connection(page).textContent()).toBe('Connected'), POLL);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await vi.waitFor(async () => expect(await page.getByRole('textbox', { name: 'Your name' }).count()).toBe(0), POLL);
}

/** Edits the live board as another participant would (a plain y-websocket client). */
async function editAsPeer(edit: (doc: import('yjs').Doc) => void): Promise<void> {
  const peer = connectClient(server, board.id);
  await peer.synced;
  edit(peer.doc);
  await vi.waitFor(async () => {
    const stored = (await (await boardFetch(server, `/api/boards/${board.id}`)).json()) as { cards: { text: string }[] };
    expect(stored.cards.map((c) => c.text)).toEqual(expect.arrayContaining(['A card added later']));
  }, POLL);
  peer.destroy();
}

async function storedTexts(): Promise<string[]> {
  const stored = (await (await boardFetch(server, `/api/boards/${board.id}`)).json()) as { cards: { text: string }[] };
  return stored.cards.map((c) => c.text).sort();
}

beforeAll(async () => {
  requireBuiltClient();
  mkdirSync(SCREENS, { recursive: true });
  server = await startServer();
  board = await createBoard(server, { title: 'Collection letters', template: 'blank' });
  const seed = connectClient(server, board.id);
  await seed.synced;
  const stage = readStages(seed.doc)[0]!.id;
  const lanes = readLanes(seed.doc);
  const ideas = lanes.find((l) => l.kind === 'ideas')!.id;
  const touchpoints = lanes.find((l) => l.kind === 'touchpoints')!.id;
  addCard(seed.doc, { stageId: stage, laneId: ideas, kind: 'idea', text: 'Name the original creditor' });
  touchpointId = addCard(seed.doc, { stageId: stage, laneId: touchpoints, kind: 'touchpoint', text: 'Reminder letter' });
  updateCard(seed.doc, touchpointId, { emotion: -2, metrics: { nps: -44 } });
  writeRunSheet(
    seed.doc,
    {
      sessions: [
        {
          id: 'se_one',
          name: 'Session 2',
          phases: [{ id: 'ph_warm', name: 'Warm-up', durationMs: 5 * 60_000, instructions: 'Say hello.', settings: NO_SETTINGS }],
        },
      ],
    },
    'rejse:local',
  );
  await vi.waitFor(async () => expect(await storedTexts()).toHaveLength(2), POLL);
  seed.destroy();
  browser = await launchChromium();
  [facilitator, editor] = await Promise.all([openIsolatedPage(browser, contexts), openIsolatedPage(browser, contexts)]);
  facilitator.on('dialog', (dialog) => void dialog.accept());
  await join(facilitator, board.links.facilitator, 'Fran Facilitator');
  await join(editor, board.links.editor, 'Eddie Editor');
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('saved versions on the canvas', () => {
  it('opens a saved version read-only on the canvas under a banner, and goes back to the live board', async () => {
    await clickBarControl(facilitator, 'History');
    await facilitator.getByRole('textbox', { name: 'Name' }).fill('End of session 2');
    await facilitator.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => snapshotRow(facilitator, 'End of session 2').count(), POLL).toBe(1);

    // Work goes on after the version: a card is added and the touchpoint's NPS improves.
    await editAsPeer((doc) => {
      const stage = readStages(doc)[0]!.id;
      const ideas = readLanes(doc).find((l) => l.kind === 'ideas')!.id;
      addCard(doc, { stageId: stage, laneId: ideas, kind: 'idea', text: 'A card added later' });
      updateCard(doc, touchpointId, { emotion: 1, metrics: { nps: -25 } });
    });
    await expect.poll(() => card(facilitator, 'A card added later').count(), POLL).toBe(1);

    await snapshotRow(facilitator, 'End of session 2').getByRole('button', { name: 'View' }).click();
    await expect.poll(() => banner(facilitator).textContent(), POLL).toContain('Viewing the version “End of session 2” from');
    await expect.poll(() => banner(facilitator).textContent(), POLL).toContain('read-only');
    // The version's cards, on the real canvas; the later card is not in it.
    await expect.poll(() => card(facilitator, 'Name the original creditor').count(), POLL).toBe(1);
    await expect.poll(() => card(facilitator, 'Reminder letter').count(), POLL).toBe(1);
    expect(await card(facilitator, 'A card added later').count()).toBe(0);
    expect(await facilitator.getByRole('button', { name: 'Add stage' }).count()).toBe(0);
    await facilitator.screenshot({ path: path.join(SCREENS, 'en-version-on-canvas.png') });

    // Nothing on it can be edited: no text editor opens, Delete removes nothing, the live board is unchanged.
    await card(facilitator, 'Name the original creditor').dblclick();
    await facilitator.keyboard.type('typed into a version');
    expect(await facilitator.locator('.canvas textarea, .canvas [contenteditable="true"]').count()).toBe(0);
    await card(facilitator, 'Name the original creditor').click();
    await facilitator.keyboard.press('Delete');
    await expect.poll(() => facilitator.getByText('This is a saved version: go back to the live board').count(), POLL).toBe(1);
    await expect.poll(() => card(facilitator, 'Name the original creditor').count(), POLL).toBe(1);
    expect(await storedTexts()).toEqual(['A card added later', 'Name the original creditor', 'Reminder letter']);

    await banner(facilitator).getByRole('button', { name: 'Back to the live board' }).click();
    await expect.poll(() => banner(facilitator).count(), POLL).toBe(0);
    await expect.poll(() => card(facilitator, 'A card added later').count(), POLL).toBe(1);
  });

  it('compares two versions: the added card (shown on the map when clicked), the curve and NPS −44 → −25', async () => {
    await facilitator.getByRole('textbox', { name: 'Name' }).fill('After the edits');
    await facilitator.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => snapshotRow(facilitator, 'After the edits').count(), POLL).toBe(1);

    const form = facilitator.getByRole('form', { name: 'Compare two versions' });
    await form.getByLabel('From').selectOption({ label: await optionLabel('From', 'End of session 2') });
    await form.getByLabel('To').selectOption({ label: await optionLabel('To', 'After the edits') });
    await form.getByRole('button', { name: 'Compare', exact: true }).click();

    const diff = facilitator.getByRole('region', { name: 'What changed since this version' });
    await expect.poll(() => diff.getByRole('button', { name: 'Added: A card added later' }).count(), POLL).toBe(1);
    await expect.poll(() => diff.locator('[data-figures]').textContent(), POLL).toMatch(/NPS at “Reminder letter”: [-−]44 → [-−]25/);
    await expect.poll(() => diff.getByRole('img', { name: 'The emotion curve before (dashed) and after (solid)' }).count(), POLL).toBe(1);
    expect(await diff.locator('.compare-chart__before').count()).toBe(1);
    expect(await diff.locator('.compare-chart__after').count()).toBe(1);
    await facilitator.screenshot({ path: path.join(SCREENS, 'en-compare.png') });

    // A card in the list opens where it is: the newer side is a saved version, shown with the card selected.
    await diff.getByRole('button', { name: 'Added: A card added later' }).click();
    await expect.poll(() => banner(facilitator).textContent(), POLL).toContain('After the edits');
    await expect.poll(() => facilitator.locator('.canvas .react-flow__node.selected').textContent(), POLL).toContain('A card added later');
    await banner(facilitator).getByRole('button', { name: 'Back to the live board' }).click();
    await expect.poll(() => banner(facilitator).count(), POLL).toBe(0);
  });
});

async function optionLabel(select: 'From' | 'To', name: string): Promise<string> {
  const form = facilitator.getByRole('form', { name: 'Compare two versions' });
  const labels = await form.getByLabel(select).locator('option').allTextContents();
  const label = labels.find((l) => l.startsWith(name));
  if (!label) throw new Error(`no option "${name}" in ${labels.join(' | ')}`);
  return label;
}

describe('editing the run-sheet', () => {
  it('edits a phase’s name, instruction and settings, adds and reorders a phase, and runs them', async () => {
    await facilitator.getByRole('tab', { name: 'Run-sheet' }).click();
    await facilitator.getByRole('button', { name: 'Edit the phase “Warm-up”' }).click();
    const first = facilitator.locator('[data-phase-editor="ph_warm"]');
    await first.getByLabel('Phase name').fill('Cluster the pains');
    await first.getByLabel('Instructions for participants').fill('Group the pain points by stage, on your own.');
    await first.getByLabel('Private brainstorm (ideas hidden until revealed)').check();
    await expect.poll(() => facilitator.getByRole('button', { name: 'Edit the phase “Cluster the pains”' }).count(), POLL).toBe(1);

    // A second phase: a voting round on the pain points, two votes each; then moved first with the keyboard.
    await facilitator.getByRole('button', { name: 'Add a phase' }).click();
    await expect.poll(() => facilitator.getByRole('button', { name: 'Edit the phase “Phase 2”' }).count(), POLL).toBe(1);
    const second = facilitator.locator('[data-phase-editor]:not([data-phase-editor="ph_warm"])');
    // The new phase opens for editing with its name field focused.
    await expect.poll(() => second.getByLabel('Phase name').evaluate((field) => field === document.activeElement), POLL).toBe(true);
    await second.getByLabel('Phase name').fill('Vote on pains');
    await second.getByLabel('Instructions for participants').fill('Two votes each on the worst pains.');
    await second.getByLabel('A voting round').check();
    await second.getByLabel('Votes each', { exact: true }).fill('2');
    await second.locator('.phase-editor__voting select').selectOption('pains');
    await second.getByLabel('Phase name').focus();
    await expect.poll(() => facilitator.getByRole('button', { name: 'Move “Vote on pains” earlier' }).count(), POLL).toBe(1);
    await facilitator.getByRole('button', { name: 'Move “Vote on pains” earlier' }).focus();
    await facilitator.keyboard.press('Enter');
    await expect
      .poll(() => facilitator.locator('.runsheet-session .runsheet-phase strong').allTextContents(), POLL)
      .toEqual(['Vote on pains', 'Cluster the pains']);
    await expect.poll(() => facilitator.locator('.runsheet-phase').first().textContent(), POLL).toContain('vote: 2 on pain points');
    await facilitator.screenshot({ path: path.join(SCREENS, 'en-runsheet-editor.png') });

    // Run: the participant sees each phase's own instruction and what it switched on.
    await facilitator.getByRole('button', { name: 'Start session' }).click();
    await expect.poll(() => phaseBar(editor).textContent(), POLL).toContain('Vote on pains');
    await expect.poll(() => phaseBar(editor).textContent(), POLL).toContain('Two votes each on the worst pains.');
    await expect.poll(() => editor.getByText('Vote on the pain points', { exact: true }).count(), POLL).toBe(1);
    await facilitator.getByRole('button', { name: 'Next: Cluster the pains' }).click();
    await expect.poll(() => phaseBar(editor).textContent(), POLL).toContain('Group the pain points by stage, on your own.');
    await expect.poll(() => editor.locator('.workshop-badge', { hasText: 'Private brainstorm' }).count(), POLL).toBe(1);
    await expect.poll(() => editor.getByText('Vote on the pain points', { exact: true }).count(), POLL).toBe(0);
    await editor.screenshot({ path: path.join(SCREENS, 'en-editor-edited-phase.png') });
    await phaseBar(facilitator).getByRole('button', { name: 'End session' }).click();
    await expect.poll(() => phaseBar(editor).count(), POLL).toBe(0);
  });
});

describe('undoing a restore', () => {
  it('restores a version and Ctrl+Z puts the board back as it was, live on both pages', async () => {
    await facilitator.getByRole('tab', { name: 'History' }).click();
    await snapshotRow(facilitator, 'End of session 2').getByRole('button', { name: 'Restore' }).click();
    for (const page of [facilitator, editor]) await expect.poll(() => card(page, 'A card added later').count(), POLL).toBe(0);
    await expect.poll(async () => storedTexts(), POLL).toEqual(['Name the original creditor', 'Reminder letter']);
    const toast = facilitator.locator('.restore-toast');
    await expect.poll(() => toast.textContent(), POLL).toContain('“End of session 2” was restored.');
    expect(await editor.locator('.restore-toast').count()).toBe(0);
    await facilitator.screenshot({ path: path.join(SCREENS, 'en-undo-restore.png') });

    await facilitator.locator('.canvas').click({ position: { x: 20, y: 20 } });
    await facilitator.keyboard.press('Control+z');
    for (const page of [facilitator, editor]) await expect.poll(() => card(page, 'A card added later').count(), POLL).toBe(1);
    await expect.poll(async () => storedTexts(), POLL).toEqual(['A card added later', 'Name the original creditor', 'Reminder letter']);
    await expect.poll(() => toast.count(), POLL).toBe(0);
    // No history lost: the versions saved before each restore are in the list.
    const list = (await (await boardFetch(server, `/api/boards/${board.id}/snapshots`)).json()) as { snapshots: { kind: string }[] };
    expect(list.snapshots.filter((s) => s.kind === 'restore').length).toBe(2);

    // The button does the same.
    await snapshotRow(facilitator, 'End of session 2').getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => card(editor, 'A card added later').count(), POLL).toBe(0);
    await toast.getByRole('button', { name: 'Undo restore (Ctrl+Z)' }).click();
    await expect.poll(() => card(editor, 'A card added later').count(), POLL).toBe(1);
  });
});

describe('the report page', () => {
  it('shows the comment threads by card on request, the text as text', async () => {
    await card(editor, 'Name the original creditor').first().click();
    await editor
      .getByPlaceholder('Write a comment… (@Name mentions someone)')
      .fill('<img src=x onerror="window.hacked=1"> Is <b>this</b> clear?');
    await editor.getByRole('button', { name: 'Send', exact: true }).click();

    await facilitator.goto(`${server.url}/b/${board.id}/report`);
    const toggle = facilitator.getByRole('checkbox', { name: 'Include comments' });
    await expect.poll(() => toggle.count(), POLL).toBe(1);
    expect(await facilitator.locator('[data-comments-appendix]').count()).toBe(0);
    await toggle.check();
    const appendix = facilitator.getByRole('region', { name: 'Appendix: comments' });
    await expect.poll(() => appendix.textContent(), POLL).toContain('Card: Name the original creditor');
    await expect.poll(() => appendix.textContent(), POLL).toContain('<img src=x onerror="window.hacked=1"> Is <b>this</b> clear?');
    expect(await appendix.textContent()).toContain('Eddie Editor');
    expect(await appendix.locator('img, b').count()).toBe(0);
    expect(await facilitator.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    await appendix.scrollIntoViewIfNeeded();
    await facilitator.screenshot({ path: path.join(SCREENS, 'en-report-comments.png') });
  });
});

describe('in Danish and Swedish', () => {
  it('shows a version on the canvas, the comparison and the run-sheet editor', async () => {
    for (const [locale, history, view, compare, runsheet, edit] of [
      ['da', 'Historik', 'Vis', 'Sammenlign med nu', 'Drejebog', 'Redigér'],
      ['sv', 'Historik', 'Visa', 'Jämför med nu', 'Körschema', 'Redigera'],
    ] as const) {
      await facilitator.evaluate((value) => localStorage.setItem('rejse.locale', value), locale);
      await facilitator.goto(`${server.url}/b/${board.id}`);
      await clickBarControl(facilitator, history);
      const row = snapshotRow(facilitator, 'End of session 2');
      await row.getByRole('button', { name: view, exact: true }).click();
      await expect.poll(() => banner(facilitator).count(), POLL).toBe(1);
      await row.getByRole('button', { name: compare, exact: true }).click();
      await expect.poll(() => facilitator.locator('[data-figures]').textContent(), POLL).toMatch(/[-−]44 → [-−]25/);
      await facilitator.screenshot({ path: path.join(SCREENS, `${locale}-version-and-compare.png`) });
      await banner(facilitator).getByRole('button').first().click();
      await facilitator.getByRole('tab', { name: runsheet }).click();
      await facilitator.locator('.runsheet-phase [data-control="edit"]').first().click();
      expect(await facilitator.locator('.runsheet-phase [data-control="edit"]').first().textContent()).toBe(edit);
      await facilitator.screenshot({ path: path.join(SCREENS, `${locale}-runsheet-editor.png`) });
    }
    await facilitator.evaluate(() => localStorage.setItem('rejse.locale', 'en'));
  });
});
