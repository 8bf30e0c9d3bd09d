/**
 * What an action is worth a year, computed from the board's own figures.
 *
 * An idea states its expected effects (`Card.effects`) in the terms of the touchpoints'
 * figures (`Card.metrics`):
 *
 * | effect          | contacts avoided a year                      | value a year                               |
 * |-----------------|----------------------------------------------|--------------------------------------------|
 * | fewer-contacts  | volume × share                               | contacts avoided × cost per contact        |
 * | response-rate   | volume at `avoidsAt` × (rate − rate today)   | contacts avoided × cost per contact there  |
 * | customers-kept  | —                                            | customers × yearly revenue × lifetime      |
 * | cost-avoided    | —                                            | volume × share × amount per contact        |
 *
 * A figure that is not on the board is never guessed: the effect gets no value and the
 * figure is named ("add the cost per contact at …"). An idea's value is the sum of the
 * effects that could be valued; with none, it has no value (null), not zero.
 *
 * The range comes from the idea's confidence (1…5, 3 when not set):
 * low = value × (1 − spread), high = value × (1 + spread), spread in `CONFIDENCE_SPREAD`.
 * Contacts are rounded to whole contacts and money to cents, both monotonic, so more
 * contacts avoided never lower the value.
 */
import type { CardId } from '../ids.ts';
import type { Board } from '../schema/board.ts';
import type { Card, IdeaEffect } from '../schema/card.ts';
import { count, money, percent, score, text, years, type BusinessText } from './text.ts';

/** How far the value may be off either way, by the idea's confidence (1 = a guess, 5 = measured elsewhere). */
export const CONFIDENCE_SPREAD: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = {
  1: 0.8,
  2: 0.6,
  3: 0.4,
  4: 0.25,
  5: 0.1,
};
/** Confidence assumed when the idea has none: the middle of the scale. */
export const NEUTRAL_CONFIDENCE = 3;

export interface ValueRange {
  low: number;
  mid: number;
  high: number;
}

export interface EffectValue {
  effect: IdeaEffect;
  /** Contacts no longer made a year, or null (not a contact effect, or a figure missing). */
  contactsAvoided: number | null;
  /** Money a year, or null when a figure is missing. */
  value: number | null;
  /** The arithmetic, as far as the figures go. */
  formula: BusinessText[];
  /** The figures that must be added before this effect can be valued. */
  missing: BusinessText[];
}

export interface BusinessCase {
  ideaId: CardId;
  effects: EffectValue[];
  /** Sum over the effects that avoid contacts; null when none could be counted. */
  contactsAvoided: number | null;
  /** Money a year; null when no effect could be valued. */
  value: ValueRange | null;
  /** Every effect was valued (no figure missing). */
  complete: boolean;
  confidence: number;
  confidenceAssumed: boolean;
  /** The formula in words: each effect's lines, then the range. */
  formula: BusinessText[];
  /** Missing figures, each named once. */
  missing: BusinessText[];
}

const roundContacts = (n: number): number => Math.round(n);
const roundMoney = (n: number): number => Math.round(n * 100) / 100;
const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Looks touchpoints up by id and names them for the texts (card text and stage title). */
export interface FigureSource {
  touchpoint(id: string): Card | undefined;
  stageTitle(card: Card): string;
}

export function figureSource(board: Pick<Board, 'cards' | 'stages'>): FigureSource {
  const byId = new Map<string, Card>(board.cards.filter((c) => c.kind === 'touchpoint').map((c) => [c.id, c]));
  const stageTitles = new Map<string, string>(board.stages.map((s) => [s.id, s.title]));
  return { touchpoint: (id) => byId.get(id), stageTitle: (card) => stageTitles.get(card.stageId) ?? '' };
}

const at = (source: FigureSource, card: Card) => ({
  touchpoint: text(card.text),
  stage: text(source.stageTitle(card)),
});

