import { emotionCurve } from '../emotion.ts';
import { translate } from '../i18n/catalogue.ts';
import type { Board } from '../schema/board.ts';
import type { CardKind } from '../schema/card.ts';
import { bandPath, CURVE, emotionY, personaCurves, placeCurve, smoothPath, type PersonaCurve } from './curve.ts';
import { cardRadius, KIND_COLOURS, LINK_COLOUR, linkCurve } from './colours.ts';
import { CARD_TEXT } from './card-size.ts';
import { GRID, layoutGrid, type CardBox, type GridLayout, type Rect } from './grid.ts';
import { emotionHostLane } from './grid-queries.ts';

/**
 * The map as an SVG picture, drawn from the layout (the geometry the canvas uses), never
 * from the screen: a pure function, so the browser's SVG/PNG export and the server's
 * report draw the same picture. Every user text goes through `escapeXml`.
 */
export interface MapSvgOptions {
  /** The part of the map to draw, in map coordinates; default the whole grid with a margin. */
  area?: Rect;
  /** Pixels per map unit of the SVG's width/height (its viewBox stays in map units). */
  scale?: number;
  /** Language of the few words the picture adds (kind labels, its title); default the board's. */
  locale?: string;
}

export interface MapSvg {
  svg: string;
  /** Size of the picture in pixels (area × scale). */
  width: number;
  height: number;
}

export const MAP_MARGIN = 24;

const TONES = ['#c8473e', '#e38a4d', '#9aa3ad', '#76b35e', '#2c9960'] as const;
const INK = '#1c2631';
const LINE = '#e3e7ec';
const LINE_2 = '#cfd6de';
const FONT = "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Words wrapped into at most `maxLines` lines of about `perLine` characters (the layout's
 * own estimate), the last one ending in "…" when the text is longer; a word longer than a
 * line is cut across lines.
 */
export function wrapText(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let truncated = false;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while (word.length > perLine) {
        if (line) lines.push(line);
        lines.push(word.slice(0, perLine));
        word = word.slice(perLine);
        line = '';
      }
      const next = line ? `${line} ${word}` : word;
      if (next.length > perLine) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  if (lines.length > maxLines) {
    truncated = true;
    lines.length = maxLines;
  }
  if (truncated) {
    const last = lines[maxLines - 1] ?? '';
    lines[maxLines - 1] = `${last.length >= perLine ? last.slice(0, perLine - 1) : last}…`;
  }
  return lines;
}

const n = (value: number): string => String(Math.round(value * 100) / 100);

function textLines(lines: readonly string[], x: number, y: number, lineHeight: number, attrs: string): string {
  const spans = lines.map((line, i) => `<tspan x="${n(x)}" y="${n(y + i * lineHeight)}">${escapeXml(line)}</tspan>`).join('');
  return `<text ${attrs}>${spans}</text>`;
}

function cardSvg(box: CardBox, kind: CardKind, text: string, kindLabel: string): string {
  const c = KIND_COLOURS[kind];
  const radius = cardRadius(kind);
  const strip =
    kind === 'touchpoint' || kind === 'pain'
      ? `<rect x="${n(box.x)}" y="${n(box.y)}" width="4" height="${n(box.height)}" fill="${c.strong}"/>`
      : '';
  const label = `<text x="${n(box.x + 12)}" y="${n(box.y + 22)}" font-size="11" font-weight="650" letter-spacing="0.3" fill="${c.strong}">${escapeXml(kindLabel.toUpperCase())}</text>`;
  const body = textLines(
    wrapText(text, CARD_TEXT.charsPerLine, box.lines),
    box.x + 12,
    box.y + CARD_TEXT.chromeHeight - 6,
    CARD_TEXT.lineHeight,
    `font-size="13" fill="${INK}"`,
  );
  return `<g><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="${radius}" fill="${c.bg}" stroke="${c.border}"/>${strip}${label}${body}</g>`;
}

function curveSvg(board: Board, layout: GridLayout): string {
  const host = emotionHostLane(layout);
  if (!host || layout.stages.length === 0) return '';
  const left = layout.grid.x - CURVE.axisWidth;
  const titles = new Map(board.stages.map((s) => [s.id as string, s.title]));
  const runs = placeCurve(emotionCurve(board), titles, GRID.stageWidth, host.height);
  const levels = [2, 1, 0, -1, -2]
    .map((level, i) => {
      const y = host.y + emotionY(level, host.height);
      return `<line x1="${n(layout.grid.x)}" x2="${n(layout.grid.x + layout.grid.width)}" y1="${n(y)}" y2="${n(y)}" stroke="${level === 0 ? LINE_2 : LINE}"/><circle cx="${n(left + CURVE.axisWidth / 2)}" cy="${n(y)}" r="5" fill="${TONES[4 - i]}"/>`;
    })
    .join('');
  const personas = personaCurves(board);
  const drawn =
    personas.length > 0
      ? personaCurvesSvg(personas, titles, host.height)
      : runs
          .map((run) => {
            const band = bandPath(run);
            const points = run
              .map(
                (p) =>
                  `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="6" fill="${TONES[Math.round(p.mean) + 2]}" stroke="#fff" stroke-width="2"/>`,
              )
              .join('');
            return `${band ? `<path d="${band}" fill="#1f5f6b" fill-opacity="0.08"/>` : ''}<path d="${smoothPath(run)}" fill="none" stroke="#1f5f6b" stroke-width="2.5"/>${points}`;
          })
          .join('');
  return `<g>${levels}<g transform="translate(${n(left)},${n(host.y)})">${drawn}${legendSvg(personas)}</g></g>`;
}

