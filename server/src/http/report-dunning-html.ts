/**
 * The dunning journey of report.html: the time view (touchpoints by day, per stage span), contacts
 * per week, the cadence rules and warnings, and one emotion curve per debtor scenario. Words and
 * geometry come from `dunningReportView` (shared with the browser's report page); here is only
 * markup. Every piece of user text goes through `escapeHtml`; the SVG holds numbers, our own
 * colours and escaped text nodes only.
 */
import { dunningReportView, wrapLabel, CHART_LABEL_CHAR_WIDTH, type DunningReportView, type ReportModel } from '@rejse/shared';
import { escapeHtml } from './escape-html.ts';

type Curves = NonNullable<DunningReportView['curves']>;

function curvesSvg(curves: Curves): string {
  const g = curves.geometry;
  const parts = [
    `<svg class="chart scenario-chart" role="img" aria-label="${escapeHtml(curves.label)}" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" xmlns="http://www.w3.org/2000/svg">`,
  ];
  g.gridlines.forEach((line, i) => {
    parts.push(
      `<line class="grid${line.value === 0 ? ' zero' : ''}" x1="${g.plot.left}" x2="${g.plot.right}" y1="${line.y}" y2="${line.y}" />`,
      `<text class="axis" x="${g.plot.left - 8}" y="${line.y + 4}" text-anchor="end">${escapeHtml(curves.gridLabels[i] ?? '')}</text>`,
    );
  });
  for (const series of curves.series) {
    parts.push(`<g class="scenario-curve" data-scenario="${escapeHtml(series.id)}">`);
    for (const d of series.paths) parts.push(`<path class="scenario-line" stroke="${series.colour}" d="${d}" />`);
    for (const p of series.points) {
      parts.push(`<circle cx="${p.x}" cy="${p.y}" r="3.5" fill="${series.colour}"><title>${escapeHtml(p.title)}</title></circle>`);
    }
    parts.push('</g>');
  }
  g.stages.forEach((stage, i) => {
    const lines = wrapLabel(curves.stageTitles[i] ?? '', g.stageWidth / CHART_LABEL_CHAR_WIDTH);
    const spans = lines.map((line, n) => `<tspan x="${stage.x}" dy="${n === 0 ? 0 : 13}">${escapeHtml(line)}</tspan>`).join('');
    parts.push(`<text class="stage" x="${stage.x}" y="${g.plot.bottom + 18}" text-anchor="middle">${spans}</text>`);
  });
  parts.push('</svg>');
  const legend = curves.series
    .map((s) => `<li><span class="swatch" style="background:${s.colour}"></span>${escapeHtml(s.label)}</li>`)
    .join('');
  return `${parts.join('')}<ul class="legend">${legend}</ul>`;
}

/** The dunning section, or nothing when the board has no day, scenario or rule. */
export function dunningReportSection(model: ReportModel): string[] {
  const view = dunningReportView(model);
  if (!view) return [];
  const e = escapeHtml;
  const out = ['<section class="block dunning" id="dunning">', `<h2>${e(view.heading)}</h2>`, `<h3>${e(view.time.heading)}</h3>`];
  const c = view.time.columns;
  out.push(
    '<table class="time">',
    `<thead><tr><th>${e(c.stage)}</th><th class="nowrap">${e(c.days)}</th><th>${e(c.touchpoints)}</th></tr></thead>`,
    '<tbody>',
  );
  for (const row of view.time.rows) {
    const cards = row.touchpoints
      .map(
        (tp) =>
          `<li><span class="day">${e(tp.day)}</span> ${e(tp.text)}${tp.channel ? ` <span class="muted small">${e(tp.channel)}</span>` : ''}</li>`,
      )
      .join('');
    out.push(`<tr><td>${e(row.stageTitle)}</td><td class="nowrap day">${e(row.span)}</td><td><ul class="plain">${cards}</ul></td></tr>`);
  }
  out.push('</tbody>', '</table>');
  if (view.cadence.weeks.length > 0) {
    const w = view.cadence.columns;
    out.push(
      `<h3>${e(view.cadence.heading)}</h3>`,
      '<table class="weeks">',
      `<thead><tr><th>${e(w.week)}</th><th class="num">${e(w.contacts)}</th><th></th></tr></thead>`,
      '<tbody>',
    );
    for (const week of view.cadence.weeks) {
      out.push(
        `<tr${week.warned ? ' class="warned"' : ''}><td class="nowrap day">${e(week.range)}</td><td class="num">${e(week.total)}</td><td class="muted small">${e(week.channels)}</td></tr>`,
      );
    }
    out.push('</tbody>', '</table>');
  }
  if (view.rules.items.length > 0) {
    out.push(`<h3>${e(view.rules.heading)}</h3>`, `<ul class="rules">${view.rules.items.map((r) => `<li>${e(r)}</li>`).join('')}</ul>`);
  }
  out.push(`<h3>${e(view.warnings.heading)}</h3>`);
  out.push(
    view.warnings.items.length === 0
      ? `<p class="ok">${e(view.warnings.none)}</p>`
      : `<ul class="warnings">${view.warnings.items.map((w) => `<li>${e(w.text)}${w.scenarios ? ` <span class="muted small">· ${e(w.scenarios)}</span>` : ''}</li>`).join('')}</ul>`,
  );
  if (view.curves) out.push(`<h3>${e(view.curves.heading)}</h3>`, curvesSvg(view.curves));
  out.push('</section>');
  return out;
}

export const DUNNING_REPORT_CSS = `
table.time, table.weeks { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
table.time th, table.time td, table.weeks th, table.weeks td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
table.time th, table.weeks th { font-size: 12px; color: var(--muted); font-weight: 600; }
table.time td:first-child { width: 22%; font-weight: 600; }
table.weeks { width: auto; min-width: 50%; }
table.weeks tr.warned td { background: #fdf0ef; }
.day { font-variant-numeric: tabular-nums; font-weight: 600; color: var(--accent); }
ul.plain { list-style: none; margin: 0; padding: 0; }
ul.plain li { margin: 2px 0; overflow-wrap: anywhere; }
ul.rules, ul.warnings { margin: 0; padding-left: 18px; }
ul.warnings li { color: var(--pain); margin: 3px 0; }
.ok { color: #2d7a4b; }
.scenario-chart .scenario-line { fill: none; stroke-width: 2.2; stroke-linejoin: round; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 0; margin: 6px 0 0; font-size: 12px; }
ul.legend .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -2px; }
`;
