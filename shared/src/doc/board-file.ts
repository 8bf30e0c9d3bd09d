import type * as Y from 'yjs';
import { facilitationMap, readRounds, ROUND_KEY_PREFIX } from '../facilitation/layout.ts';
import { isRankBy, parseTopN, PRIORITY_KEYS } from '../prioritize/settings.ts';
import type { Board } from '../schema/board.ts';
import { closedRoundSchema, MAX_ROUNDS_IN_FILE, type BoardOutcomes } from '../schema/outcomes.ts';
import { translate } from '../i18n/catalogue.ts';
import { LIMITS } from '../schema/limits.ts';
import { docToBoard } from './read.ts';

/**
 * A board as a file (board.json): the board plus its outcomes — the closed voting rounds and
 * the facilitator's ranking and cut line — so that export → import gives the same to-do list.
 * Live workshop state (timer, locks, focus, an open round) is not part of a file.
 */
export function readOutcomes(doc: Y.Doc): BoardOutcomes {
  const map = facilitationMap(doc);
  const rounds = readRounds(doc)
    .filter((round) => closedRoundSchema.safeParse(round).success)
    .slice(-MAX_ROUNDS_IN_FILE);
  const rankBy = map.get(PRIORITY_KEYS.rankBy);
  const topN = parseTopN(map.get(PRIORITY_KEYS.topN));
  return { rounds, ...(isRankBy(rankBy) ? { rankBy } : {}), ...(topN !== undefined ? { topN } : {}) };
}

export function readBoardFile(doc: Y.Doc, id: string): Board {
  return { ...docToBoard(doc, id), outcomes: readOutcomes(doc) };
}

/** Writes a file's outcomes into a document (inside the caller's transaction, on import or seeding). */
export function writeOutcomes(doc: Y.Doc, outcomes: BoardOutcomes): void {
  const map = facilitationMap(doc);
  for (const round of outcomes.rounds) map.set(`${ROUND_KEY_PREFIX}${round.id}`, { ...round, totals: { ...round.totals } });
  if (outcomes.rankBy !== undefined) map.set(PRIORITY_KEYS.rankBy, outcomes.rankBy);
  if (outcomes.topN !== undefined) map.set(PRIORITY_KEYS.topN, outcomes.topN);
}

/**
 * The title of an imported board: the file's title marked as a copy, in the board's own
 * language ("Rykkere (kopi)"), so the copy is never mistaken for the original. A title near
 * the limit loses its end, not the mark.
 */
export function copyTitle(title: string, locale: string): string {
  const marked = translate(locale, 'export.import.copyTitle', { title });
  if (marked.length <= LIMITS.titleLength) return marked;
  const mark = marked.length - title.length;
  return translate(locale, 'export.import.copyTitle', {
    title: title.slice(0, Math.max(0, LIMITS.titleLength - mark)),
  });
}
