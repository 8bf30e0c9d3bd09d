/**
 * The benchmark's boards: generated on a real Rejse server through a y-websocket client, and
 * opened in a fresh browser context whose load is measured (load.ts).
 */
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { docToBoard } from '@rejse/shared';
import { connectClient, createBoard, type RunningServer } from '../../tests/helpers/server.ts';
import { generateBoard, type GeneratedBoard } from './generate.ts';
import { LONG_TASK_PROBE, measureLoad } from './load.ts';
import { round } from './stats.ts';

const VIEWPORT = { width: 1440, height: 900 };

/** A board of `cards` generated cards, stored on the server; resolves once a fresh client has them all. */
export async function makeBoard(server: RunningServer, cards: number, stages: number) {
  const board = await createBoard(server, { title: `Canvas benchmark (${cards} cards)`, template: 'blank' });
  const writer = connectClient(server, board.id);
  try {
    await writer.synced;
    const began = Date.now();
    const generated: GeneratedBoard = generateBoard(writer.doc, board.id, cards, stages);
    const reader = connectClient(server, board.id);
    let update: Uint8Array = new Uint8Array();
    try {
      await reader.synced;
      while (docToBoard(reader.doc, board.id).cards.length < generated.cards) await new Promise((resolve) => setTimeout(resolve, 100));
      update = Y.encodeStateAsUpdate(reader.doc);
    } finally {
      reader.destroy();
    }
    console.log(
      `  board: ${generated.cards} cards, ${generated.links} links, ${generated.stages} stages (made and stored in ${Date.now() - began} ms)`,
    );
    return { board, generated, update };
  } finally {
    writer.destroy();
    await roomsUnloaded(server);
  }
}

/**
 * Waits until the server has unloaded every board (the last client gone: compacted and stored),
 * so a load measured next does not share the server with the end of the board's making.
 */
export async function roomsUnloaded(server: RunningServer): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    const metrics = await fetch(`${server.url}/metrics`).then((response) => response.text());
    if (/^rejse_rooms_loaded 0$/m.test(metrics)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a page at `url` in a fresh context (no cache) and measures its load; prints it unless `quiet`. */
export async function openBoard(browser: Browser, url: string, quiet = false) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  await context.addInitScript(LONG_TASK_PROBE);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('  page error:', error.message));
  const load = await measureLoad(page, url);
  if (!quiet) {
    console.log(
      `  load: cards on screen ${round(load.cardsVisibleMs, 0)} ms, time to interactive ${round(load.ttiMs, 0)} ms ` +
        `(total blocking ${round(load.totalBlockingMs, 0)} ms in ${load.longTasks} long tasks; ` +
        `${load.cardNodesInDom} cards in the DOM${load.cardsDrawn ? `, ${load.cardsDrawn} drawn on the far layer` : ''} at zoom ${round(load.zoom, 2)})`,
    );
    const { marks } = load;
    if (marks['socket-opened'] !== undefined && marks['board-synced'] !== undefined) {
      console.log(
        `        socket opened at ${round(marks['socket-opened'], 0)} ms, connected at ${round(marks['socket-connected'] ?? Number.NaN, 0)} ms, ` +
          `board received and applied at ${round(marks['board-synced'], 0)} ms`,
      );
    }
  }
  return { context, page, load };
}