/** One line per persona in its colour (gaps where a stage has no rated touchpoint), no spread bands. */
function personaCurvesSvg(curves: readonly PersonaCurve[], titles: ReadonlyMap<string, string>, height: number): string {
  return curves
    .map((curve) =>
      placeCurve(curve.points, titles, GRID.stageWidth, height)
        .map((run) => {
          const points = run.map(
            (p) => `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="4.5" fill="${curve.colour}" stroke="#fff" stroke-width="1.5"/>`,
          );
          const dash = curve.dash ? ` stroke-dasharray="${curve.dash}"` : '';
          return `<path d="${smoothPath(run)}" fill="none" stroke="${curve.colour}" stroke-width="2.5"${dash}/>${points.join('')}`;
        })
        .join(''),
    )
    .join('');
}

/** Which colour is which persona, along the top of the curve's lane. */
function legendSvg(curves: readonly PersonaCurve[]): string {
  let x = CURVE.axisWidth + 10;
  return curves
    .map((curve) => {
      const name = curve.name.length > 28 ? `${curve.name.slice(0, 27)}…` : curve.name;
      const dash = curve.dash ? ` stroke-dasharray="${curve.dash}"` : '';
      const item = `<line x1="${n(x)}" x2="${n(x + 22)}" y1="12" y2="12" stroke="${curve.colour}" stroke-width="3"${dash}/><text x="${n(x + 28)}" y="16" font-size="12" fill="${INK}">${escapeXml(name)}</text>`;
      x += 28 + name.length * 7 + 18;
      return item;
    })
    .join('');
}

function linkSvg(from: CardBox, to: CardBox): string {
  const { a, c1, c2, b } = linkCurve(from, to);
  return `<path d="M${n(a.x)},${n(a.y)} C${n(c1.x)},${n(c1.y)} ${n(c2.x)},${n(c2.y)} ${n(b.x)},${n(b.y)}" fill="none" stroke="${LINK_COLOUR}" stroke-width="1.6" marker-end="url(#arrow)"/>`;
}

/** The whole map's area with a margin, in map coordinates. */
export function mapArea(layout: GridLayout): Rect {
  return {
    x: -MAP_MARGIN,
    y: -MAP_MARGIN,
    width: layout.grid.x + layout.grid.width + 2 * MAP_MARGIN,
    height: layout.grid.y + layout.grid.height + 2 * MAP_MARGIN,
  };
}

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export function mapSvg(board: Board, options: MapSvgOptions = {}): MapSvg {
  const layout = layoutGrid(board).layout;
  const area = options.area ?? mapArea(layout);
  const scale = options.scale ?? 1;
  const locale = options.locale ?? board.locale;
  const width = Math.round(area.width * scale);
  const height = Math.round(area.height * scale);
  const title = escapeXml(board.title);
  const parts: string[] = [];
  const { grid } = layout;
  parts.push(`<rect x="${n(area.x)}" y="${n(area.y)}" width="${n(area.width)}" height="${n(area.height)}" fill="#f4f6f8"/>`);
  parts.push(
    `<rect x="${n(grid.x)}" y="${n(grid.y)}" width="${n(grid.width)}" height="${n(grid.height)}" fill="#ffffff" stroke="${LINE_2}"/>`,
  );
  const stageTitle = new Map(board.stages.map((s) => [s.id as string, s.title]));
  const laneTitle = new Map(board.lanes.map((l) => [l.id as string, l.title]));
  for (const stage of layout.stages) {
    parts.push(`<rect x="${n(stage.x)}" y="0" width="${n(stage.width)}" height="${n(stage.height)}" fill="#ffffff" stroke="${LINE}"/>`);
    parts.push(
      `<line x1="${n(stage.x + stage.width)}" x2="${n(stage.x + stage.width)}" y1="${n(grid.y)}" y2="${n(grid.y + grid.height)}" stroke="${LINE}"/>`,
    );
    const lines = wrapText(`${stage.index + 1}. ${stageTitle.get(stage.id) ?? ''}`, 22, 3);
    const top = stage.height - 12 - (lines.length - 1) * 19;
    parts.push(textLines(lines, stage.x + 12, top, 19, `font-size="16" font-weight="680" fill="${INK}"`));
  }
  for (const lane of layout.lanes) {
    parts.push(`<rect x="0" y="${n(lane.y)}" width="${n(lane.width)}" height="${n(lane.height)}" fill="#ffffff" stroke="${LINE}"/>`);
    parts.push(
      `<line x1="${n(grid.x)}" x2="${n(grid.x + grid.width)}" y1="${n(lane.y + lane.height)}" y2="${n(lane.y + lane.height)}" stroke="${LINE}"/>`,
    );
    parts.push(
      textLines(wrapText(laneTitle.get(lane.id) ?? '', 20, 4), 14, lane.y + 28, 18, `font-size="15" font-weight="650" fill="${INK}"`),
    );
  }
  parts.push(curveSvg(board, layout));
  const cards = new Map(board.cards.map((c) => [c.id as string, c]));
  for (const link of board.links) {
    const from = layout.cards.get(link.from);
    const to = layout.cards.get(link.to);
    if (from && to && (overlaps(from, area) || overlaps(to, area))) parts.push(linkSvg(from, to));
  }
  for (const [id, box] of layout.cards) {
    const card = cards.get(id);
    if (!card || !overlaps(box, area)) continue;
    parts.push(cardSvg(box, card.kind, card.text, translate(locale, `kind.${card.kind}`)));
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${n(area.x)} ${n(area.y)} ${n(area.width)} ${n(area.height)}" font-family="${escapeXml(FONT)}" role="img" aria-label="${title}">` +
    `<title>${title}</title>` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${LINK_COLOUR}"/></marker></defs>` +
    parts.join('') +
    '</svg>';
  return { svg, width, height };
}
