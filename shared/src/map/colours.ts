import type { CardKind } from '../schema/card.ts';
import type { CardBox, Point } from './grid.ts';

/**
 * The map's colours, shared by every drawing of it — the SVG picture (`svg.ts`), the canvas's
 * far-zoom layer and the minimap — and equal to the live cards' tokens
 * (client/src/styles/tokens.css).
 */
export const KIND_COLOURS: Readonly<Record<CardKind, { bg: string; border: string; strong: string }>> = {
  touchpoint: { bg: '#eef4fb', border: '#9dbde2', strong: '#2c64a6' },
  pain: { bg: '#fdf0ef', border: '#e7a9a5', strong: '#ab3d36' },
  idea: { bg: '#fdf7e4', border: '#e3c873', strong: '#8a6000' },
  note: { bg: '#f5f6f8', border: '#cdd3da', strong: '#55606c' },
};

export const LINK_COLOUR = '#7f8c99';
/** The selection outline (the app's accent) and a search match's outline. */
export const SELECTED_COLOUR = '#1f5f6b';
export const MATCH_COLOUR = '#f0b429';
/**
 * The keyboard's focus ring on the map seen from far: unlike the selection's teal, and at
 * least 3.5:1 against every block's fill and border and the white behind them.
 */
export const FOCUS_COLOUR = '#6d28d9';

/** A card's corner radius by kind, as the cards draw it. */
export const cardRadius = (kind: CardKind): number => (kind === 'idea' ? 14 : kind === 'note' ? 4 : 8);

/**
 * A link as one cubic curve: from the side of `from` that faces `to` to the facing side of
 * `to` (as the canvas's edges attach), bending vertically so links between lanes stay short.
 */
export function linkCurve(from: CardBox, to: CardBox): { a: Point; c1: Point; c2: Point; b: Point } {
  const down = from.y + from.height / 2 <= to.y + to.height / 2;
  const a = { x: from.x + from.width / 2, y: down ? from.y + from.height : from.y };
  const b = { x: to.x + to.width / 2, y: down ? to.y : to.y + to.height };
  const bend = Math.max(24, Math.abs(b.y - a.y) / 2) * (down ? 1 : -1);
  return { a, c1: { x: a.x, y: a.y + bend }, c2: { x: b.x, y: b.y - bend }, b };
}
