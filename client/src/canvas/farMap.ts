import {
  cardRadius,
  FOCUS_COLOUR,
  KIND_COLOURS,
  LINK_COLOUR,
  linkCurve,
  MATCH_COLOUR,
  SELECTED_COLOUR,
  type Board,
  type CardBox,
  type CardKind,
  type Point,
  type Rect,
} from '@rejse/shared';
import { MAX_TILE_WIDTH } from './farTiles.ts';
import type { GridLayout } from './layout.ts';

/**
 * The map seen from far (below FAR_ZOOM), drawn from the layout on the far layer's tiles and the
 * minimap: every card a block in its kind's colours, every link a curve. Pure geometry here;
 * `FarLayer.tsx` and `MinimapBlocks.tsx` mount it.
 */

/** Room around the grid for outlines and links that bend past the last lane. */
const MARGIN = 40;
/** Backing pixels per map unit move in steps of this, so a small zoom change does not redraw. */
export const SCALE_STEP = 1 / 40;

/** The map area the far layer covers: the grid and a margin. */
export function farArea(layout: GridLayout): Rect {
  const { grid } = layout;
  return { x: grid.x - MARGIN, y: grid.y - MARGIN, width: grid.width + 2 * MARGIN, height: grid.height + 2 * MARGIN };
}

/**
 * Backing pixels per map unit for a zoom and device pixel ratio: sharp on screen (zoom × ratio,
 * rounded up to a step), unless a tile would be wider than MAX_TILE_WIDTH. Only a band's width
 * bounds it, not the board's area: the tiles hold a view's worth of pixels, and `heldTiles` keeps
 * those reached within HELD_PIXELS.
 */
export function farScale(area: Rect, zoom: number, pixelRatio: number): number {
  const wanted = Math.ceil((zoom * pixelRatio) / SCALE_STEP) * SCALE_STEP;
  const byWidth = MAX_TILE_WIDTH / Math.max(1, area.width);
  return Math.max(SCALE_STEP / 4, Math.min(wanted, byWidth));
}

export interface FarDrawing {
  board: Pick<Board, 'cards' | 'links'>;
  layout: GridLayout;
  selectedCards: ReadonlySet<string>;
  selectedLinks: ReadonlySet<string>;
  /** Cards matching the search; null when no search is set. */
  matches: ReadonlySet<string> | null;
  privateIds: ReadonlySet<string>;
  /** Backing pixels per map unit (`farScale`) and the screen zoom (outlines are sized in screen pixels). */
  scale: number;
  zoom: number;
  /** The map point at the canvas's top-left: `farArea(layout)`'s unless given (the minimap's view). */
  origin?: Point;
  /** Whether links are drawn (not in the minimap, where they would be a tangle of hairlines). */
  links?: boolean;
  /** The map area this canvas shows (a far layer's tile): what lies wholly outside it is skipped. All when not given. */
  bounds?: Rect;
  /** Cards being dragged: drawn faded in place and whole at the offset (map units). */
  moving?: { ids: ReadonlySet<string>; dx: number; dy: number } | null;
  /** The card the keyboard is on (the far map has the focus): ringed outside any outline. */
  focused?: string | null;
}

interface BlockGroup {
  kind: CardKind;
  dim: boolean;
  boxes: CardBox[];
}

function addBlock(groups: Map<string, BlockGroup>, kind: CardKind, dim: boolean, box: CardBox): void {
  const key = `${kind}${dim ? ':dim' : ''}`;
  const group = groups.get(key) ?? { kind, dim, boxes: [] };
  if (group.boxes.length === 0) groups.set(key, group);
  group.boxes.push(box);
}

