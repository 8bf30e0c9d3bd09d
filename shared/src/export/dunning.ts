/**
 * The dunning journey in exports and the report: the time view (days per stage and per
 * touchpoint), contacts per week, cadence and checkpoint warnings, and each debtor
 * scenario's curve. `dunningSummary` is plain data (the report model carries it);
 * `dunningMarkdown` writes it for the board's Markdown export.
 */
import type { Board } from '../schema/board.ts';
import type { Channel } from '../schema/card.ts';
import type { CadenceRule, DunningStep, ScenarioOutcome } from '../schema/dunning.ts';
import type { CardId, StageId } from '../ids.ts';
import { boardCadenceWarnings, cadenceWindows, contactsOf, type CadenceWarning, type CadenceWindow } from '../dunning/cadence.ts';
import { formatDueDay, formatSpan, stageSpans } from '../dunning/days.ts';
import { dunningLanguage, type DunningLanguage } from '../dunning/defaults.ts';
import { checkpointWarnings, scenarioCurves, type CheckpointWarning } from '../dunning/scenarios.ts';
import type { EmotionPoint } from '../emotion.ts';
import { formatMessage, formatNumber, formatSigned, safeLocale } from '../i18n/index.ts';
import { exportLabelsFor } from './labels.ts';
import { escapeMarkdown } from './markdown.ts';

// ─────────────── export words of the dunning journey (en / da / sv) ───────────────
// Kept in one block so they can move into the shared i18n catalogues in one piece.
interface DunningExportWords {
  heading: string;
  stage: string;
  days: string;
  touchpoints: string;
  undated: string;
  contactsHeading: string;
  week: string;
  contacts: string;
  rulesHeading: string;
  rule: Readonly<Record<CadenceRule['kind'], string>>;
  warningsHeading: string;
  noWarnings: string;
  warning: Readonly<Record<CadenceRule['kind'], string>>;
  inScenarios: string;
  scenariosHeading: string;
  outcome: Readonly<Record<ScenarioOutcome, string>>;
  vulnerable: string;
  curve: string;
  checkpointWarning: string;
  checkpointOutcomeWarning: string;
  step: Readonly<Record<DunningStep, string>>;
}

const STEP_EN: Record<DunningStep, string> = {
  invoice: 'invoice', 'due-notice': 'due-date notice', nudge: 'nudge', reminder: 'reminder', 'final-notice': 'final notice',
  collection: 'collection', 'payment-plan': 'payment plan', legal: 'legal step', promise: 'payment promise',
  'self-service': 'self-service', 'customer-call': 'customer’s call', payment: 'payment',
};