/** Contacts avoided × cost per contact at `card`, or the cost named as missing. */
function contactValue(source: FigureSource, card: Card, contacts: number, out: EffectValue): void {
  out.contactsAvoided = contacts;
  const cost = card.metrics?.costPerContact;
  if (!isNumber(cost)) {
    out.missing.push({ key: 'missing.costPerContact', args: at(source, card) });
    return;
  }
  out.value = roundMoney(contacts * cost);
  out.formula.push({
    key: 'formula.contactsValue',
    args: { contacts: count(contacts), cost: money(cost), value: money(out.value) },
  });
}

function volumeOf(source: FigureSource, card: Card, out: EffectValue): number | null {
  const volume = card.metrics?.yearlyVolume;
  if (isNumber(volume)) return volume;
  out.missing.push({ key: 'missing.yearlyVolume', args: at(source, card) });
  return null;
}

function lookUp(source: FigureSource, id: string, out: EffectValue): Card | null {
  const card = source.touchpoint(id);
  if (card) return card;
  out.missing.push({ key: 'missing.touchpoint', args: {} });
  return null;
}

/** One effect's contacts avoided and value, with its formula and missing figures. */
export function effectValue(effect: IdeaEffect, source: FigureSource): EffectValue {
  const out: EffectValue = { effect, contactsAvoided: null, value: null, formula: [], missing: [] };
  switch (effect.kind) {
    case 'fewer-contacts': {
      const card = lookUp(source, effect.touchpointId, out);
      const volume = card && volumeOf(source, card, out);
      if (!card || volume === null) break;
      const contacts = roundContacts(volume * effect.share);
      out.formula.push({
        key: 'formula.fewerContacts',
        args: { ...at(source, card), volume: count(volume), share: percent(effect.share), contacts: count(contacts) },
      });
      contactValue(source, card, contacts, out);
      break;
    }
    case 'response-rate': {
      const card = lookUp(source, effect.touchpointId, out);
      const avoided = effect.avoidsAt === undefined ? card : lookUp(source, effect.avoidsAt, out);
      if (!card || !avoided) break;
      const from = effect.from ?? card.metrics?.responseRate;
      if (!isNumber(from)) out.missing.push({ key: 'missing.responseRate', args: at(source, card) });
      const volume = volumeOf(source, avoided, out);
      if (!isNumber(from) || volume === null) break;
      const gain = Math.max(0, effect.rate - from);
      const contacts = roundContacts(volume * gain);
      out.formula.push({
        key: 'formula.responseRate',
        args: {
          ...at(source, card),
          from: percent(from),
          rate: percent(effect.rate),
          avoidsAt: text(avoided.text),
          volume: count(volume),
          gain: percent(gain),
          contacts: count(contacts),
        },
      });
      contactValue(source, avoided, contacts, out);
      break;
    }
    case 'customers-kept': {
      const { customersPerYear: customers, revenuePerCustomerYear: revenue, lifetimeYears: lifetime } = effect;
      if (!isNumber(customers)) out.missing.push({ key: 'missing.customersPerYear', args: {} });
      if (!isNumber(revenue)) out.missing.push({ key: 'missing.revenuePerCustomerYear', args: {} });
      if (!isNumber(lifetime)) out.missing.push({ key: 'missing.lifetimeYears', args: {} });
      if (!isNumber(customers) || !isNumber(revenue) || !isNumber(lifetime)) break;
      out.value = roundMoney(customers * revenue * lifetime);
      out.formula.push({
        key: 'formula.customersKept',
        args: { customers: count(customers), revenue: money(revenue), years: years(lifetime), value: money(out.value) },
      });
      break;
    }
    case 'cost-avoided': {
      const card = lookUp(source, effect.touchpointId, out);
      if (!card) break;
      const volume = volumeOf(source, card, out);
      if (!isNumber(effect.amountPerContact)) out.missing.push({ key: 'missing.amountPerContact', args: at(source, card) });
      if (volume === null || !isNumber(effect.amountPerContact)) break;
      const share = effect.share ?? 1;
      out.value = roundMoney(volume * share * effect.amountPerContact);
      out.formula.push({
        key: 'formula.costAvoided',
        args: {
          ...at(source, card),
          volume: count(volume),
          share: percent(share),
          amount: money(effect.amountPerContact),
          value: money(out.value),
        },
      });
      break;
    }
  }
  return out;
}

