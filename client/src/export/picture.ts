import { mapArea, mapSvg, type Board, type Rect } from '@rejse/shared';
import type { useStoreApi } from '@xyflow/react';
import { computeLayout } from '../canvas/layout.ts';

/**
 * Pictures of the map, drawn from the layout (`mapSvg` in @rejse/shared: the geometry the
 * canvas uses), never captured from the screen: nothing on screen changes, the view does
 * not move, and off-screen cards are in the picture because nothing has to be mounted.
 *
 * - "board": the whole grid at zoom 1 with a margin.
 * - "view": the part of the map the pane shows now, at the pane's size.
 * SVG is the picture itself; a PNG is the SVG drawn into a canvas at 1× or 2×.
 */
export type PictureArea = 'board' | 'view';
export type PictureScale = 1 | 2;
export type PictureStep = 'prepare' | 'render' | 'encode';

type FlowStore = ReturnType<typeof useStoreApi>;

export interface PaneView {
  width: number;
  height: number;
  transform: readonly [number, number, number];
}

/** The map rectangle a picture shows and the pixels per map unit at 1×. */
export function pictureFrame(board: Board, area: PictureArea, pane: PaneView): { area: Rect; unit: number } {
  if (area === 'board') return { area: mapArea(computeLayout(board)), unit: 1 };
  const [x, y, zoom] = pane.transform;
  return { area: { x: -x / zoom, y: -y / zoom, width: pane.width / zoom, height: pane.height / zoom }, unit: zoom };
}

/** The picture's size in CSS pixels (before the 1×/2× scale). */
export function pictureSize(board: Board, area: PictureArea, pane: PaneView): { width: number; height: number } {
  const frame = pictureFrame(board, area, pane);
  return { width: Math.round(frame.area.width * frame.unit), height: Math.round(frame.area.height * frame.unit) };
}

/** The SVG of a picture (the vector file, and the source of the PNG). */
export function pictureSvg(board: Board, area: PictureArea, pane: PaneView, scale: number): { svg: string; width: number; height: number } {
  const frame = pictureFrame(board, area, pane);
  return mapSvg(board, { area: frame.area, scale: frame.unit * scale });
}

/** Width and height from a PNG's IHDR chunk. */
export async function pngSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bytes = new DataView(await blob.slice(0, 24).arrayBuffer());
  return { width: bytes.getUint32(16), height: bytes.getUint32(20) };
}

/** An SVG drawn into a canvas of its pixel size and encoded as PNG. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the browser gave no canvas to draw in');
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob || blob.size === 0) throw new Error('the browser made an empty picture');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface CaptureOptions {
  area: PictureArea;
  scale: PictureScale;
  onStep?: (step: PictureStep) => void;
}

export interface Picture {
  blob: Blob;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}

/** The PNG of the board or of the current view; reads the pane's transform, never changes it. */
export async function captureMapPicture(store: FlowStore, board: Board, options: CaptureOptions): Promise<Picture> {
  const { area, scale, onStep } = options;
  const { width, height, transform } = store.getState();
  onStep?.('render');
  const picture = pictureSvg(board, area, { width, height, transform }, scale);
  onStep?.('encode');
  const blob = await svgToPng(picture.svg, picture.width, picture.height);
  return { blob, ...(await pngSize(blob)) };
}
