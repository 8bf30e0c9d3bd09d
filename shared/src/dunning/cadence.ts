import type { Board } from '../schema/board.ts';
import type { Card, Channel } from '../schema/card.ts';
import { CUSTOMER_STEPS, DEMAND_STEPS, REMINDER_STEPS, type CadenceRule, type CadenceRuleKind } from '../schema/dunning.ts';
import { appliesTo } from './scenarios.ts';

/**
 * Contact cadence: how often, and how, a debtor is contacted. Regulators' debt-collection
 * guidance names over-contact as the first harm. Everything here is a pure function of the
 * board: its touchpoints' days, channels, steps and fees, and its cadence rules.
 *
 * A contact is a touchpoint with a day that the company makes: every dunning step except
 * the customer's own (promise, self-service, customer call, payment). A touchpoint with a
 * day and no step counts as a contact: an unlabelled letter still lands on the doormat.
 */
export interface Contact {
  cardId: Card['id'];
  day: number;
  /** 'none' when the touchpoint names no channel. */
  channel: Channel | 'none';
  step: Card['dunningStep'];
  fee: number;
}

const isContact = (card: Card): card is Card & { dayOffset: number } =>
  card.kind === 'touchpoint' &&
  card.dayOffset !== undefined &&
  card.channel !== 'payment' &&
  !(card.dunningStep !== undefined && CUSTOMER_STEPS.has(card.dunningStep));

/** The contacts of one debtor's path (null: every touchpoint), by day. */
export function contactsOf(board: Pick<Board, 'cards'>, scenarioId: string | null = null): Contact[] {
  return board.cards
    .filter((card) => isContact(card) && appliesTo(card, scenarioId))
    .map(
      (card): Contact => ({
        cardId: card.id,
        day: card.dayOffset as number,
        channel: card.channel ?? 'none',
        step: card.dunningStep,
        fee: card.fee ?? 0,
      }),
    )
    .sort((a, b) => a.day - b.day || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
}

/** One week of the cadence strip: days [start, start + size − 1], counted per channel. */
export interface CadenceWindow {
  start: number;
  end: number;
  counts: Partial<Record<Channel | 'none', number>>;
  total: number;
}

/**
 * Contacts per channel per window of `size` days, windows aligned to the due date (D0–D+6,
 * D+7–D+13, D−7–D−1 …), every window from the first contact's to the last's (empty ones too:
 * a quiet week is information).
 */
export function cadenceWindows(contacts: readonly Contact[], size = 7): CadenceWindow[] {
  if (contacts.length === 0) return [];
  const startOf = (day: number) => Math.floor(day / size) * size;
  const first = startOf(Math.min(...contacts.map((c) => c.day)));
  const last = startOf(Math.max(...contacts.map((c) => c.day)));
  const windows: CadenceWindow[] = [];
  for (let start = first; start <= last; start += size) windows.push({ start, end: start + size - 1, counts: {}, total: 0 });
  for (const contact of contacts) {
    const window = windows[(startOf(contact.day) - first) / size] as CadenceWindow;
    window.counts[contact.channel] = (window.counts[contact.channel] ?? 0) + 1;
    window.total += 1;
  }
  return windows;
}

/** A rule broken on one debtor's path. */
export interface CadenceWarning {
  ruleId: CadenceRule['id'];
  kind: CadenceRuleKind;
  /** The scenario whose path breaks it; null on a board without scenarios. */
  scenarioId: string | null;
  /** The touchpoints involved, by day. */
  cardIds: Array<Card['id']>;
  fromDay: number;
  toDay: number;
  /** How many (contacts, reminders) or how much (a fee) against the rule's limit. */
  found: number;
  limit: number;
}

const feeBearing = (contacts: readonly Contact[]) =>
  contacts.filter((c) => c.step !== undefined && REMINDER_STEPS.has(c.step) && c.fee > 0);

function warning(
  rule: CadenceRule,
  scenarioId: string | null,
  involved: readonly Contact[],
  found: number,
  limit: number,
  extra: Array<Card['id']> = [],
): CadenceWarning {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    scenarioId,
    cardIds: [...extra, ...involved.map((c) => c.cardId)],
    fromDay: Math.min(...involved.map((c) => c.day)),
    toDay: Math.max(...involved.map((c) => c.day)),
    found,
    limit,
  };
}