/** Draws the far map's cards (and links) into a context whose top-left is `origin`. */
export function drawFarMap(ctx: CanvasRenderingContext2D, drawing: FarDrawing): void {
  const { board, layout, selectedCards, selectedLinks, matches, privateIds, scale, zoom } = drawing;
  const origin = drawing.origin ?? farArea(layout);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -origin.x * scale, -origin.y * scale);
  /** Map units that look `px` screen pixels wide. */
  const screen = (px: number): number => px / zoom;
  const { bounds } = drawing;
  // Whether a box, grown by what is drawn around it (the focus ring reaches furthest), shows here.
  const reach = screen(12);
  const shows = (box: Rect): boolean =>
    !bounds ||
    (box.x - reach < bounds.x + bounds.width &&
      bounds.x < box.x + box.width + reach &&
      box.y - reach < bounds.y + bounds.height &&
      bounds.y < box.y + box.height + reach);

  const kinds = new Map<string, CardKind>();
  for (const card of board.cards) kinds.set(card.id, card.kind);
  const dimmed = (id: string): boolean => matches !== null && !matches.has(id);

  // Links in four paths (selected or not, dimmed or not), one stroke each: a stroke per link
  // cost more than all the blocks at 5,000 cards.
  const linkPaths = new Map<string, { selected: boolean; dim: boolean; path: Path2D }>();
  for (const link of drawing.links === false ? [] : board.links) {
    const from = layout.cards.get(link.from);
    const to = layout.cards.get(link.to);
    if (!from || !to) continue;
    const { a, c1, c2, b } = linkCurve(from, to);
    // A Bézier curve lies within the box of its four points.
    const left = Math.min(a.x, c1.x, c2.x, b.x);
    const top = Math.min(a.y, c1.y, c2.y, b.y);
    if (!shows({ x: left, y: top, width: Math.max(a.x, c1.x, c2.x, b.x) - left, height: Math.max(a.y, c1.y, c2.y, b.y) - top })) continue;
    const selected = selectedLinks.has(link.id);
    const dim = dimmed(link.from) || dimmed(link.to);
    const key = `${selected}:${dim}`;
    let group = linkPaths.get(key);
    if (!group) {
      group = { selected, dim, path: new Path2D() };
      linkPaths.set(key, group);
    }
    group.path.moveTo(a.x, a.y);
    group.path.bezierCurveTo(c1.x, c1.y, c2.x, c2.y, b.x, b.y);
  }
  // Unselected first, so a selected link is drawn over the others.
  for (const { selected, dim, path } of [...linkPaths.values()].sort((x, y) => Number(x.selected) - Number(y.selected))) {
    ctx.globalAlpha = dim ? 0.3 : 1;
    ctx.strokeStyle = selected ? SELECTED_COLOUR : LINK_COLOUR;
    ctx.lineWidth = screen(selected ? 2.5 : 1.25);
    ctx.stroke(path);
  }

  // Cards in groups of one kind and one dimming, each drawn as one path per colour: a few
  // dozen canvas calls for thousands of blocks.
  const groups = new Map<string, BlockGroup>();
  const ghosts = new Map<string, BlockGroup>();
  const privateBoxes: CardBox[] = [];
  const outlined: Array<{ box: CardBox; kind: CardKind; colour: string }> = [];
  const { moving } = drawing;
  for (const [id, box] of layout.cards) {
    const kind = kinds.get(id) ?? 'note';
    if (moving?.ids.has(id)) {
      if (shows(box)) addBlock(groups, kind, true, box);
      const moved = { ...box, x: box.x + moving.dx, y: box.y + moving.dy };
      if (!shows(moved)) continue;
      addBlock(ghosts, kind, false, moved);
      outlined.push({ box: moved, kind, colour: SELECTED_COLOUR });
      continue;
    }
    if (!shows(box)) continue;
    addBlock(groups, kind, dimmed(id), box);
    if (privateIds.has(id)) privateBoxes.push(box);
    const outline = selectedCards.has(id) ? SELECTED_COLOUR : matches?.has(id) ? MATCH_COLOUR : null;
    if (outline) outlined.push({ box, kind, colour: outline });
  }
  drawBlocks(ctx, groups, screen);
  drawBlocks(ctx, ghosts, screen);
  // This person's private cards: a dashed edge, as their nodes have.
  ctx.globalAlpha = 1;
  ctx.setLineDash([screen(3), screen(2)]);
  ctx.strokeStyle = SELECTED_COLOUR;
  ctx.lineWidth = screen(1.25);
  for (const box of privateBoxes) ctx.strokeRect(box.x, box.y, box.width, box.height);
  ctx.setLineDash([]);
  for (const { box, kind, colour } of outlined) {
    ctx.lineWidth = screen(3);
    ctx.strokeStyle = colour;
    ctx.beginPath();
    const radius = Math.min(cardRadius(kind), box.height / 2) + screen(2);
    ctx.roundRect(box.x - screen(2), box.y - screen(2), box.width + screen(4), box.height + screen(4), radius);
    ctx.stroke();
  }
  const focused = drawing.focused ? layout.cards.get(drawing.focused) : undefined;
  if (focused && shows(focused)) drawFocusRing(ctx, focused, screen);
  ctx.globalAlpha = 1;
}

/** A ring around the focused block, clear of a selection outline: white underneath, so it stands off neighbouring blocks. */
function drawFocusRing(ctx: CanvasRenderingContext2D, box: CardBox, screen: (px: number) => number): void {
  ctx.globalAlpha = 1;
  const ring = (gap: number, width: number, colour: string) => {
    ctx.lineWidth = screen(width);
    ctx.strokeStyle = colour;
    ctx.beginPath();
    ctx.roundRect(box.x - screen(gap), box.y - screen(gap), box.width + screen(2 * gap), box.height + screen(2 * gap), screen(gap + 2));
    ctx.stroke();
  };
  ring(6, 6, '#ffffff');
  ring(6, 3, FOCUS_COLOUR);
}

/** Each group's blocks: the border colour, the kind's fill inset by a pixel, a bar for the text, the strong edge. */
function drawBlocks(ctx: CanvasRenderingContext2D, groups: ReadonlyMap<string, BlockGroup>, screen: (px: number) => number): void {
  const bar = (box: CardBox) => Math.min(Math.max(6, screen(1.5)), box.height / 3);
  for (const { kind, dim, boxes } of groups.values()) {
    const colours = KIND_COLOURS[kind];
    ctx.globalAlpha = dim ? 0.3 : 1;
    // Plain rectangles: below FAR_ZOOM a card's rounded corner is under two pixels, and a
    // rectangle fills far faster. The edge is the border colour around an inset fill.
    const edge = screen(1);
    ctx.beginPath();
    for (const box of boxes) ctx.rect(box.x, box.y, box.width, box.height);
    ctx.fillStyle = colours.border;
    ctx.fill();
    ctx.beginPath();
    for (const box of boxes) {
      // As thin as a pixel, and never more than a quarter of a block too small for that (the minimap).
      const inset = Math.min(edge, box.height / 4, box.width / 4);
      ctx.rect(box.x + inset, box.y + inset, box.width - 2 * inset, box.height - 2 * inset);
    }
    ctx.fillStyle = colours.bg;
    ctx.fill();
    // A bar where the text would be and, for touchpoints and pain points, the kind's strong edge.
    ctx.beginPath();
    for (const box of boxes) ctx.rect(box.x + 12, box.y + Math.min(14, box.height / 3), box.width * 0.7 - 12, bar(box));
    ctx.fillStyle = colours.border;
    ctx.fill();
    if (kind === 'touchpoint' || kind === 'pain') {
      ctx.beginPath();
      for (const box of boxes) ctx.rect(box.x, box.y, Math.max(4, screen(1.5)), box.height);
      ctx.fillStyle = colours.strong;
      ctx.fill();
    }
  }
}
