/**
 * Choices bound to the document — radio groups and checkboxes whose state is the board's — in
 * real browsers (Debian's Chromium) against the real server, on the collection-letters
 * template. The board re-renders a frame after a write, and a control that flipped back for
 * that frame made Playwright's `check()` fail ("did not change its state"): here every such
 * control is set with `check()`, the choice reaches a stock y-websocket client's replica and a
 * second page, and a choice made on the second page (or by the stock client) is followed by the
 * first. A choice a lock refuses goes back to the document's value. The pages that choose get
 * their animation frames late, as on a busy machine, so a box that flips back for a frame is
 * caught every time, not now and then.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addPersona, docToBoard, updateCard, type Card, type CardId } from '@rejse/shared';
import { browserSuite, openMapPage } from '../helpers/browser.ts';
import { connectClient, createBoard, type ConnectedClient, type CreatedBoard } from '../helpers/server.ts';

const POLL = { timeout: 20_000, interval: 100 };
const LETTER = 'Collection letter from the credit-management firm';
const IDEA = 'Name the original creditor and the product on every collection letter';

const suite = browserSuite();

/** How late each animation frame comes on a page that chooses: far longer than `check()` takes to look again. */
const LATE_FRAME_MS = 200;

/** Every animation frame of the context's pages comes `delay` ms late (cancelling still works). */
async function lateFrames(context: BrowserContext): Promise<void> {
  await context.addInitScript((delay: number) => {
    const request = window.requestAnimationFrame.bind(window);
    const cancel = window.cancelAnimationFrame.bind(window);
    const waiting = new Map<number, { timer: number; frame?: number }>();
    let last = 0;
    window.requestAnimationFrame = (callback) => {
      last += 1;
      const id = last;
      const entry: { timer: number; frame?: number } = {
        timer: window.setTimeout(() => {
          entry.frame = request((time) => {
            waiting.delete(id);
            callback(time);
          });
        }, delay),
      };
      waiting.set(id, entry);
      return id;
    };
    window.cancelAnimationFrame = (id) => {
      const entry = waiting.get(id);
      if (!entry) return;
      window.clearTimeout(entry.timer);
      if (entry.frame !== undefined) cancel(entry.frame);
      waiting.delete(id);
    };
  }, LATE_FRAME_MS);
}

/** A board page whose person chooses, with late frames. */
const openChoosing = (link: string): Promise<Page> => openMapPage(suite, link, { prepare: lateFrames });

interface Setup {
  board: CreatedBoard;
  /** A stock client with the facilitator's token: reads its own replica, writes as "anyone else". */
  peer: ConnectedClient;
}

async function lettersBoard(): Promise<Setup> {
  const board = await createBoard(suite.server, { title: 'Choices', template: 'collection-letters' });
  const peer = connectClient(suite.server, board.id);
  await peer.synced;
  return { board, peer };
}

/** A card as the stock client's replica of the document holds it. */
function cardIn(peer: ConnectedClient, board: CreatedBoard, text: string): Card {
  const card = docToBoard(peer.doc, board.id).cards.find((c) => c.text === text);
  if (!card) throw new Error(`no card "${text}"`);
  return card;
}

/** Finds a card with the search box (Enter selects the first match) and gives back its inspector. */
async function inspect(page: Page, id: string, text: string): Promise<Locator> {
  const search = page.getByRole('searchbox');
  await search.fill(text);
  await search.press('Enter');
  const inspector = page.locator(`aside.inspector[data-inspected-card="${id}"]`);
  await inspector.waitFor({ timeout: POLL.timeout });
  return inspector;
}

const radio = (scope: Locator, group: string, name: string): Locator =>
  scope.getByRole('group', { name: group, exact: true }).getByRole('radio', { name, exact: true });
/**
 * The label around a control: where a person clicks when the box itself is hidden or drawn
 * over (the segmented options, the faces, the ratings); `check()` on it reads the box's state.
 */
const labelOf = (control: Locator): Locator => control.locator('xpath=ancestor::label[1]');
const inUseRadio = (inspector: Locator, variant: 'a' | 'b'): Locator =>
  inspector.locator(`.letter-lab__variant[data-variant="${variant}"]`).getByRole('radio', { name: 'In use today' });

