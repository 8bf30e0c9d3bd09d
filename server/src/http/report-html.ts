/**
 * The workshop report as one self-contained HTML page (no scripts, inline CSS with print
 * rules), rendered from the same `reportModel` as the browser's report page. Every piece of
 * user text goes through `escapeHtml`; the emotion chart is built from numbers only
 * (`emotionChartGeometry`), with stage titles as escaped text nodes; the map is the SVG
 * `mapSvg` draws from the layout (its text escaped there), inlined. The dunning journey's
 * section is `report-dunning-html.ts`.
 */
import {
  CHART_LABEL_CHAR_WIDTH,
  emotionChartGeometry,
  exportLabelsFor,
  formatDay,
  formatNumber,
  formatMessage,
  formatSigned,
  formatValueMoney,
  renderBusinessText,
  translatorFor,
  valueLabelsFor,
  wrapLabel,
  type ExportLabels,
  type ReportModel,
  type Translate,
} from '@rejse/shared';
import { escapeHtml } from './escape-html.ts';
import { DUNNING_REPORT_CSS, dunningReportSection } from './report-dunning-html.ts';

export { escapeHtml };

/**
 * Every word comes from the catalogue of the board's language (`model.locale`), the same entries
 * the browser's report page and the exports use.
 */
export interface ReportHtmlOptions {
  boardId: string;
  /** The comments appendix, already rendered (report-comments.ts), when asked for. */
  appendix?: string;
  /** The map as SVG markup from `mapSvg` (user text already escaped); without it, a note says where to find the map. */
  mapSvg?: string;
}

const SEVERITY_CLASS = ['', 'sev-1', 'sev-2', 'sev-3'] as const;

