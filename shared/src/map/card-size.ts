import type { Card } from '../schema/card.ts';

/**
 * A card's size on the map from its text: how many lines it shows and how tall it is. The
 * grid stacks cards by it (`grid.ts`), and the canvas and the picture clamp text to it.
 */

/** Card text metrics: the card clamps its text to the lines the layout reserved. */
export const CARD_TEXT = {
  lineHeight: 18,
  /** Conservative characters per line at the card's width (276 px) and 13 px text. */
  charsPerLine: 33,
  maxLines: 7,
  /** Padding, the kind/channel/emotion row and the gap under it. */
  chromeHeight: 50,
  /** The figures row of a touchpoint with metrics (volume, cost, rate…) and the gap above it. */
  figuresHeight: 22,
} as const;

/** Whether a card shows a figures row: a touchpoint with at least one metric. */
export function hasFigures(card: Partial<Pick<Card, 'kind' | 'metrics'>>): boolean {
  if (card.kind !== 'touchpoint' || !card.metrics) return false;
  return Object.values(card.metrics).some((value) => typeof value === 'number');
}

/** How many text lines a card's text takes, counting explicit line breaks and wrapping (unclamped). */
export function fullTextLines(text: string): number {
  // Paragraph by paragraph without splitting the text: every card of a board is measured on join.
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const length = (end === -1 ? text.length : end) - start;
    lines += Math.max(1, Math.ceil(length / CARD_TEXT.charsPerLine));
    if (end === -1) return lines;
    start = end + 1;
  }
}

/** How many text lines a card shows: its text's lines, clamped to the card's maximum. */
export const textLines = (text: string): number => Math.min(CARD_TEXT.maxLines, fullTextLines(text));

export const cardHeight = (lines: number, figures = false): number =>
  CARD_TEXT.chromeHeight + lines * CARD_TEXT.lineHeight + (figures ? CARD_TEXT.figuresHeight : 0);