/** Over-contact: every run of more than `limit` contacts within `windowDays` days, each run reported once. */
function maxContacts(
  rule: Extract<CadenceRule, { kind: 'max-contacts' }>,
  contacts: readonly Contact[],
  scenarioId: string | null,
): CadenceWarning[] {
  const counted = rule.channel ? contacts.filter((c) => c.channel === rule.channel) : contacts;
  const out: CadenceWarning[] = [];
  let reportedUpTo = -1;
  for (let i = 0; i < counted.length; i += 1) {
    const start = counted[i] as Contact;
    let j = i;
    while (j + 1 < counted.length && (counted[j + 1] as Contact).day <= start.day + rule.windowDays - 1) j += 1;
    // A window adds a warning only when it reaches a contact no earlier warning covered.
    if (j - i + 1 > rule.limit && j > reportedUpTo) {
      out.push(warning(rule, scenarioId, counted.slice(i, j + 1), j - i + 1, rule.limit));
      reportedUpTo = j;
    }
  }
  return out;
}

/** The warnings of one debtor's path (null: every touchpoint, for a board without scenarios). */
export function cadenceWarnings(board: Pick<Board, 'cards' | 'cadenceRules'>, scenarioId: string | null = null): CadenceWarning[] {
  const contacts = contactsOf(board, scenarioId);
  const promises = board.cards.filter(
    (card) => card.kind === 'touchpoint' && card.dunningStep === 'promise' && card.dayOffset !== undefined && appliesTo(card, scenarioId),
  );
  const out: CadenceWarning[] = [];
  for (const rule of board.cadenceRules) {
    switch (rule.kind) {
      case 'max-contacts':
        out.push(...maxContacts(rule, contacts, scenarioId));
        break;
      case 'promise-quiet':
        for (const promise of promises) {
          const day = promise.dayOffset as number;
          for (const demand of contacts) {
            if (demand.step !== undefined && DEMAND_STEPS.has(demand.step) && demand.day >= day && demand.day - day < rule.days) {
              out.push({
                ...warning(rule, scenarioId, [demand], demand.day - day, rule.days, [promise.id]),
                fromDay: day,
              });
            }
          }
        }
        break;
      case 'reminder-spacing': {
        const reminders = feeBearing(contacts);
        for (let i = 1; i < reminders.length; i += 1) {
          const [a, b] = [reminders[i - 1] as Contact, reminders[i] as Contact];
          if (b.day - a.day < rule.days) out.push(warning(rule, scenarioId, [a, b], b.day - a.day, rule.days));
        }
        break;
      }
      case 'reminder-count': {
        const reminders = feeBearing(contacts);
        if (reminders.length > rule.limit) out.push(warning(rule, scenarioId, reminders, reminders.length, rule.limit));
        break;
      }
      case 'fee-cap':
        for (const contact of contacts) {
          if (contact.step === rule.step && contact.fee > rule.amount)
            out.push(warning(rule, scenarioId, [contact], contact.fee, rule.amount));
        }
        break;
    }
  }
  return out;
}

/**
 * Every path's warnings: each scenario's, or the whole board's when it has none. A warning
 * that several scenarios share (the same rule, the same touchpoints) is listed once, under
 * the first scenario, with the others in `alsoIn`.
 */
export function boardCadenceWarnings(
  board: Pick<Board, 'cards' | 'cadenceRules' | 'scenarios'>,
): Array<CadenceWarning & { alsoIn: string[] }> {
  if (board.scenarios.length === 0) return cadenceWarnings(board, null).map((w) => ({ ...w, alsoIn: [] }));
  const byKey = new Map<string, CadenceWarning & { alsoIn: string[] }>();
  for (const scenario of board.scenarios) {
    for (const w of cadenceWarnings(board, scenario.id)) {
      const key = `${w.ruleId}|${w.cardIds.join(',')}`;
      const seen = byKey.get(key);
      if (seen) seen.alsoIn.push(scenario.id);
      else byKey.set(key, { ...w, alsoIn: [] });
    }
  }
  return [...byKey.values()];
}