export const DUNNING_EXPORT_WORDS: Readonly<Record<DunningLanguage, DunningExportWords>> = {
  en: {
    heading: 'Time and cadence', stage: 'Stage', days: 'Days', touchpoints: 'Touchpoints', undated: 'no day',
    contactsHeading: 'Contacts per week', week: 'Week', contacts: 'Contacts',
    rulesHeading: 'Cadence rules',
    rule: {
      'max-contacts': 'At most {limit} contacts{channel} in {days} days', 'promise-quiet': 'No demand within {days} days of a payment promise',
      'reminder-spacing': 'Fee-bearing reminders at least {days} days apart', 'reminder-count': 'At most {limit} fee-bearing reminders',
      'fee-cap': 'A {step} charges at most {amount}',
    },
    warningsHeading: 'Cadence warnings', noWarnings: 'No cadence warning.',
    warning: {
      'max-contacts': '{found} contacts between {from} and {to} (at most {limit})', 'promise-quiet': 'A demand on {to}, {found} days after the payment promise on {from}',
      'reminder-spacing': 'Fee-bearing reminders only {found} days apart ({from}, {to})', 'reminder-count': '{found} fee-bearing reminders (at most {limit})',
      'fee-cap': 'A fee of {found} on {from} (at most {limit})',
    },
    inScenarios: 'in: {list}', scenariosHeading: 'Debtor scenarios',
    outcome: { paid: 'paid', 'payment-plan': 'payment plan', collection: 'collection', 'written-off': 'written off' },
    vulnerable: 'vulnerable', curve: 'Emotion by stage',
    checkpointWarning: '{scenario} reaches {card} ({day}) without a hardship offer or breathing space first',
    checkpointOutcomeWarning: '{scenario} ends in collection without a hardship offer or breathing space',
    step: STEP_EN,
  },
  da: {
    heading: 'Tid og kontaktrytme', stage: 'Fase', days: 'Dage', touchpoints: 'Kontaktpunkter', undated: 'ingen dag',
    contactsHeading: 'Kontakter pr. uge', week: 'Uge', contacts: 'Kontakter',
    rulesHeading: 'Regler for kontaktrytme',
    rule: {
      'max-contacts': 'Højst {limit} kontakter{channel} på {days} dage', 'promise-quiet': 'Intet krav inden for {days} dage efter et betalingstilsagn',
      'reminder-spacing': 'Gebyrbelagte rykkere mindst {days} dage fra hinanden', 'reminder-count': 'Højst {limit} gebyrbelagte rykkere',
      'fee-cap': 'Et gebyr for {step} på højst {amount}',
    },
    warningsHeading: 'Advarsler om kontaktrytme', noWarnings: 'Ingen advarsler om kontaktrytme.',
    warning: {
      'max-contacts': '{found} kontakter mellem {from} og {to} (højst {limit})', 'promise-quiet': 'Et krav på {to}, {found} dage efter betalingstilsagnet på {from}',
      'reminder-spacing': 'Gebyrbelagte rykkere kun {found} dage fra hinanden ({from}, {to})', 'reminder-count': '{found} gebyrbelagte rykkere (højst {limit})',
      'fee-cap': 'Et gebyr på {found} på {from} (højst {limit})',
    },
    inScenarios: 'i: {list}', scenariosHeading: 'Skyldnerscenarier',
    outcome: { paid: 'betalt', 'payment-plan': 'afdragsordning', collection: 'inkasso', 'written-off': 'afskrevet' },
    vulnerable: 'sårbar', curve: 'Følelser pr. fase',
    checkpointWarning: '{scenario} når {card} ({day}) uden først at få tilbudt hjælp eller pusterum',
    checkpointOutcomeWarning: '{scenario} ender i inkasso uden tilbud om hjælp eller pusterum',
    step: {
      invoice: 'faktura', 'due-notice': 'påmindelse på forfaldsdagen', nudge: 'påmindelse', reminder: 'rykker', 'final-notice': 'sidste varsel',
      collection: 'inkasso', 'payment-plan': 'afdragsordning', legal: 'retsligt skridt', promise: 'betalingstilsagn',
      'self-service': 'selvbetjening', 'customer-call': 'kundens opkald', payment: 'betaling',
    },
  },
  sv: {
    heading: 'Tid och kontaktfrekvens', stage: 'Fas', days: 'Dagar', touchpoints: 'Kontaktpunkter', undated: 'ingen dag',
    contactsHeading: 'Kontakter per vecka', week: 'Vecka', contacts: 'Kontakter',
    rulesHeading: 'Regler för kontaktfrekvens',
    rule: {
      'max-contacts': 'Högst {limit} kontakter{channel} på {days} dagar', 'promise-quiet': 'Inget krav inom {days} dagar efter ett betalningslöfte',
      'reminder-spacing': 'Avgiftsbelagda påminnelser minst {days} dagar isär', 'reminder-count': 'Högst {limit} avgiftsbelagda påminnelser',
      'fee-cap': 'En avgift för {step} på högst {amount}',
    },
    warningsHeading: 'Varningar om kontaktfrekvens', noWarnings: 'Inga varningar om kontaktfrekvens.',
    warning: {
      'max-contacts': '{found} kontakter mellan {from} och {to} (högst {limit})', 'promise-quiet': 'Ett krav på {to}, {found} dagar efter betalningslöftet på {from}',
      'reminder-spacing': 'Avgiftsbelagda påminnelser bara {found} dagar isär ({from}, {to})', 'reminder-count': '{found} avgiftsbelagda påminnelser (högst {limit})',
      'fee-cap': 'En avgift på {found} på {from} (högst {limit})',
    },
    inScenarios: 'i: {list}', scenariosHeading: 'Gäldenärsscenarier',
    outcome: { paid: 'betald', 'payment-plan': 'avbetalningsplan', collection: 'inkasso', 'written-off': 'avskriven' },
    vulnerable: 'sårbar', curve: 'Känslor per fas',
    checkpointWarning: '{scenario} når {card} ({day}) utan att först få erbjudande om hjälp eller andrum',
    checkpointOutcomeWarning: '{scenario} slutar i inkasso utan erbjudande om hjälp eller andrum',
    step: {
      invoice: 'faktura', 'due-notice': 'påminnelse på förfallodagen', nudge: 'påminnelse', reminder: 'påminnelse', 'final-notice': 'sista påminnelse',
      collection: 'inkassokrav', 'payment-plan': 'avbetalningsplan', legal: 'rättsligt steg', promise: 'betalningslöfte',
      'self-service': 'självbetjäning', 'customer-call': 'kundens samtal', payment: 'betalning',
    },
  },
};
// ─────────────── end of the dunning export words ───────────────

