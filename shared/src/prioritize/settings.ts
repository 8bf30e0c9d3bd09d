import type * as Y from 'yjs';
import { FACILITATION, facilitationMap } from '../facilitation/layout.ts';
import { DEFAULT_TOP_N, RANK_MODES, type RankBy } from './rank.ts';

/**
 * How the facilitator ranks the to-do list and where the cut line goes. Shared by everyone
 * on the board (the list, the exports and the report follow it), and the facilitator's
 * alone to change, so it lives in the `facilitation` map (the server refuses editors'
 * and viewers' writes there) under two keys of its own:
 *
 *   facilitation.rankBy   RankBy   default 'score'
 *   facilitation.topN     number   1 … MAX_TOP_N, default DEFAULT_TOP_N (12)
 */
export const PRIORITY_KEYS = { rankBy: 'rankBy', topN: 'topN' } as const;
export const PRIORITY_SETTINGS_MAP = FACILITATION;

/** The largest cut line one can set: far above any workshop's list. */
export const MAX_TOP_N = 200;

export interface PrioritySettings {
  rankBy: RankBy;
  topN: number;
}

export const DEFAULT_PRIORITY_SETTINGS: Readonly<PrioritySettings> = Object.freeze({
  rankBy: 'score',
  topN: DEFAULT_TOP_N,
});

export const isRankBy = (value: unknown): value is RankBy => typeof value === 'string' && (RANK_MODES as readonly string[]).includes(value);

/** A cut line from untrusted input (a document value, a query parameter), or undefined if unusable. */
export function parseTopN(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
  const whole = Math.floor(n);
  return whole >= 1 ? Math.min(whole, MAX_TOP_N) : undefined;
}

export function readPrioritySettings(doc: Y.Doc): PrioritySettings {
  const map = facilitationMap(doc);
  const rankBy = map.get(PRIORITY_KEYS.rankBy);
  return {
    rankBy: isRankBy(rankBy) ? rankBy : DEFAULT_PRIORITY_SETTINGS.rankBy,
    topN: parseTopN(map.get(PRIORITY_KEYS.topN)) ?? DEFAULT_PRIORITY_SETTINGS.topN,
  };
}

/** Changes the ranking mode and/or the cut line, in one transaction with the caller's origin. */
export function setPrioritySettings(doc: Y.Doc, patch: Partial<PrioritySettings>, origin: unknown): void {
  const rankBy = patch.rankBy;
  const topN = patch.topN === undefined ? undefined : parseTopN(patch.topN);
  if (rankBy !== undefined && !isRankBy(rankBy)) throw new RangeError(`unknown ranking "${String(rankBy)}"`);
  if (patch.topN !== undefined && topN === undefined) throw new RangeError(`top N must be a whole number from 1 to ${MAX_TOP_N}`);
  doc.transact(() => {
    const map = facilitationMap(doc);
    if (rankBy !== undefined && map.get(PRIORITY_KEYS.rankBy) !== rankBy) map.set(PRIORITY_KEYS.rankBy, rankBy);
    if (topN !== undefined && map.get(PRIORITY_KEYS.topN) !== topN) map.set(PRIORITY_KEYS.topN, topN);
  }, origin);
}
