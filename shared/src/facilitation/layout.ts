import type * as Y from 'yjs';
import type { CardId, StageId } from '../ids.ts';
import { isValidId } from '../ids.ts';
import { randomId } from '../ids.ts';
import { readTimerValue, STOPPED_TIMER, type TimerValue } from './timer.ts';
import { isVoteTarget, type OpenVoteRound, type VoteRoundResult, type VoteTarget } from './voting.ts';

/**
 * Facilitator-only state, in one top-level map of the board document so that the server can
 * tell from an update's root alone whether it touches it (editors and viewers may not).
 * Every value is one plain JSON value (written whole, read defensively):
 *
 *   facilitation  Y.Map
 *     timer          TimerValue                 server clock (the server writes it for the facilitator)
 *     lockStructure  boolean                    editors may not change stages or lanes
 *     lockBoard      boolean                    editors may not change anything
 *     lockedCards    string[]                   card ids editors may not move or delete
 *     focusStageId   string | null              the stage under discussion; others are dimmed
 *     privateMode    boolean                    editors' new cards go to their private drafts
 *     summon         { x, y, zoom, nonce }      everyone's view jumps here once per nonce (x, y: the
 *                                                summoner's view centre in flow coordinates; screens differ)
 *     voting         OpenVoteRound | null       the open dot-voting round (no votes in it)
 *     round:<id>     VoteRoundResult            a closed round with its totals, kept for good
 *     tone, tone:<id>                           the blind tone round of a letter (`letters/tone-layout.ts`)
 *
 * Rounds are separate keys (not one list) so that closing one never rewrites the others.
 * Only the server writes `timer`, `voting`, `round:*` and `tone*` (it owns the clock and the votes).
 */
export const FACILITATION = 'facilitation';
export const FACILITATION_KEYS = {
  timer: 'timer',
  lockStructure: 'lockStructure',
  lockBoard: 'lockBoard',
  lockedCards: 'lockedCards',
  focusStageId: 'focusStageId',
  privateMode: 'privateMode',
  summon: 'summon',
  voting: 'voting',
} as const;
export const ROUND_KEY_PREFIX = 'round:';

/** `meta` keys only a facilitator (or the server) may change; editors may change the title and personas. */
export const FACILITATOR_META_KEYS: ReadonlySet<string> = new Set(['schemaVersion', 'locale', 'currency']);

export const facilitationMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(FACILITATION);

export interface Locks {
  structure: boolean;
  board: boolean;
  cards: ReadonlySet<string>;
}

export interface SummonValue {
  x: number;
  y: number;
  zoom: number;
  /** Changes on every summon so clients move exactly once per summon. */
  nonce: string;
}

export interface FacilitationState {
  timer: TimerValue;
  locks: Locks;
  focusStageId: StageId | null;
  privateMode: boolean;
  summon: SummonValue | null;
  openRound: OpenVoteRound | null;
  /** Closed rounds, oldest first. */
  rounds: VoteRoundResult[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function readLocks(doc: Y.Doc): Locks {
  const map = facilitationMap(doc);
  const cards = map.get(FACILITATION_KEYS.lockedCards);
  return {
    structure: map.get(FACILITATION_KEYS.lockStructure) === true,
    board: map.get(FACILITATION_KEYS.lockBoard) === true,
    cards: new Set(Array.isArray(cards) ? cards.filter((id): id is string => typeof id === 'string') : []),
  };
}

export const readPrivateMode = (doc: Y.Doc): boolean => facilitationMap(doc).get(FACILITATION_KEYS.privateMode) === true;

export const readTimer = (doc: Y.Doc): TimerValue => readTimerValue(facilitationMap(doc).get(FACILITATION_KEYS.timer));

export function readFocus(doc: Y.Doc): StageId | null {
  const value = facilitationMap(doc).get(FACILITATION_KEYS.focusStageId);
  return isValidId(value) ? (value as StageId) : null;
}

export function readSummon(doc: Y.Doc): SummonValue | null {
  const value = facilitationMap(doc).get(FACILITATION_KEYS.summon);
  if (!isRecord(value) || !finite(value.x) || !finite(value.y) || !finite(value.zoom) || typeof value.nonce !== 'string') {
    return null;
  }
  return { x: value.x, y: value.y, zoom: value.zoom, nonce: value.nonce };
}

function readRoundBase(value: unknown): OpenVoteRound | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !isVoteTarget(value.target)) return null;
  if (!finite(value.votesPerPerson) || !finite(value.startedAt)) return null;
  return {
    id: value.id,
    target: value.target,
    votesPerPerson: value.votesPerPerson,
    allowMultiplePerCard: value.allowMultiplePerCard === true,
    startedAt: value.startedAt,
  };
}

export const readOpenRound = (doc: Y.Doc): OpenVoteRound | null => readRoundBase(facilitationMap(doc).get(FACILITATION_KEYS.voting));

