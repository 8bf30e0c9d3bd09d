/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser, so this file also knows the DOM.
import { docToBoard, editCardText } from '@rejse/shared';
import type { Page } from 'playwright-core';
import { connectClient } from '../../tests/helpers/server.ts';
import { droppedFrames, frameGaps, round } from './stats.ts';

export interface TypingResult {
  keystrokes: number;
  /** The client's metered app work (document → records → layout → nodes) per keystroke. */
  appWorkMs: number;
  /** The same, per step. */
  steps: Record<string, number>;
  /** All main-thread script time per keystroke (Yjs, the app, React, React Flow). */
  scriptMs: number;
  /** Refreshes of a 60 Hz display the page missed while the keystrokes arrived (see stats.ts). */
  droppedFrames: number;
  /** Frames longer than 50 ms while typing. */
  longFrames: number;
  /** The typed text reached the page: on the card's node when it is drawn, else found by the page's search. */
  arrived: boolean;
  /** Whether the card typed into had a node on screen (cards may be drawn otherwise at far zoom). */
  onScreen: boolean;
}

/** Milliseconds between remote keystrokes: a fast typist. */
const KEY_INTERVAL_MS = 80;

/**
 * Another participant types into one card: `keys` characters, one update each, KEY_INTERVAL_MS
 * apart — each an insert into the card's Y.Text through the shared `editCardText`, as the
 * editor's text box sends it since collaborative text (schema 3). The page's work meter,
 * Chromium's script time and the page's animation frames are read meanwhile.
 */
export async function measureRemoteTyping(page: Page, server: { wsUrl: string }, boardId: string, keys: number): Promise<TypingResult> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  };
  const typist = connectClient(server, boardId);
  try {
    await typist.synced;
    // A card on screen at the current zoom, so its node is really drawn again on every keystroke;
    // any card when none has a node (a far zoom may draw cards otherwise).
    const drawn = await page.evaluate(() => document.querySelector('.react-flow__node-card')?.getAttribute('data-id') ?? null);
    const cards = docToBoard(typist.doc, boardId).cards;
    const target = cards.find((card) => card.id === drawn) ?? cards[0];
    if (!target) throw new Error('the board has no card to type into');
    let typed = target.text;
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const w = window as unknown as { __rejseWork: Record<string, number>; __frames: number[]; __counting: boolean };
      for (const key of Object.keys(w.__rejseWork)) delete w.__rejseWork[key];
      w.__frames = [];
      w.__counting = true;
      const tick = (time: number) => {
        if (!w.__counting) return;
        w.__frames.push(time);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const scriptBefore = await scriptSeconds();
    for (let i = 0; i < keys; i += 1) {
      const key = 'abcdefghij'[i % 10] as string;
      editCardText(typist.doc, target.id, 'text', { index: typed.length, remove: 0, insert: key });
      typed += key;
      await new Promise((resolve) => setTimeout(resolve, KEY_INTERVAL_MS));
    }
    await page.waitForTimeout(600);
    const scriptAfter = await scriptSeconds();
    const { work, frames } = await page.evaluate(() => {
      const w = window as unknown as { __rejseWork: Record<string, number>; __frames: number[]; __counting: boolean };
      w.__counting = false;
      return { work: { ...w.__rejseWork }, frames: w.__frames };
    });
    const arrived = drawn ? await shownOnCard(page, target.id, typed) : await foundBySearch(page, typed);
    const steps: Record<string, number> = {};
    let total = 0;
    for (const [step, ms] of Object.entries(work)) {
      if (step.endsWith('.calls')) continue;
      steps[step] = round(ms / keys, 2);
      total += ms;
    }
    const gaps = frameGaps(frames);
    return {
      keystrokes: keys,
      appWorkMs: round(total / keys, 2),
      steps,
      scriptMs: round(((scriptAfter - scriptBefore) * 1000) / keys, 2),
      droppedFrames: droppedFrames(gaps),
      longFrames: gaps.filter((g) => g > 50).length,
      arrived,
      onScreen: drawn !== null,
    };
  } finally {
    typist.destroy();
    await cdp.detach();
  }
}

/** The card's node on the page names the typed text's end. */
const shownOnCard = (page: Page, id: string, typed: string): Promise<boolean> =>
  page.evaluate(
    ({ id, tail }) => (document.querySelector(`.react-flow__node-card[data-id="${id}"]`)?.getAttribute('aria-label') ?? '').includes(tail),
    { id, tail: typed.slice(-12) },
  );

/** The page's card search finds exactly one card by the typed text's end (then Escape clears it). */
async function foundBySearch(page: Page, typed: string): Promise<boolean> {
  const search = page.getByRole('searchbox', { name: 'Search cards' });
  await search.fill(typed.slice(-12));
  const found = await page
    .getByRole('status')
    .filter({ hasText: /^1 of / })
    .first()
    .waitFor({ timeout: 5000 })
    .then(
      () => true,
      () => false,
    );
  await search.press('Escape');
  return found;
}