describe('choices bound to the document', () => {
  it('a touchpoint’s owner, emotion, letter in use, scenarios and kind: check() takes, the document and a second page follow, and back', async () => {
    const { board, peer } = await lettersBoard();
    const letter = cardIn(peer, board, LETTER);
    expect(letter).toMatchObject({ kind: 'touchpoint', ownerTeam: 'frontstage', emotion: -2, message: { inUse: 'a' } });
    const first = await openChoosing(board.links.editor);
    const second = await openChoosing(board.links.editor);
    const mine = await inspect(first, letter.id, LETTER);
    const theirs = await inspect(second, letter.id, LETTER);
    const inPeer = () => cardIn(peer, board, LETTER);

    // The owner team.
    await labelOf(radio(mine, 'Owner', 'Backstage')).check();
    await expect.poll(() => inPeer().ownerTeam, POLL).toBe('backstage');
    await expect.poll(() => radio(theirs, 'Owner', 'Backstage').isChecked(), POLL).toBe(true);
    await labelOf(radio(theirs, 'Owner', 'Front stage')).check();
    await expect.poll(() => radio(mine, 'Owner', 'Front stage').isChecked(), POLL).toBe(true);
    expect(await radio(mine, 'Owner', 'Backstage').isChecked()).toBe(false);

    // The customer's emotion.
    await labelOf(radio(mine, 'Customer emotion', 'Neutral')).check();
    await expect.poll(() => inPeer().emotion, POLL).toBe(0);
    await expect.poll(() => radio(theirs, 'Customer emotion', 'Neutral').isChecked(), POLL).toBe(true);
    await labelOf(radio(theirs, 'Customer emotion', 'Positive')).check();
    await expect.poll(() => radio(mine, 'Customer emotion', 'Positive').isChecked(), POLL).toBe(true);
    await expect.poll(() => inPeer().emotion, POLL).toBe(1);

    // The letter's variant in use today.
    await inUseRadio(mine, 'b').check();
    await expect.poll(() => inPeer().message?.inUse, POLL).toBe('b');
    await expect.poll(() => inUseRadio(theirs, 'b').isChecked(), POLL).toBe(true);
    await inUseRadio(theirs, 'a').check();
    await expect.poll(() => inUseRadio(mine, 'a').isChecked(), POLL).toBe(true);
    await expect.poll(() => inPeer().message?.inUse, POLL).toBe('a');

    // A scenario the letter is not part of yet (a checkbox bound to the document).
    expect(letter.scenarioIds).toHaveLength(4);
    await mine.getByRole('checkbox', { name: 'Forgot', exact: true }).check();
    await expect.poll(() => inPeer().scenarioIds?.length, POLL).toBe(5);
    await expect.poll(() => theirs.getByRole('checkbox', { name: 'Forgot', exact: true }).isChecked(), POLL).toBe(true);

    // The card's kind, last: a pain point has none of the touchpoint's fields.
    await labelOf(radio(mine, 'Kind', 'Pain point')).check();
    await expect.poll(() => inPeer().kind, POLL).toBe('pain');
    await expect.poll(() => radio(theirs, 'Kind', 'Pain point').isChecked(), POLL).toBe(true);
    await labelOf(radio(theirs, 'Kind', 'Touchpoint')).check();
    await expect.poll(() => radio(mine, 'Kind', 'Touchpoint').isChecked(), POLL).toBe(true);
    await expect.poll(() => inPeer().kind, POLL).toBe('touchpoint');
    peer.destroy();
  });

  it('an idea’s ratings: check() takes, and a rating someone else sets is followed', async () => {
    const { board, peer } = await lettersBoard();
    const idea = cardIn(peer, board, IDEA);
    expect(idea).toMatchObject({ impact: 5, effort: 2 });
    expect(idea.confidence).toBeUndefined();
    const page = await openChoosing(board.links.editor);
    const inspector = await inspect(page, idea.id, IDEA);

    await labelOf(inspector.getByRole('radio', { name: 'Confidence (optional): 4 of 5' })).check();
    await expect.poll(() => cardIn(peer, board, IDEA).confidence, POLL).toBe(4);
    await labelOf(inspector.getByRole('radio', { name: 'Impact: 3 of 5' })).check();
    await expect.poll(() => cardIn(peer, board, IDEA).impact, POLL).toBe(3);
    updateCard(peer.doc, idea.id as CardId, { effort: 4 });
    await expect.poll(() => inspector.getByRole('radio', { name: 'Effort: 4 of 5' }).isChecked(), POLL).toBe(true);
    expect(await inspector.getByRole('radio', { name: 'Effort: 2 of 5' }).isChecked()).toBe(false);
    peer.destroy();
  });

  it('the active persona: switched in the header and in the persona dialog with check(), and the other page follows', async () => {
    const { board, peer } = await lettersBoard();
    const maria = docToBoard(peer.doc, board.id).activePersonaId;
    const student = addPersona(peer.doc, { name: 'Student, 22', description: '', segment: '' });
    const first = await openChoosing(board.links.editor);
    const second = await openChoosing(board.links.editor);
    const switcher = async (page: Page): Promise<Locator> => {
      await page.locator('summary.persona-badge__summary').click();
      const group = page.getByRole('group', { name: 'Show the journey of' });
      await group.waitFor({ timeout: POLL.timeout });
      return group;
    };
    const active = () => docToBoard(peer.doc, board.id).activePersonaId;

    const mine = await switcher(first);
    const theirs = await switcher(second);
    await mine.getByRole('radio', { name: /Student, 22/ }).check();
    await expect.poll(active, POLL).toBe(student);
    await expect.poll(() => second.locator('[data-persona-name]').first().textContent(), POLL).toBe('Student, 22');
    await expect.poll(() => theirs.getByRole('radio', { name: /Student, 22/ }).isChecked(), POLL).toBe(true);
    await theirs.getByRole('radio', { name: /Maria, 34/ }).check();
    await expect.poll(() => mine.getByRole('radio', { name: /Maria, 34/ }).isChecked(), POLL).toBe(true);
    await expect.poll(active, POLL).toBe(maria);

    // The persona dialog's "Show on this map".
    await first.getByRole('button', { name: 'Edit personas' }).click();
    const dialog = first.getByRole('dialog', { name: 'Personas' });
    await dialog.getByRole('region', { name: 'Student, 22' }).getByRole('radio').check();
    await expect.poll(active, POLL).toBe(student);
    await expect.poll(() => second.locator('[data-persona-name]').first().textContent(), POLL).toBe('Student, 22');
    expect(await dialog.getByRole('region', { name: 'Maria, 34' }).getByRole('radio').isChecked()).toBe(false);
    peer.destroy();
  });

  it('a choice the board’s lock refuses goes back to the document’s value, with the notice', async () => {
    const { board, peer } = await lettersBoard();
    const letter = cardIn(peer, board, LETTER);
    const facilitator = await openChoosing(board.links.facilitator);
    const editor = await openChoosing(board.links.editor);
    await facilitator.getByRole('group', { name: 'Facilitator controls' }).locator('summary[aria-label="Locks"]').click();
    await facilitator.getByRole('checkbox', { name: 'Lock the whole board' }).check();
    await expect.poll(() => editor.locator('[data-lock-badge]').textContent(), POLL).toBe('Board locked');

    const inspector = await inspect(editor, letter.id, LETTER);
    await labelOf(radio(inspector, 'Kind', 'Pain point')).click();
    await expect.poll(() => editor.getByRole('status').getByText('The facilitator has locked the board for now.').count(), POLL).toBe(1);
    await expect.poll(() => radio(inspector, 'Kind', 'Touchpoint').isChecked(), POLL).toBe(true);
    expect(await radio(inspector, 'Kind', 'Pain point').isChecked()).toBe(false);
    expect(cardIn(peer, board, LETTER).kind).toBe('touchpoint');

    // Unlocked again, the same choice takes.
    await facilitator.getByRole('checkbox', { name: 'Lock the whole board' }).uncheck();
    await expect.poll(() => editor.locator('[data-lock-badge]').count(), POLL).toBe(0);
    await labelOf(radio(inspector, 'Kind', 'Pain point')).check();
    await expect.poll(() => cardIn(peer, board, LETTER).kind, POLL).toBe('pain');
    peer.destroy();
  });
});