function readRoundResult(value: unknown): VoteRoundResult | null {
  const base = readRoundBase(value);
  if (!base || !isRecord(value) || !finite(value.closedAt)) return null;
  const totals: Record<string, number> = {};
  if (isRecord(value.totals)) {
    for (const [cardId, count] of Object.entries(value.totals)) {
      if (finite(count) && count > 0) totals[cardId] = count;
    }
  }
  return { ...base, closedAt: value.closedAt, totals, voters: finite(value.voters) ? value.voters : 0 };
}

/** Closed rounds, oldest first. */
export function readRounds(doc: Y.Doc): VoteRoundResult[] {
  const out: VoteRoundResult[] = [];
  facilitationMap(doc).forEach((value, key) => {
    if (!key.startsWith(ROUND_KEY_PREFIX)) return;
    const round = readRoundResult(value);
    if (round) out.push(round);
  });
  return out.sort((a, b) => a.closedAt - b.closedAt || (a.id < b.id ? -1 : 1));
}

/**
 * Votes per card for prioritising: each card counts the votes of the latest closed round on
 * its target (a later round on ideas replaces an earlier one; rounds on pains stand apart).
 */
export function readVoteCounts(doc: Y.Doc): Map<CardId, number> {
  const latest = new Map<VoteTarget, VoteRoundResult>();
  for (const round of readRounds(doc)) latest.set(round.target, round);
  const counts = new Map<CardId, number>();
  for (const round of latest.values()) {
    for (const [cardId, count] of Object.entries(round.totals)) counts.set(cardId as CardId, count);
  }
  return counts;
}

export function readFacilitation(doc: Y.Doc): FacilitationState {
  return {
    timer: readTimer(doc),
    locks: readLocks(doc),
    focusStageId: readFocus(doc),
    privateMode: readPrivateMode(doc),
    summon: readSummon(doc),
    openRound: readOpenRound(doc),
    rounds: readRounds(doc),
  };
}

export const EMPTY_FACILITATION: FacilitationState = Object.freeze({
  timer: STOPPED_TIMER,
  locks: { structure: false, board: false, cards: new Set<string>() },
  focusStageId: null,
  privateMode: false,
  summon: null,
  openRound: null,
  rounds: [],
});

/* Writers: one transaction each, with the caller's origin (the facilitator's local origin, or the server's). */

export function setLocks(doc: Y.Doc, patch: { structure?: boolean; board?: boolean }, origin: unknown): void {
  doc.transact(() => {
    const map = facilitationMap(doc);
    if (patch.structure !== undefined) map.set(FACILITATION_KEYS.lockStructure, patch.structure);
    if (patch.board !== undefined) map.set(FACILITATION_KEYS.lockBoard, patch.board);
  }, origin);
}

export function setCardsLocked(doc: Y.Doc, ids: readonly string[], locked: boolean, origin: unknown): void {
  doc.transact(() => {
    const current = new Set(readLocks(doc).cards);
    for (const id of ids) {
      if (locked) current.add(id);
      else current.delete(id);
    }
    facilitationMap(doc).set(FACILITATION_KEYS.lockedCards, [...current].sort());
  }, origin);
}

export function setFocus(doc: Y.Doc, stageId: string | null, origin: unknown): void {
  doc.transact(() => facilitationMap(doc).set(FACILITATION_KEYS.focusStageId, stageId), origin);
}

export function setPrivateMode(doc: Y.Doc, on: boolean, origin: unknown): void {
  doc.transact(() => facilitationMap(doc).set(FACILITATION_KEYS.privateMode, on), origin);
}

/** Asks every client to centre its view on (x, y) in flow coordinates at this zoom. */
export function summonTo(doc: Y.Doc, viewport: { x: number; y: number; zoom: number }, origin: unknown): string {
  const nonce = randomId(10);
  doc.transact(
    () => facilitationMap(doc).set(FACILITATION_KEYS.summon, { x: viewport.x, y: viewport.y, zoom: viewport.zoom, nonce }),
    origin,
  );
  return nonce;
}

export function writeTimer(doc: Y.Doc, timer: TimerValue, origin: unknown): void {
  doc.transact(() => facilitationMap(doc).set(FACILITATION_KEYS.timer, { ...timer }), origin);
}

export function writeOpenRound(doc: Y.Doc, round: OpenVoteRound, origin: unknown): void {
  doc.transact(() => facilitationMap(doc).set(FACILITATION_KEYS.voting, { ...round }), origin);
}

/** Stores a closed round's results and ends the open round if it is this one. */
export function writeRoundResult(doc: Y.Doc, result: VoteRoundResult, origin: unknown): void {
  doc.transact(() => {
    const map = facilitationMap(doc);
    map.set(`${ROUND_KEY_PREFIX}${result.id}`, { ...result, totals: { ...result.totals } });
    if (readOpenRound(doc)?.id === result.id) map.set(FACILITATION_KEYS.voting, null);
  }, origin);
}
