/**
 * The big board's load (issue 14: 5,000 cards interactive in under 1 s), beside its peer in the
 * same run: the stack's floor (floor.ts), a page that only applies the same board with Yjs and
 * mounts React Flow with one node. Loads alternate between the two, each in a fresh context,
 * with the server's room unloaded before each Rejse load (a cold board, as a workshop's first
 * visitor finds it). The ratio says how far Rejse is from what the stack itself costs on this
 * machine, which moves less with the machine than either figure alone.
 */
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../tests/helpers/server.ts';
import { makeBoard, openBoard, roomsUnloaded } from './boards.ts';
import { serveFloorPage } from './floor.ts';
import type { LoadResult } from './load.ts';
import { median, round } from './stats.ts';

export interface BigLoads {
  cards: number;
  rejse: LoadResult[];
  floor: LoadResult[];
  /** Medians of time to interactive (ms). */
  rejseTtiMs: number;
  floorTtiMs: number;
  /** Rejse's median over the floor's. */
  ratio: number;
}

async function loadOnce(browser: Browser, url: string): Promise<LoadResult> {
  const { context, load } = await openBoard(browser, url, true);
  await context.close();
  return load;
}

export async function measureBigLoads(
  browser: Browser,
  server: RunningServer,
  cards: number,
  stages: number,
  runs: number,
): Promise<BigLoads> {
  const big = await makeBoard(server, cards, stages);
  const floorPage = await serveFloorPage(big.update);
  const rejseUrl = `${server.url}${big.board.links.facilitator}`;
  const rejse: LoadResult[] = [];
  const floor: LoadResult[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      // Alternate which goes first, so neither always meets a browser just warmed by the other.
      const order = run % 2 === 0 ? (['rejse', 'floor'] as const) : (['floor', 'rejse'] as const);
      for (const which of order) {
        if (which === 'rejse') {
          rejse.push(await loadOnce(browser, rejseUrl));
          await roomsUnloaded(server);
        } else floor.push(await loadOnce(browser, floorPage.url));
      }
      const ours = rejse[run] as LoadResult;
      const peer = floor[run] as LoadResult;
      const marks = ours.marks;
      console.log(
        `  load ${run + 1} at ${big.generated.cards} cards: Rejse interactive ${round(ours.ttiMs, 0)} ms (cards on screen ${round(ours.cardsVisibleMs, 0)} ms, ` +
          `socket opened ${round(marks['socket-opened'] ?? Number.NaN, 0)} ms, board applied ${round(marks['board-synced'] ?? Number.NaN, 0)} ms, ` +
          `${ours.cardsDrawn} drawn on the far layer at zoom ${round(ours.zoom, 2)}); stack floor interactive ${round(peer.ttiMs, 0)} ms`,
      );
    }
  } finally {
    await floorPage.stop();
  }
  const rejseTtiMs = median(rejse.map((load) => load.ttiMs));
  const floorTtiMs = median(floor.map((load) => load.ttiMs));
  const ratio = rejseTtiMs / Math.max(1, floorTtiMs);
  console.log(
    `  ${big.generated.cards}-card board, median of ${runs}: Rejse interactive ${round(rejseTtiMs, 0)} ms; the stack's floor ` +
      `(Yjs applies the same board, React Flow mounts one node) ${round(floorTtiMs, 0)} ms; ratio ${round(ratio, 2)}`,
  );
  return { cards: big.generated.cards, rejse, floor, rejseTtiMs, floorTtiMs, ratio };
}
