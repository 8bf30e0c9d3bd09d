/**
 * The dunning journey in exports and the report: the time view (days per stage and per
 * touchpoint), contacts per week, cadence and checkpoint warnings, and each debtor
 * scenario's curve. `dunningSummary` is plain data (the report model carries it);
 * `dunningMarkdown` writes it for the board's Markdown export.
 */
import type { Board } from '../schema/board.ts';
import type { Channel } from '../schema/card.ts';
import type { CadenceRule, ScenarioOutcome } from '../schema/dunning.ts';
import type { CardId, StageId } from '../ids.ts';
import { boardCadenceWarnings, cadenceWindows, contactsOf, type CadenceWarning, type CadenceWindow } from '../dunning/cadence.ts';
import { formatDueDay, formatSpan, stageSpans } from '../dunning/days.ts';
import { checkpointWarnings, scenarioCurves, type CheckpointWarning } from '../dunning/scenarios.ts';
import type { EmotionPoint } from '../emotion.ts';
import {
  describeCadenceRule,
  describeCadenceWarning,
  describeCheckpointWarning,
  describeScenario,
  warningScenarioNames,
} from '../dunning/words.ts';
import { formatNumber, formatSigned, safeLocale, translatorFor } from '../i18n/index.ts';
import { escapeMarkdown } from './markdown.ts';

export interface DunningSummary {
  stages: Array<{ stageId: StageId; stageTitle: string; from: number | null; to: number | null; span: string | null }>;
  touchpoints: Array<{
    id: CardId;
    text: string;
    stageId: StageId;
    day: number | null;
    dayText: string | null;
    channel: Channel | null;
  }>;
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
    stages: stageSpans(board).map((s) => ({
      stageId: s.stageId,
      stageTitle: title.get(s.stageId) ?? '',
      from: s.from,
      to: s.to,
      span: formatSpan(s),
    })),
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

/** The dunning sections of the board's Markdown export (empty when the board has no dunning journey). */
export function dunningMarkdown(board: Board, localeTag?: string): string[] {
  const summary = dunningSummary(board);
  if (!summary) return [];
  const locale = safeLocale(localeTag ?? board.locale);
  const t = translatorFor(locale);
  const esc = escapeMarkdown;
  const out = [
    `## ${esc(t('dunning.heading'))}`,
    '',
    `| ${esc(t('export.column.stage'))} | ${esc(t('dunning.report.days'))} | ${esc(t('lane.kind.touchpoints'))} |`,
    '| --- | --- | --- |',
  ];
  for (const stage of summary.stages) {
    const cards = summary.touchpoints
      .filter((tp) => tp.stageId === stage.stageId)
      .sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity))
      .map((tp) => `${esc(tp.dayText ?? t('dunning.ruler.none'))}: ${esc(tp.text)}`);
    out.push(`| ${esc(stage.stageTitle)} | ${esc(stage.span ?? '')} | ${cards.join('<br>')} |`);
  }
  out.push('');
  if (summary.windows.length > 0) {
    out.push(
      `### ${esc(t('dunning.cadence.heading'))}`,
      '',
      `| ${esc(t('dunning.report.week'))} | ${esc(t('dunning.report.contacts'))} |`,
      '| --- | ---: |',
    );
    for (const window of summary.windows) {
      const perChannel = Object.entries(window.counts)
        .map(([channel, n]) => `${esc(channel === 'none' ? '—' : t(`channel.${channel as Channel}`))} ${formatNumber(n, locale)}`)
        .join(', ');
      out.push(
        `| ${esc(`${formatDueDay(window.start)} – ${formatDueDay(window.end)}`)} | ${formatNumber(window.total, locale)}${perChannel ? ` (${perChannel})` : ''} |`,
      );
    }
    out.push('');
  }
  const money = { locale, currency: board.currency, cadenceRules: board.cadenceRules };
  if (summary.rules.length > 0) {
    out.push(
      `### ${esc(t('dunning.settings.rules'))}`,
      '',
      ...summary.rules.map((rule) => `- ${esc(describeCadenceRule(rule, t, money))}`),
      '',
    );
  }
  out.push(`### ${esc(t('dunning.warnings.heading'))}`, '');
  const lines = summary.warnings.map((warning) => {
    const scenarios = warningScenarioNames(warning, board);
    return `- ${esc(describeCadenceWarning(warning, t, money))}${scenarios ? ` — ${esc(t('dunning.warning.in', { list: scenarios }))}` : ''}`;
  });
  for (const warning of summary.checkpointWarnings) lines.push(`- ${esc(describeCheckpointWarning(warning, t, board))}`);
  out.push(...(lines.length > 0 ? lines : [`_${esc(t('dunning.warnings.none'))}_`]), '');
  if (summary.scenarios.length > 0) {
    out.push(`### ${esc(t('dunning.report.curves'))}`, '');
    const stageHeads = board.stages.map((s) => esc(s.title));
    out.push(
      `| ${esc(t('dunning.settings.scenarios'))} | ${stageHeads.join(' | ')} |`,
      `| --- |${board.stages.map(() => ' ---: ').join('|')}|`,
    );
    for (const scenario of summary.scenarios) {
      const points = scenario.curve.map((p) => (p.mean === null ? '' : formatSigned(Math.round(p.mean * 10) / 10, locale)));
      out.push(`| ${esc(describeScenario(scenario, t))} | ${points.join(' | ')} |`);
    }
    out.push('');
  }
  return out;
}
