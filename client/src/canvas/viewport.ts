import type { GridLayout, Rect } from './layout.ts';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The viewport that shows the whole board: centred when it fits, otherwise at the zoom
 * floor with the top-left (headers) in view rather than the middle of a huge board.
 */
export function fitViewport(
  bounds: Rect,
  width: number,
  height: number,
  { padding = 24, minZoom = 0.15, maxZoom = 1 }: { padding?: number; minZoom?: number; maxZoom?: number } = {},
): Viewport {
  if (bounds.width <= 0 || bounds.height <= 0 || width <= 0 || height <= 0) return { x: padding, y: padding, zoom: 1 };
  const ideal = Math.min((width - 2 * padding) / bounds.width, (height - 2 * padding) / bounds.height);
  const zoom = Math.min(maxZoom, Math.max(minZoom, ideal));
  const place = (start: number, size: number, room: number): number => {
    const scaled = size * zoom;
    return scaled + 2 * padding <= room ? (room - scaled) / 2 - start * zoom : padding - start * zoom;
  };
  return { x: place(bounds.x, bounds.width, width), y: place(bounds.y, bounds.height, height), zoom };
}

/**
 * The viewport that zooms to one stage: its column (header to last lane) centred across the
 * screen, as large as fits between `minZoom` and `maxZoom`. The floor keeps cards readable,
 * so a column too tall to fit at it is shown from its header down.
 */
export function stageViewport(
  layout: GridLayout,
  stageId: string,
  width: number,
  height: number,
  { padding = 32, minZoom = 0.85, maxZoom = 1.25 }: { padding?: number; minZoom?: number; maxZoom?: number } = {},
): Viewport | null {
  const stage = layout.stages.find((s) => s.id === stageId);
  if (!stage || width <= 0 || height <= 0) return null;
  const columnHeight = layout.grid.y + layout.grid.height;
  const ideal = Math.min((width - 2 * padding) / stage.width, (height - 2 * padding) / columnHeight);
  const zoom = Math.min(maxZoom, Math.max(minZoom, ideal));
  const x = width / 2 - (stage.x + stage.width / 2) * zoom;
  const fitsHeight = columnHeight * zoom + 2 * padding <= height;
  const y = fitsHeight ? (height - columnHeight * zoom) / 2 : padding;
  return { x, y, zoom };
}

/**
 * The viewport that frames a range of stages (inclusive indices): what a presentation shows
 * at each step. The range is centred across the screen and as large as fits, but never
 * smaller than `readable` (full cards, their text large enough for a projector) unless the
 * range is too wide for the screen at that size. A column too tall to show whole at the
 * readable size is shown from its header down (the pinned headers name the lanes), rather
 * than shrunk to overview size.
 */
export function stagesViewport(
  layout: GridLayout,
  range: { from: number; to: number },
  width: number,
  height: number,
  { padding = 28, readable = 1, maxZoom = 1.5 }: { padding?: number; readable?: number; maxZoom?: number } = {},
): Viewport | null {
  const last = layout.stages.length - 1;
  const first = layout.stages[Math.max(0, Math.min(last, range.from))];
  const end = layout.stages[Math.max(0, Math.min(last, range.to))];
  if (!first || !end || width <= 0 || height <= 0) return null;
  const left = first.x;
  const across = end.x + end.width - left;
  const columnHeight = layout.grid.y + layout.grid.height;
  if (across <= 0 || columnHeight <= 0) return null;
  const widthFit = (width - 2 * padding) / across;
  const heightFit = (height - 2 * padding) / columnHeight;
  const zoom = Math.max(0.05, Math.min(maxZoom, widthFit, Math.max(readable, heightFit)));
  const x = width / 2 - (left + across / 2) * zoom;
  const fitsHeight = columnHeight * zoom + 2 * padding <= height;
  const y = fitsHeight ? (height - columnHeight * zoom) / 2 : padding;
  return { x, y, zoom };
}