export interface DunningSummary {
  stages: Array<{ stageId: StageId; stageTitle: string; from: number | null; to: number | null; span: string | null }>;
  touchpoints: Array<{ id: CardId; text: string; stageId: StageId; day: number | null; dayText: string | null; channel: Channel | null }>;
  /** Contacts per week over every touchpoint. */
  windows: CadenceWindow[];
  rules: CadenceRule[];
  warnings: Array<CadenceWarning & { alsoIn: string[] }>;
  checkpointWarnings: CheckpointWarning[];
  scenarios: Array<{ id: string; name: string; outcome: ScenarioOutcome; vulnerable: boolean; curve: EmotionPoint[] }>;
}

/** The board's dunning journey as plain data, or null when it has no day, scenario or rule. */
export function dunningSummary(board: Board): DunningSummary | null {
  const touchpoints = board.cards.filter((c) => c.kind === 'touchpoint');
  if (!touchpoints.some((c) => c.dayOffset !== undefined) && board.scenarios.length === 0 && board.cadenceRules.length === 0) return null;
  const title = new Map(board.stages.map((s) => [s.id, s.title]));
  return {
    stages: stageSpans(board).map((s) => ({ stageId: s.stageId, stageTitle: title.get(s.stageId) ?? '', from: s.from, to: s.to, span: formatSpan(s) })),
    touchpoints: touchpoints.map((c) => ({
      id: c.id,
      text: c.text,
      stageId: c.stageId,
      day: c.dayOffset ?? null,
      dayText: c.dayOffset === undefined ? null : formatDueDay(c.dayOffset),
      channel: c.channel ?? null,
    })),
    windows: cadenceWindows(contactsOf(board)),
    rules: board.cadenceRules,
    warnings: boardCadenceWarnings(board),
    checkpointWarnings: checkpointWarnings(board),
    scenarios: scenarioCurves(board).map(({ scenario, curve }) => ({ ...scenario, curve })),
  };
}

/** A rule in words ("At most 3 contacts in 7 days"). */
export function describeCadenceRule(rule: CadenceRule, language: DunningLanguage, locale: string, currency: string): string {
  const words = DUNNING_EXPORT_WORDS[language];
  const channels = exportLabelsFor(language).channel;
  const values: Record<string, string | number> = {
    limit: 'limit' in rule ? rule.limit : '',
    days: 'days' in rule ? rule.days : 'windowDays' in rule ? rule.windowDays : '',
    channel: rule.kind === 'max-contacts' && rule.channel ? ` (${channels[rule.channel]})` : '',
    step: rule.kind === 'fee-cap' ? words.step[rule.step] : '',
    amount: rule.kind === 'fee-cap' ? `${formatNumber(rule.amount, locale)} ${currency}` : '',
  };
  return formatMessage(words.rule[rule.kind], locale, values);
}

