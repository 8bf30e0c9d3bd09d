import type { ActionStatus, Channel } from '../schema/card.ts';
import type { Quadrant } from '../prioritize/matrix.ts';

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

/**
 * Every word an export writes, so a translation can be passed in whole. Templates hold
 * `{name}` placeholders (see `fillIn`) so a language can put words in its own order.
 */
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

export const DEFAULT_EXPORT_LABELS: ExportLabels = {
  columns: {
    rank: 'Rank',
    text: 'Action',
    stage: 'Stage',
    linkedPains: 'Linked pain points',
    impact: 'Impact',
    effort: 'Effort',
    score: 'Score',
    votes: 'Votes',
    owner: 'Owner',
    dueDate: 'Due date',
    status: 'Status',
    quadrant: 'Quadrant',
  },
  status: {
    proposed: 'Proposed',
    agreed: 'Agreed',
    'in-progress': 'In progress',
    done: 'Done',
    dropped: 'Dropped',
  },
  quadrant: {
    'quick-win': 'Quick win',
    'big-bet': 'Big bet',
    'fill-in': 'Fill-in',
    'money-pit': 'Money pit',
  },
  channel: {
    letter: 'Letter',
    sms: 'SMS',
    email: 'E-mail',
    portal: 'Portal',
    chat: 'Chat',
    phone: 'Phone',
    app: 'App',
    payment: 'Payment',
  },
  emotion: {
    '-2': 'very negative',
    '-1': 'negative',
    '0': 'neutral',
    '1': 'positive',
    '2': 'very positive',
  },
  headings: {
    actionList: 'Prioritised actions',
    top: 'Top {n}',
    belowLine: 'Below the line',
    persona: 'Persona',
    touchpoints: 'Touchpoints',
    pains: 'Pain points',
    ideas: 'Ideas',
  },
  phrases: {
    noActions: 'No actions yet.',
    emptyStage: 'Nothing mapped yet.',
    untitled: 'Untitled',
    emotion: '{label} ({value})',
    thought: '“{text}”',
    severity: 'severity {n}',
    addresses: 'addresses: {list}',
    generated: 'Generated {date}',
  },
};

/** Puts values into a label template: fillIn('Top {n}', { n: 12 }) → 'Top 12'. Unknown names stay. */
export function fillIn(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** Danish export words, matching the Danish UI and templates (»…« quotes). */
export const EXPORT_LABELS_DA: ExportLabels = {
  columns: {
    rank: 'Placering',
    text: 'Handling',
    stage: 'Fase',
    linkedPains: 'Tilknyttede smertepunkter',
    impact: 'Effekt',
    effort: 'Indsats',
    score: 'Score',
    votes: 'Stemmer',
    owner: 'Ansvarlig',
    dueDate: 'Frist',
    status: 'Status',
    quadrant: 'Kvadrant',
  },
  status: {
    proposed: 'Foreslået',
    agreed: 'Vedtaget',
    'in-progress': 'I gang',
    done: 'Færdig',
    dropped: 'Fravalgt',
  },
  quadrant: {
    'quick-win': 'Hurtig gevinst',
    'big-bet': 'Stor satsning',
    'fill-in': 'Lille forbedring',
    'money-pit': 'Pengesluger',
  },
  channel: {
    letter: 'Brev',
    sms: 'SMS',
    email: 'E-mail',
    portal: 'Portal',
    chat: 'Chat',
    phone: 'Telefon',
    app: 'App',
    payment: 'Betaling',
  },
  emotion: {
    '-2': 'meget negativ',
    '-1': 'negativ',
    '0': 'neutral',
    '1': 'positiv',
    '2': 'meget positiv',
  },
  headings: {
    actionList: 'Prioriterede handlinger',
    top: 'Top {n}',
    belowLine: 'Under stregen',
    persona: 'Persona',
    touchpoints: 'Kontaktpunkter',
    pains: 'Smertepunkter',
    ideas: 'Idéer',
  },
  phrases: {
    noActions: 'Ingen handlinger endnu.',
    emptyStage: 'Intet kortlagt endnu.',
    untitled: 'Uden titel',
    emotion: '{label} ({value})',
    thought: '»{text}«',
    severity: 'alvorlighed {n}',
    addresses: 'løser: {list}',
    generated: 'Genereret {date}',
  },
};

/** Swedish export words, matching the Swedish UI and templates (”…” quotes). */
export const EXPORT_LABELS_SV: ExportLabels = {
  columns: {
    rank: 'Placering',
    text: 'Åtgärd',
    stage: 'Fas',
    linkedPains: 'Kopplade smärtpunkter',
    impact: 'Effekt',
    effort: 'Insats',
    score: 'Poäng',
    votes: 'Röster',
    owner: 'Ansvarig',
    dueDate: 'Klart senast',
    status: 'Status',
    quadrant: 'Kvadrant',
  },
  status: {
    proposed: 'Föreslagen',
    agreed: 'Beslutad',
    'in-progress': 'Pågår',
    done: 'Klar',
    dropped: 'Slopad',
  },
  quadrant: {
    'quick-win': 'Snabb vinst',
    'big-bet': 'Stor satsning',
    'fill-in': 'Liten förbättring',
    'money-pit': 'Pengaslukare',
  },
  channel: {
    letter: 'Brev',
    sms: 'SMS',
    email: 'E-post',
    portal: 'Portal',
    chat: 'Chatt',
    phone: 'Telefon',
    app: 'App',
    payment: 'Betalning',
  },
  emotion: {
    '-2': 'mycket negativ',
    '-1': 'negativ',
    '0': 'neutral',
    '1': 'positiv',
    '2': 'mycket positiv',
  },
  headings: {
    actionList: 'Prioriterade åtgärder',
    top: 'Topp {n}',
    belowLine: 'Under strecket',
    persona: 'Persona',
    touchpoints: 'Kontaktpunkter',
    pains: 'Smärtpunkter',
    ideas: 'Idéer',
  },
  phrases: {
    noActions: 'Inga åtgärder ännu.',
    emptyStage: 'Inget kartlagt ännu.',
    untitled: 'Utan titel',
    emotion: '{label} ({value})',
    thought: '”{text}”',
    severity: 'allvarlighetsgrad {n}',
    addresses: 'åtgärdar: {list}',
    generated: 'Genererad {date}',
  },
};

const EXPORT_LABELS_BY_LANGUAGE: Readonly<Record<string, ExportLabels>> = {
  en: DEFAULT_EXPORT_LABELS,
  da: EXPORT_LABELS_DA,
  sv: EXPORT_LABELS_SV,
};

/**
 * The export words for a board's locale, by its language (`da-DK` → Danish, `sv` → Swedish);
 * English for any other or a malformed tag.
 */
export function exportLabelsFor(locale: string | null | undefined): ExportLabels {
  const language = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return EXPORT_LABELS_BY_LANGUAGE[language] ?? DEFAULT_EXPORT_LABELS;
}
