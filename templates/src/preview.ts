import { curveSegments, emotionCurve, type Board, type CardKind } from '@rejse/shared';

export interface TemplateCardCounts {
  touchpoints: number;
  pains: number;
  ideas: number;
  notes: number;
}

/** What the template gallery shows about a board before anyone opens it. */
export interface TemplatePreview {
  /** Stage titles, left to right (plain text: the gallery renders them as text, never as HTML). */
  stages: string[];
  counts: TemplateCardCounts;
  /** Mean touchpoint emotion per stage (−2…+2), null where a stage has none. */
  emotionCurve: (number | null)[];
  /**
   * A text-free SVG thumbnail: the stage × lane grid, a dot per card coloured by kind and
   * the emotion curve. Built from numbers and fixed colours only, so no user-authored text
   * can ever reach the markup and it is safe to inline.
   */
  svg: string;
}

const WIDTH = 160;
const HEIGHT = 96;
/** Dots drawn per cell at most; a crowded cell still reads as "full". */
const MAX_DOTS_PER_CELL = 6;
const DOTS_PER_ROW = 3;
/** The emotions lane is drawn taller than the others so the curve's shape reads at thumbnail size. */
const EMOTION_ROW_WEIGHT = 3;

const KIND_COLOURS: Record<CardKind, string> = {
  touchpoint: '#2563eb',
  pain: '#dc2626',
  idea: '#16a34a',
  note: '#9ca3af',
};
const GRID_COLOUR = '#e5e7eb';
const BACKGROUND = '#ffffff';
const CURVE_COLOUR = '#7c3aed';

/** One decimal is plenty at thumbnail size and keeps the markup short. */
const num = (value: number): string => String(Math.round(value * 10) / 10);

export function templatePreview(board: Pick<Board, 'stages' | 'lanes' | 'cards'>): TemplatePreview {
  const counts: TemplateCardCounts = { touchpoints: 0, pains: 0, ideas: 0, notes: 0 };
  for (const card of board.cards) {
    if (card.kind === 'touchpoint') counts.touchpoints += 1;
    else if (card.kind === 'pain') counts.pains += 1;
    else if (card.kind === 'idea') counts.ideas += 1;
    else counts.notes += 1;
  }
  const curve = emotionCurve(board);
  return {
    stages: board.stages.map((s) => s.title),
    counts,
    emotionCurve: curve.map((p) => p.mean),
    svg: thumbnail(board, curve),
  };
}

function thumbnail(board: Pick<Board, 'stages' | 'lanes' | 'cards'>, curve: ReturnType<typeof emotionCurve>): string {
  const columns = Math.max(1, board.stages.length);
  const cellW = WIDTH / columns;
  const weights = board.lanes.map((l) => (l.kind === 'emotions' ? EMOTION_ROW_WEIGHT : 1));
  const unit =
    HEIGHT /
    Math.max(
      1,
      weights.reduce((a, b) => a + b, 0),
    );
  const rowTop: number[] = [];
  let nextTop = 0;
  for (const weight of weights) {
    rowTop.push(nextTop);
    nextTop += weight * unit;
  }
  const radius = Math.max(0.6, Math.min(cellW / (2 * DOTS_PER_ROW + 2), unit / 6, 3));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="${BACKGROUND}"/>`,
  ];
  for (let c = 1; c < columns; c += 1) {
    const x = num(c * cellW);
    parts.push(`<line x1="${x}" y1="0" x2="${x}" y2="${HEIGHT}" stroke="${GRID_COLOUR}" stroke-width="0.5"/>`);
  }
  for (const top of rowTop.slice(1)) {
    const y = num(top);
    parts.push(`<line x1="0" y1="${y}" x2="${WIDTH}" y2="${y}" stroke="${GRID_COLOUR}" stroke-width="0.5"/>`);
  }

  const stageIndex = new Map<string, number>(board.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map<string, number>(board.lanes.map((l, i) => [l.id, i]));
  const perCell = new Map<string, number>();
  for (const card of board.cards) {
    const column = stageIndex.get(card.stageId);
    const row = laneIndex.get(card.laneId);
    if (column === undefined || row === undefined) continue;
    const key = `${column}:${row}`;
    const slot = perCell.get(key) ?? 0;
    perCell.set(key, slot + 1);
    if (slot >= MAX_DOTS_PER_CELL) continue;
    const x = column * cellW + (2 * (slot % DOTS_PER_ROW) + 1.5) * radius * 1.2;
    const y = (rowTop[row] ?? 0) + (2 * Math.floor(slot / DOTS_PER_ROW) + 1.5) * radius * 1.2;
    parts.push(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(radius)}" fill="${KIND_COLOURS[card.kind]}"/>`);
  }

  // The curve sits in the emotions lane when there is one, else across the whole map.
  const emotionRow = board.lanes.findIndex((l) => l.kind === 'emotions');
  const top = emotionRow >= 0 ? (rowTop[emotionRow] ?? 0) : 0;
  const height = emotionRow >= 0 ? EMOTION_ROW_WEIGHT * unit : HEIGHT;
  const pad = Math.min(height / 6, 4);
  const xOf = (index: number): number => (index + 0.5) * cellW;
  const yOf = (mean: number): number => top + pad + ((2 - mean) / 4) * (height - 2 * pad);
  for (const segment of curveSegments(curve)) {
    const coords = segment.map((p) => ({ x: num(xOf(p.index)), y: num(yOf(p.mean ?? 0)) }));
    const [only] = coords;
    if (coords.length === 1 && only) {
      parts.push(`<circle cx="${only.x}" cy="${only.y}" r="${num(Math.max(radius, 1))}" fill="${CURVE_COLOUR}"/>`);
    } else {
      const points = coords.map(({ x, y }) => `${x},${y}`).join(' ');
      parts.push(
        `<polyline points="${points}" fill="none" stroke="${CURVE_COLOUR}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>`,
      );
    }
  }
  parts.push('</svg>');
  return parts.join('');
}
