/**
 * The words an export writes, selected from the one catalogue per language (`../i18n`), so the
 * CSV, the Markdown and the report say what the UI says ("Aftalt" for an agreed action in Danish,
 * everywhere). Templates are ICU messages, formatted with `formatMessage` in the board's locale.
 */
import { catalogueFor, catalogueLocale, type Locale, type MessageKey, type Messages } from '../i18n/index.ts';
import type { Quadrant } from '../prioritize/matrix.ts';
import type { ActionStatus, Channel } from '../schema/card.ts';

/** The columns of an exported action list, in order. */
export const ACTION_LIST_COLUMNS = [
  'rank',
  'text',
  'stage',
  'linkedPains',
  'impact',
  'effort',
  'score',
  'votes',
  'owner',
  'dueDate',
  'status',
  'quadrant',
] as const;
export type ActionListColumn = (typeof ACTION_LIST_COLUMNS)[number];

/** Every word an export writes, so a translation can be passed in whole (tests pass their own). */
export interface ExportLabels {
  columns: Record<ActionListColumn, string>;
  status: Record<ActionStatus, string>;
  quadrant: Record<Quadrant, string>;
  channel: Record<Channel, string>;
  /** Keyed by the emotion value as text: '-2' … '2'. */
  emotion: Record<'-2' | '-1' | '0' | '1' | '2', string>;
  headings: {
    actionList: string;
    /** `{n}`: how many actions are above the cut line. */
    top: string;
    belowLine: string;
    persona: string;
    touchpoints: string;
    pains: string;
    ideas: string;
  };
  phrases: {
    noActions: string;
    emptyStage: string;
    untitled: string;
    /** `{label}` the emotion's name, `{value}` its signed number. */
    emotion: string;
    /** `{text}` the customer's own words at a touchpoint. */
    thought: string;
    /** `{n}` 1…3. */
    severity: string;
    /** `{list}` the linked pains. */
    addresses: string;
    /** `{date}`. */
    generated: string;
  };
}

/** Which catalogue entry each export word is. */
const COLUMN_KEYS: Readonly<Record<ActionListColumn, MessageKey>> = {
  rank: 'export.column.rank',
  text: 'prioritize.col.action',
  stage: 'export.column.stage',
  linkedPains: 'export.column.linkedPains',
  impact: 'prioritize.fields.impact',
  effort: 'prioritize.fields.effort',
  score: 'prioritize.col.score',
  votes: 'prioritize.col.votes',
  owner: 'prioritize.row.owner',
  dueDate: 'prioritize.row.due',
  status: 'prioritize.row.status',
  quadrant: 'export.column.quadrant',
};

function labelsFrom(m: Messages): ExportLabels {
  const columns = Object.fromEntries(ACTION_LIST_COLUMNS.map((c) => [c, m[COLUMN_KEYS[c]]])) as Record<ActionListColumn, string>;
  return {
    columns,
    status: {
      proposed: m['prioritize.status.proposed'],
      agreed: m['prioritize.status.agreed'],
      'in-progress': m['prioritize.status.in-progress'],
      done: m['prioritize.status.done'],
      dropped: m['prioritize.status.dropped'],
    },
    quadrant: {
      'quick-win': m['prioritize.quadrant.quick-win'],
      'big-bet': m['prioritize.quadrant.big-bet'],
      'fill-in': m['prioritize.quadrant.fill-in'],
      'money-pit': m['prioritize.quadrant.money-pit'],
    },
    channel: {
      letter: m['channel.letter'],
      eboks: m['channel.eboks'],
      kivra: m['channel.kivra'],
      sms: m['channel.sms'],
      email: m['channel.email'],
      portal: m['channel.portal'],
      chat: m['channel.chat'],
      phone: m['channel.phone'],
      app: m['channel.app'],
      payment: m['channel.payment'],
    },
    emotion: {
      '-2': m['emotion.-2'],
      '-1': m['emotion.-1'],
      '0': m['emotion.0'],
      '1': m['emotion.1'],
      '2': m['emotion.2'],
    },
    headings: {
      actionList: m['export.actionList.heading'],
      top: m['export.actionList.top'],
      belowLine: m['export.actionList.belowLine'],
      persona: m['export.board.persona'],
      touchpoints: m['lane.kind.touchpoints'],
      pains: m['lane.kind.pains'],
      ideas: m['lane.kind.ideas'],
    },
    phrases: {
      noActions: m['export.report.noActions'],
      emptyStage: m['export.board.emptyStage'],
      untitled: m['export.untitled'],
      emotion: m['export.board.emotion'],
      thought: m['export.board.thought'],
      severity: m['export.report.severity'],
      addresses: m['export.board.addresses'],
      generated: m['export.board.generated'],
    },
  };
}

const BY_LANGUAGE = new Map<Locale, ExportLabels>();

/**
 * The export words for a board's locale, by its language (`da-DK` → Danish, `sv` → Swedish);
 * English for any other or a malformed tag. The same object for the same language.
 */
export function exportLabelsFor(locale: string | null | undefined): ExportLabels {
  const language = catalogueLocale(locale);
  let labels = BY_LANGUAGE.get(language);
  if (!labels) {
    labels = labelsFrom(catalogueFor(language));
    BY_LANGUAGE.set(language, labels);
  }
  return labels;
}

/** English: what an export writes when no labels are passed. */
export const DEFAULT_EXPORT_LABELS: ExportLabels = exportLabelsFor('en');

/** The business case's export words: value columns, the total line and the tracker hand-off's description. */
export interface ValueLabels {
  columns: { value: string; valueLow: string; valueHigh: string; contactsAvoided: string };
  /** `{n}`: how many actions the total covers. */
  totalOfTop: string;
  /** `{low}`, `{high}`: the range of a value. */
  range: string;
  /** Shown where an action has no value yet; `{missing}` names what to add. */
  noValue: string;
  tracker: {
    stage: string;
    linkedPains: string;
    value: string;
    formula: string;
    missing: string;
    score: string;
    /** `{n}` of `{total}`. */
    rank: string;
    /** `{board}`: the board's title. */
    source: string;
  };
}

function valueLabelsFrom(m: Messages): ValueLabels {
  return {
    columns: {
      value: m['export.value.column.value'],
      valueLow: m['export.value.column.valueLow'],
      valueHigh: m['export.value.column.valueHigh'],
      contactsAvoided: m['export.value.column.contactsAvoided'],
    },
    totalOfTop: m['export.value.totalOfTop'],
    range: m['export.value.range'],
    noValue: m['export.value.noValue'],
    tracker: {
      stage: m['export.column.stage'],
      linkedPains: m['export.tracker.linkedPains'],
      value: m['export.value.column.value'],
      formula: m['business.formula'],
      missing: m['export.tracker.missing'],
      score: m['export.tracker.score'],
      rank: m['export.tracker.rank'],
      source: m['export.tracker.source'],
    },
  };
}

const VALUE_BY_LANGUAGE = new Map<Locale, ValueLabels>();

/** The business case's export words for a board's locale, by its language; English for any other. */
export function valueLabelsFor(locale: string | null | undefined): ValueLabels {
  const language = catalogueLocale(locale);
  let labels = VALUE_BY_LANGUAGE.get(language);
  if (!labels) {
    labels = valueLabelsFrom(catalogueFor(language));
    VALUE_BY_LANGUAGE.set(language, labels);
  }
  return labels;
}