/** The dunning sections of the board's Markdown export (empty when the board has no dunning journey). */
export function dunningMarkdown(board: Board, localeTag?: string): string[] {
  const summary = dunningSummary(board);
  if (!summary) return [];
  const locale = safeLocale(localeTag ?? board.locale);
  const language = dunningLanguage(locale);
  const w = DUNNING_EXPORT_WORDS[language];
  const esc = escapeMarkdown;
  const out = [`## ${esc(w.heading)}`, '', `| ${esc(w.stage)} | ${esc(w.days)} | ${esc(w.touchpoints)} |`, '| --- | --- | --- |'];
  for (const stage of summary.stages) {
    const cards = summary.touchpoints
      .filter((t) => t.stageId === stage.stageId)
      .sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity))
      .map((t) => `${esc(t.dayText ?? w.undated)}: ${esc(t.text)}`);
    out.push(`| ${esc(stage.stageTitle)} | ${esc(stage.span ?? '')} | ${cards.join('<br>')} |`);
  }
  out.push('');
  if (summary.windows.length > 0) {
    const channels = exportLabelsFor(language).channel;
    out.push(`### ${esc(w.contactsHeading)}`, '', `| ${esc(w.week)} | ${esc(w.contacts)} |`, '| --- | ---: |');
    for (const window of summary.windows) {
      const perChannel = Object.entries(window.counts)
        .map(([channel, n]) => `${esc(channel === 'none' ? '—' : channels[channel as Channel])} ${formatNumber(n, locale)}`)
        .join(', ');
      out.push(`| ${esc(`${formatDueDay(window.start)} – ${formatDueDay(window.end)}`)} | ${formatNumber(window.total, locale)}${perChannel ? ` (${perChannel})` : ''} |`);
    }
    out.push('');
  }
  const scenarioName = new Map<string, string>(board.scenarios.map((s) => [s.id, s.name]));
  const cardText = new Map(board.cards.map((c) => [c.id, c.text]));
  if (summary.rules.length > 0) {
    out.push(`### ${esc(w.rulesHeading)}`, '', ...summary.rules.map((rule) => `- ${esc(describeCadenceRule(rule, language, locale, board.currency))}`), '');
  }
  out.push(`### ${esc(w.warningsHeading)}`, '');
  const lines = summary.warnings.map((warning) => {
    const text = formatMessage(w.warning[warning.kind], locale, {
      found: warning.kind === 'fee-cap' ? `${formatNumber(warning.found, locale)} ${board.currency}` : formatNumber(warning.found, locale),
      limit: warning.kind === 'fee-cap' ? `${formatNumber(warning.limit, locale)} ${board.currency}` : formatNumber(warning.limit, locale),
      from: formatDueDay(warning.fromDay),
      to: formatDueDay(warning.toDay),
    });
    const scenarios = [warning.scenarioId, ...warning.alsoIn].filter((id): id is string => id !== null).map((id) => scenarioName.get(id) ?? id);
    return `- ${esc(text)}${scenarios.length ? ` — ${esc(formatMessage(w.inScenarios, locale, { list: scenarios.join(', ') }))}` : ''}`;
  });
  for (const warning of summary.checkpointWarnings) {
    const scenario = scenarioName.get(warning.scenarioId) ?? '';
    const card = warning.collectionCardId ? board.cards.find((c) => c.id === warning.collectionCardId) : undefined;
    lines.push(
      `- ${esc(
        card
          ? formatMessage(w.checkpointWarning, locale, { scenario, card: cardText.get(card.id) ?? '', day: card.dayOffset === undefined ? w.undated : formatDueDay(card.dayOffset) })
          : formatMessage(w.checkpointOutcomeWarning, locale, { scenario }),
      )}`,
    );
  }
  out.push(...(lines.length > 0 ? lines : [`_${esc(w.noWarnings)}_`]), '');
  if (summary.scenarios.length > 0) {
    out.push(`### ${esc(w.scenariosHeading)}`, '');
    const stageHeads = board.stages.map((s) => esc(s.title));
    out.push(`| ${esc(w.scenariosHeading)} | ${stageHeads.join(' | ')} |`, `| --- |${board.stages.map(() => ' ---: ').join('|')}|`);
    for (const scenario of summary.scenarios) {
      const label = `${scenario.name} (${w.outcome[scenario.outcome]}${scenario.vulnerable ? `, ${w.vulnerable}` : ''})`;
      const points = scenario.curve.map((p) => (p.mean === null ? '' : formatSigned(Math.round(p.mean * 10) / 10, locale)));
      out.push(`| ${esc(label)} | ${points.join(' | ')} |`);
    }
    out.push('');
  }
  return out;
}