/** The low–high range around a value, from a confidence of 1…5 (clamped; unset = 3). */
export function valueRange(mid: number, confidence: number | undefined): ValueRange {
  const level = (isNumber(confidence) ? Math.min(5, Math.max(1, Math.round(confidence))) : NEUTRAL_CONFIDENCE) as 1 | 2 | 3 | 4 | 5;
  const spread = CONFIDENCE_SPREAD[level];
  return { low: roundMoney(mid * (1 - spread)), mid, high: roundMoney(mid * (1 + spread)) };
}

const textKey = (t: BusinessText): string => `${t.key}|${JSON.stringify(t.args)}`;

/** The business case of one idea (see the module comment). `source` defaults to the board's touchpoints. */
export function businessCase(idea: Card, source: FigureSource): BusinessCase {
  const effects = (idea.effects ?? []).map((effect) => effectValue(effect, source));
  const valued = effects.filter((e) => e.value !== null);
  const counted = effects.filter((e) => e.contactsAvoided !== null);
  const confidenceAssumed = !isNumber(idea.confidence);
  const confidence = confidenceAssumed ? NEUTRAL_CONFIDENCE : Math.min(5, Math.max(1, Math.round(idea.confidence as number)));
  const mid = roundMoney(valued.reduce((sum, e) => sum + (e.value as number), 0));
  const value = valued.length > 0 ? valueRange(mid, confidence) : null;
  const formula = effects.flatMap((e) => e.formula);
  if (value) {
    formula.push({
      key: 'formula.range',
      args: {
        confidence: score(confidence),
        spread: percent(CONFIDENCE_SPREAD[confidence as 1 | 2 | 3 | 4 | 5]),
        low: money(value.low),
        high: money(value.high),
      },
    });
    if (confidenceAssumed) formula.push({ key: 'formula.confidenceAssumed', args: { confidence: score(NEUTRAL_CONFIDENCE) } });
  }
  const seen = new Set<string>();
  const missing: BusinessText[] = effects.length === 0 ? [{ key: 'missing.effects', args: {} }] : [];
  for (const m of effects.flatMap((e) => e.missing)) {
    if (seen.has(textKey(m))) continue;
    seen.add(textKey(m));
    missing.push(m);
  }
  return {
    ideaId: idea.id,
    effects,
    contactsAvoided: counted.length > 0 ? counted.reduce((sum, e) => sum + (e.contactsAvoided as number), 0) : null,
    value,
    complete: effects.length > 0 && missing.length === 0,
    confidence,
    confidenceAssumed,
    formula,
    missing,
  };
}

/** Every idea's business case, by id. */
export function businessCases(board: Pick<Board, 'cards' | 'stages'>): Map<CardId, BusinessCase> {
  const source = figureSource(board);
  return new Map(board.cards.filter((c) => c.kind === 'idea').map((c) => [c.id, businessCase(c, source)]));
}

/** The sum of the values of some business cases (those without a value add nothing); null when none has one. */
export function totalValue(cases: Iterable<BusinessCase | null | undefined>): ValueRange | null {
  let total: ValueRange | null = null;
  for (const c of cases) {
    if (!c?.value) continue;
    total = total ?? { low: 0, mid: 0, high: 0 };
    total = {
      low: roundMoney(total.low + c.value.low),
      mid: roundMoney(total.mid + c.value.mid),
      high: roundMoney(total.high + c.value.high),
    };
  }
  return total;
}
