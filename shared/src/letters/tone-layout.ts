/**
 * Where the tone rounds live in the board document: two kinds of keys in the facilitation
 * map (see `facilitation/layout.ts`), written only by the server.
 *
 *   tone         OpenToneRound | null     the open tone round (no ratings in it)
 *   tone:<id>    ToneRoundResult          a closed round with its results per variant, kept for good
 */
import type * as Y from 'yjs';
import { cardsMap } from '../doc/layout.ts';
import { facilitationMap } from '../facilitation/layout.ts';
import { cardSchema, MESSAGE_VARIANTS, type Card, type MessageVariant } from '../schema/card.ts';
import type { OpenToneRound, ToneRoundResult, ToneVariantResult } from './tone.ts';

export const TONE_KEY = 'tone';
export const TONE_ROUND_KEY_PREFIX = 'tone:';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isVariant = (value: unknown): value is MessageVariant => (MESSAGE_VARIANTS as readonly unknown[]).includes(value);

function readOpen(value: unknown): OpenToneRound | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.cardId !== 'string' || !finite(value.startedAt)) return null;
  return { id: value.id, cardId: value.cardId, startedAt: value.startedAt };
}

function readVariant(value: unknown): ToneVariantResult {
  const record = isRecord(value) ? value : {};
  const counts = Array.isArray(record.counts) ? record.counts : [];
  const count = (i: number): number => (finite(counts[i]) && counts[i] >= 0 ? counts[i] : 0);
  return {
    ratings: finite(record.ratings) ? record.ratings : 0,
    mean: finite(record.mean) ? record.mean : null,
    counts: [count(0), count(1), count(2), count(3), count(4)],
  };
}

function readResult(value: unknown): ToneRoundResult | null {
  const base = readOpen(value);
  if (!base || !isRecord(value) || !finite(value.closedAt)) return null;
  const variants = isRecord(value.variants) ? value.variants : {};
  return {
    ...base,
    closedAt: value.closedAt,
    raters: finite(value.raters) ? value.raters : 0,
    variants: { a: readVariant(variants.a), b: readVariant(variants.b) },
    inUse: isVariant(value.inUse) ? value.inUse : null,
  };
}

export const readOpenToneRound = (doc: Y.Doc): OpenToneRound | null => readOpen(facilitationMap(doc).get(TONE_KEY));

/** Closed tone rounds, oldest first. */
export function readToneRounds(doc: Y.Doc): ToneRoundResult[] {
  const out: ToneRoundResult[] = [];
  facilitationMap(doc).forEach((value, key) => {
    if (!key.startsWith(TONE_ROUND_KEY_PREFIX)) return;
    const round = readResult(value);
    if (round) out.push(round);
  });
  return out.sort((a, b) => a.closedAt - b.closedAt || (a.id < b.id ? -1 : 1));
}

export interface ToneState {
  open: OpenToneRound | null;
  /** Closed rounds, oldest first. */
  rounds: ToneRoundResult[];
}

export const readToneState = (doc: Y.Doc): ToneState => ({ open: readOpenToneRound(doc), rounds: readToneRounds(doc) });

export const EMPTY_TONE_STATE: ToneState = Object.freeze({ open: null, rounds: [] });

export function writeOpenToneRound(doc: Y.Doc, round: OpenToneRound, origin: unknown): void {
  doc.transact(() => facilitationMap(doc).set(TONE_KEY, { ...round }), origin);
}

/** Stores a closed round's results and ends the open round if it is this one. */
export function writeToneResult(doc: Y.Doc, result: ToneRoundResult, origin: unknown): void {
  doc.transact(() => {
    const map = facilitationMap(doc);
    const variants = Object.fromEntries(
      MESSAGE_VARIANTS.map((v) => [v, { ...result.variants[v], counts: [...result.variants[v].counts] }]),
    );
    map.set(`${TONE_ROUND_KEY_PREFIX}${result.id}`, { ...result, variants });
    if (readOpenToneRound(doc)?.id === result.id) map.set(TONE_KEY, null);
  }, origin);
}

/** What a tone round needs of a card (kind, channel, message), read defensively; undefined when there is no such card. */
export function readToneCard(doc: Y.Doc, cardId: string): Pick<Card, 'kind' | 'channel' | 'message'> | undefined {
  const record = cardsMap(doc).get(cardId);
  if (!record) return undefined;
  const kind = cardSchema.shape.kind.safeParse(record.get('kind'));
  const channel = cardSchema.shape.channel.safeParse(record.get('channel'));
  const message = cardSchema.shape.message.safeParse(record.get('message'));
  return {
    kind: kind.success ? kind.data : 'note',
    ...(channel.success && channel.data ? { channel: channel.data } : {}),
    ...(message.success && message.data ? { message: message.data } : {}),
  };
}