function chartSvg(model: ReportModel, labels: ExportLabels, t: Translate): string {
  if (model.emotionCurve.every((p) => p.mean === null)) return `<p class="muted">${escapeHtml(t('export.report.curveEmpty'))}</p>`;
  const g = emotionChartGeometry(model.emotionCurve);
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" role="img" aria-label="${escapeHtml(t('export.report.curve'))}" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" xmlns="http://www.w3.org/2000/svg">`,
  );
  for (const line of g.gridlines) {
    const label = labels.emotion[String(line.value) as keyof ExportLabels['emotion']];
    parts.push(
      `<line class="grid${line.value === 0 ? ' zero' : ''}" x1="${g.plot.left}" x2="${g.plot.right}" y1="${line.y}" y2="${line.y}"><title>${escapeHtml(label)}</title></line>`,
      `<text class="axis" x="${g.plot.left - 8}" y="${line.y + 4}" text-anchor="end">${escapeHtml(formatSigned(line.value, model.locale))}</text>`,
    );
  }
  for (const point of g.points) {
    parts.push(`<line class="spread" x1="${point.x}" x2="${point.x}" y1="${point.yMin}" y2="${point.yMax}" />`);
  }
  for (const d of g.paths) parts.push(`<path class="curve" d="${d}" />`);
  for (const point of g.points) {
    parts.push(
      `<circle class="dot" cx="${point.x}" cy="${point.y}" r="4"><title>${escapeHtml(formatNumber(point.mean, model.locale))}</title></circle>`,
    );
  }
  model.emotionCurve.forEach((stage, i) => {
    const x = g.stages[i]?.x ?? 0;
    const lines = wrapLabel(stage.stageTitle, g.stageWidth / CHART_LABEL_CHAR_WIDTH);
    const spans = lines.map((line, n) => `<tspan x="${x}" dy="${n === 0 ? 0 : 13}">${escapeHtml(line)}</tspan>`).join('');
    parts.push(`<text class="stage" x="${x}" y="${g.plot.bottom + 18}" text-anchor="middle">${spans}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

const listOf = (items: readonly string[]): string => items.map(escapeHtml).join('; ');

/**
 * The business case in the report: a value cell per action (value a year, its range, or what
 * is missing) and the total of the top N, in the board's currency and locale.
 */
function valueWords(model: ReportModel) {
  const labels = valueLabelsFor(model.locale);
  const money = (amount: number): string => formatValueMoney(amount, model.locale, model.currency);
  const range = (low: number, high: number): string => formatMessage(labels.range, model.locale, { low: money(low), high: money(high) });
  return {
    labels,
    cell(action: ReportModel['actions'][number]): string {
      if (!action.value) {
        const missing = action.valueMissing.map((m) => renderBusinessText(m, model.locale, model.currency)).join('; ');
        return `<td class="value muted small">${escapeHtml(formatMessage(labels.noValue, model.locale, { missing }))}</td>`;
      }
      const { mid, low, high } = action.value;
      return `<td class="num value nowrap">${escapeHtml(money(mid))}<br><span class="muted small">${escapeHtml(range(low, high))}</span></td>`;
    },
    total(): string {
      const { n, value } = model.topTotal;
      if (!value) return '';
      const words = `${formatMessage(labels.totalOfTop, model.locale, { n })}: `;
      return `<p class="total"><strong>${escapeHtml(words)}</strong>${escapeHtml(`${money(value.mid)} (${range(value.low, value.high)})`)}</p>`;
    },
  };
}

/** The report page. Pure: the same model and labels always give the same bytes. */
export function renderReportHtml(model: ReportModel, options: ReportHtmlOptions): string {
  const labels = exportLabelsFor(model.locale);
  const t = translatorFor(model.locale);
  const title = model.title.trim() || labels.phrases.untitled;
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    `<html lang="${escapeHtml(model.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(t('export.report.documentTitle', { title }))}</title>`,
    `<style>${REPORT_CSS}${DUNNING_REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="report">',
    '<header class="report-header">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="muted">${escapeHtml(t('export.report.date', { date: model.dateText }))}</p>`,
  );
  if (model.participants.length > 0) {
    out.push(`<p><strong>${escapeHtml(t('export.report.participants'))}</strong> ${model.participants.map(escapeHtml).join(', ')}</p>`);
  }
  if (model.persona) {
    const details = [model.persona.segment, model.persona.description].filter((t): t is string => Boolean(t?.trim()));
    out.push(
      `<p class="persona"><strong>${escapeHtml(t('export.report.persona'))}</strong> ${escapeHtml(model.persona.name)}${details.length ? ` — ${details.map(escapeHtml).join(' — ')}` : ''}</p>`,
    );
  }
  const n = (value: number): string => formatNumber(value, model.locale);
  const { stages, touchpoints, pains, actions, votes } = model.counts;
  out.push(`<p class="summary">${escapeHtml(t('export.report.summary', { stages, touchpoints, pains, actions, votes }))}</p>`, '</header>');

  out.push('<section class="block">', `<h2>${escapeHtml(t('export.report.curve'))}</h2>`, chartSvg(model, labels, t), '</section>');

  out.push(...dunningReportSection(model));

  out.push('<section class="block">', `<h2>${escapeHtml(t('export.report.actions', { n: model.topN }))}</h2>`);
  if (model.actions.length === 0) {
    out.push(`<p class="muted">${escapeHtml(t('export.report.noActions'))}</p>`);
  } else {
    const c = labels.columns;
    const value = model.hasValues ? valueWords(model) : null;
    out.push(
      '<table class="actions">',
      `<thead><tr><th class="num">${escapeHtml(c.rank)}</th><th>${escapeHtml(c.text)}</th><th>${escapeHtml(c.owner)}</th><th>${escapeHtml(c.dueDate)}</th><th>${escapeHtml(c.status)}</th><th>${escapeHtml(t('export.report.linkedPains'))}</th><th class="num">${escapeHtml(c.score)}</th>${value ? `<th class="num">${escapeHtml(value.labels.columns.value)}</th>` : ''}</tr></thead>`,
      '<tbody>',
    );
    for (const action of model.actions) {
      out.push(
        '<tr>',
        `<td class="num">${escapeHtml(n(action.rank))}</td>`,
        `<td><span class="action-text">${escapeHtml(action.text || labels.phrases.untitled)}</span><br><span class="muted small">${escapeHtml(action.stageTitle)}${action.quadrant ? ` · ${escapeHtml(labels.quadrant[action.quadrant])}` : ''}</span></td>`,
        `<td>${escapeHtml(action.owner ?? '')}</td>`,
        `<td class="nowrap">${action.dueDate ? escapeHtml(formatDay(action.dueDate, model.locale)) : ''}</td>`,
        `<td>${escapeHtml(labels.status[action.status])}</td>`,
        `<td>${listOf(action.linkedPains.map((p) => p.text))}</td>`,
        `<td class="num">${escapeHtml(n(action.score))}</td>`,
        value ? value.cell(action) : '',
        '</tr>',
      );
    }
    out.push('</tbody>', '</table>');
    if (value) out.push(value.total());
  }
  if (model.belowLine > 0) out.push(`<p class="muted">${escapeHtml(t('export.report.belowLine', { count: model.belowLine }))}</p>`);
  out.push('</section>');

  out.push('<section class="block">', `<h2>${escapeHtml(t('export.report.pains'))}</h2>`);
  if (model.painsByStage.length === 0) out.push(`<p class="muted">${escapeHtml(t('export.report.noPains'))}</p>`);
  for (const group of model.painsByStage) {
    out.push('<div class="stage-group">', `<h3>${escapeHtml(group.stageTitle || labels.phrases.untitled)}</h3>`, '<ul class="pains">');
    for (const pain of group.pains) {
      // The whole sentence is escaped once, user text included (escaping is per character).
      const addressed = escapeHtml(
        pain.addressedBy.length
          ? t('export.report.addressedBy', { list: pain.addressedBy.map((i) => i.text).join('; ') })
          : t('export.report.notAddressed'),
      );
      out.push(
        `<li class="${SEVERITY_CLASS[pain.severity]}"><span class="pain-text">${escapeHtml(pain.text || labels.phrases.untitled)}</span> <span class="badge">${escapeHtml(t('export.report.severity', { n: pain.severity }))}</span><br><span class="muted small">${addressed}</span></li>`,
      );
    }
    out.push('</ul>', '</div>');
  }
  out.push('</section>');

  out.push(
    '<section class="block block--map">',
    `<h2>${escapeHtml(t('export.report.map'))}</h2>`,
    options.mapSvg
      ? `<figure class="map">${options.mapSvg}</figure>`
      : `<p class="muted">${escapeHtml(t('export.report.mapMissing', { id: options.boardId }))}</p>`,
    '</section>',
    options.appendix ?? '',
    `<footer class="muted small">${escapeHtml(t('export.report.generatedBy'))} · ${escapeHtml(model.generatedAt)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
  );
  return out.join('\n');
}

const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d8dde6; --accent: #2f5fd0; --pain: #c2413b; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
.report { max-width: 960px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 12px 0 4px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.block { margin-top: 28px; break-inside: avoid-page; }
.summary { margin-top: 8px; }
.chart { width: 100%; height: auto; max-width: 720px; display: block; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .grid.zero { stroke: #9aa4b5; stroke-dasharray: 4 3; }
.chart .axis, .chart .stage { font-size: 11px; fill: var(--muted); }
.chart .curve { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; }
.chart .spread { stroke: var(--accent); stroke-opacity: .3; stroke-width: 8; stroke-linecap: round; }
.chart .dot { fill: #fff; stroke: var(--accent); stroke-width: 2; }
table.actions { width: 100%; border-collapse: collapse; }
table.actions th, table.actions td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
table.actions th { font-size: 12px; color: var(--muted); font-weight: 600; }
table.actions td:nth-child(2) { width: 34%; }
td.value { min-width: 9em; }
.num { text-align: right !important; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.action-text, .pain-text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul.pains { margin: 0; padding-left: 18px; }
ul.pains li { margin: 4px 0; }
.badge { display: inline-block; font-size: 11px; border-radius: 8px; padding: 0 6px; border: 1px solid var(--line); color: var(--muted); }
.sev-3 .badge { border-color: var(--pain); color: var(--pain); }
.sev-2 .badge { border-color: #d98b2b; color: #a86412; }
footer { margin-top: 36px; }
.map { margin: 0; }
.map svg { display: block; width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 11pt; }
  .report { max-width: none; padding: 0; }
  .block--map { break-before: page; break-after: page; }
  .map svg { max-height: 170mm; border: 0; }
  tr, li, .stage-group, .chart { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
