/**
 * The dunning journey of a report, ready to draw: every sentence in the report's language (from
 * the catalogue, through `dunning/words.ts`) and the per-scenario curves as numbers only. The
 * server's report.html and the browser's report page both render this, so they never disagree
 * and neither holds a word of its own. User text (stage titles, touchpoints, scenario names) is
 * plain text here; each renderer escapes it (the server with `escapeHtml`, React by itself).
 */
import type { Channel } from '../schema/card.ts';
import { formatDueDay } from '../dunning/days.ts';
import {
  describeCadenceRule,
  describeCadenceWarning,
  describeCheckpointWarning,
  describeScenario,
  warningScenarioNames,
} from '../dunning/words.ts';
import { formatNumber, formatSigned, translatorFor } from '../i18n/index.ts';
import { emotionChartGeometry, type EmotionChartGeometry } from './chart.ts';
import type { ReportModel } from './report.ts';

/** One colour per scenario, in order (the time view uses the same). Colours, never user text, go into the SVG. */
export const SCENARIO_COLOURS = [
  '#2c64a6',
  '#b26b00',
  '#6b4fa0',
  '#ab3d36',
  '#2d8a57',
  '#00798c',
  '#8a6000',
  '#5c6b7a',
  '#c2185b',
  '#33691e',
  '#4e342e',
  '#283593',
] as const;

export interface DunningViewSeries {
  id: string;
  /** "Forgot (Paid)". */
  label: string;
  colour: string;
  /** SVG path `d` strings (numbers only). */
  paths: string[];
  points: Array<{ x: number; y: number; title: string }>;
}

export interface DunningReportView {
  heading: string;
  time: {
    heading: string;
    columns: { stage: string; days: string; touchpoints: string };
    rows: Array<{
      stageId: string;
      stageTitle: string;
      span: string;
      touchpoints: Array<{ id: string; day: string; text: string; channel: string }>;
    }>;
  };
  cadence: {
    heading: string;
    columns: { week: string; contacts: string };
    weeks: Array<{ start: number; range: string; total: string; channels: string; warned: boolean }>;
  };
  rules: { heading: string; items: string[] };
  warnings: { heading: string; none: string; items: Array<{ text: string; scenarios: string }> };
  curves: {
    heading: string;
    label: string;
    geometry: Pick<EmotionChartGeometry, 'width' | 'height' | 'plot' | 'gridlines' | 'stages' | 'stageWidth'>;
    gridLabels: string[];
    stageTitles: string[];
    series: DunningViewSeries[];
  } | null;
}

/**
 * The report model's dunning journey as text and geometry, or null when the board has none.
 * `language`: whose words (the browser's report page passes the viewer's); default the board's.
 */
export function dunningReportView(
  model: Pick<ReportModel, 'dunning' | 'locale' | 'currency'>,
  language: string = model.locale,
  /** The locale numbers are written in: the board's, whatever the language. */
  numbers: string = model.locale,
): DunningReportView | null {
  const summary = model.dunning;
  if (!summary) return null;
  const { currency } = model;
  const locale = numbers;
  const t = translatorFor(language);
  const n = (value: number) => formatNumber(value, locale);
  const rulesOf = { locale, currency, cadenceRules: summary.rules };
  const cards = summary.touchpoints.map((tp) => ({ id: tp.id, text: tp.text, dayOffset: tp.day ?? undefined }));
  const words = { cards, scenarios: summary.scenarios };
  const channelName = (channel: Channel | 'none') => (channel === 'none' ? '—' : t(`channel.${channel}`));

  const overContact = summary.warnings.filter((w) => w.kind === 'max-contacts');
  const warnings = [
    ...summary.warnings.map((w) => ({
      text: describeCadenceWarning(w, t, rulesOf),
      scenarios: warningScenarioNames(w, words),
    })),
    ...summary.checkpointWarnings.map((w) => ({ text: describeCheckpointWarning(w, t, words), scenarios: '' })),
  ].map((w) => ({ text: w.text, scenarios: w.scenarios ? t('dunning.warning.in', { list: w.scenarios }) : '' }));

  const stageTitles = summary.stages.map((s) => s.stageTitle);
  const withCurves = summary.scenarios.filter((s) => s.curve.some((p) => p.mean !== null));
  const geometries = withCurves.map((s) => emotionChartGeometry(s.curve));
  const first = geometries[0];
  return {
    heading: t('dunning.heading'),
    time: {
      heading: t('dunning.timeline.label'),
      columns: {
        stage: t('export.column.stage'),
        days: t('dunning.report.days'),
        touchpoints: t('lane.kind.touchpoints'),
      },
      rows: summary.stages.map((stage) => ({
        stageId: stage.stageId,
        stageTitle: stage.stageTitle,
        span: stage.span ?? t('dunning.ruler.none'),
        touchpoints: summary.touchpoints
          .filter((tp) => tp.stageId === stage.stageId)
          .sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity))
          .map((tp) => ({
            id: tp.id,
            day: tp.dayText ?? t('dunning.ruler.none'),
            text: tp.text,
            channel: tp.channel ? channelName(tp.channel) : '',
          })),
      })),
    },
    cadence: {
      heading: t('dunning.cadence.heading'),
      columns: { week: t('dunning.report.week'), contacts: t('dunning.report.contacts') },
      weeks: summary.windows.map((w) => ({
        start: w.start,
        range: `${formatDueDay(w.start)} – ${formatDueDay(w.end)}`,
        total: n(w.total),
        channels: Object.entries(w.counts)
          .map(([channel, count]) => `${channelName(channel as Channel | 'none')} ${n(count)}`)
          .join(', '),
        warned: overContact.some((o) => o.fromDay <= w.end && o.toDay >= w.start),
      })),
    },
    rules: {
      heading: t('dunning.settings.rules'),
      items: summary.rules.map((rule) => describeCadenceRule(rule, t, rulesOf)),
    },
    warnings: { heading: t('dunning.warnings.heading'), none: t('dunning.warnings.none'), items: warnings },
    curves: first
      ? {
          heading: t('dunning.report.curves'),
          label: t('dunning.report.curvesLabel', { names: withCurves.map((s) => s.name).join(', ') }),
          geometry: {
            width: first.width,
            height: first.height,
            plot: first.plot,
            gridlines: first.gridlines,
            stages: first.stages,
            stageWidth: first.stageWidth,
          },
          gridLabels: first.gridlines.map((g) => formatSigned(g.value, locale, 0)),
          stageTitles,
          series: withCurves.map((scenario, index) => {
            const g = geometries[index] as EmotionChartGeometry;
            const label = describeScenario(scenario, t);
            return {
              id: scenario.id,
              label,
              colour: SCENARIO_COLOURS[summary.scenarios.indexOf(scenario) % SCENARIO_COLOURS.length] as string,
              paths: g.paths,
              points: g.points.map((p) => ({
                x: p.x,
                y: p.y,
                title: `${scenario.name}, ${stageTitles[p.index] ?? ''}: ${formatSigned(p.mean, locale)}`,
              })),
            };
          }),
        }
      : null,
  };
}
