import type { Board } from '@rejse/shared';
import type { useStoreApi } from '@xyflow/react';
import { toBlob } from 'html-to-image';
import { computeLayout } from '../canvas/layout.ts';
import type { BoardUiStore } from '../doc/boardUi.ts';

/**
 * PNG pictures of the map (html-to-image 1.11.11, as React Flow's own example pins).
 *
 * - "board": the whole grid (headers, cells, cards, links, emotion curve) at zoom 1, with a
 *   margin, whatever part of it is on screen and however far it is zoomed. The canvas renders only visible nodes
 *   (`onlyRenderVisibleElements`), so for the capture React Flow's store is told, for a few
 *   frames, that the pane is as large as the board and sits at its top-left corner: every
 *   node is then in the DOM. The store is put back exactly as it was afterwards (the pan/zoom
 *   behaviour never saw the change, so nothing jumps).
 * - "view": what the pane shows now, at its size.
 *
 * Editing chrome never gets into the picture: controls, minimap, handles, "+" buttons,
 * header tools, other people's cursors and selections, focus dimming and lock badges are
 * filtered out, and this browser's own selection is cleared while capturing.
 */
export type PictureArea = 'board' | 'view';
export type PictureScale = 1 | 2;
export type PictureStep = 'prepare' | 'render' | 'encode';

export const PICTURE_MARGIN = 24;
/** Frames to wait, at most, for the off-screen cards to mount. */
const MAX_WAIT_FRAMES = 120;

type FlowStore = ReturnType<typeof useStoreApi>;

/** Classes of elements that are editing chrome, not part of the map. */
const CHROME_CLASSES = [
  'react-flow__handle',
  'react-flow__controls',
  'react-flow__minimap',
  'react-flow__attribution',
  'react-flow__panel',
  'react-flow__nodesselection',
  'react-flow__selection',
  'react-flow__node-addStage',
  'react-flow__node-addLane',
  'cell__add',
  'card__drop-zone',
  'card__editor',
  'axis-header__tools',
  'axis-add',
  'presence-layer',
  'presence-cursor',
  'presence-selection',
  'focus-layer',
  'lock-layer',
  'sticky-headers',
];

/** False for editing chrome (and its children). */
export function isPictureContent(node: Node): boolean {
  if (!(node instanceof Element)) return true;
  if (node.tagName === 'BUTTON') return false;
  const classes = node.classList;
  return !CHROME_CLASSES.some((name) => classes.contains(name));
}

/** The picture's size in CSS pixels (before the 1×/2× scale). */
export function pictureSize(board: Board, area: PictureArea, pane: { width: number; height: number }): { width: number; height: number } {
  if (area === 'view') return { width: Math.round(pane.width), height: Math.round(pane.height) };
  const { grid } = computeLayout(board);
  return {
    width: Math.ceil(grid.x + grid.width + 2 * PICTURE_MARGIN),
    height: Math.ceil(grid.y + grid.height + 2 * PICTURE_MARGIN),
  };
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function waitForNodes(domNode: HTMLElement, expected: number): Promise<void> {
  for (let i = 0; i < MAX_WAIT_FRAMES; i++) {
    await nextFrame();
    if (domNode.querySelectorAll('.react-flow__node').length >= expected) break;
  }
  // One more frame for the edges, which follow their nodes.
  await nextFrame();
  await nextFrame();
}

/** Width and height from a PNG's IHDR chunk. */
export async function pngSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bytes = new DataView(await blob.slice(0, 24).arrayBuffer());
  return { width: bytes.getUint32(16), height: bytes.getUint32(20) };
}

export interface CaptureOptions {
  /** This board's local UI store: the selection is let go of during the capture, and cards drawn in full. */
  ui: BoardUiStore;
  area: PictureArea;
  scale: PictureScale;
  onStep?: (step: PictureStep) => void;
  /** Clear and restore this browser's selection around the capture (default true). */
  clearSelection?: boolean;
}

export interface Picture {
  blob: Blob;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}

/** Captures run one at a time: each borrows React Flow's store and must put it back first. */
let queue: Promise<unknown> = Promise.resolve();

export function captureMapPicture(store: FlowStore, board: Board, options: CaptureOptions): Promise<Picture> {
  const run = queue.then(() => capture(store, board, options));
  queue = run.catch(() => undefined);
  return run;
}

async function capture(store: FlowStore, board: Board, options: CaptureOptions): Promise<Picture> {
  const { area, scale, onStep, clearSelection = true, ui: uiStore } = options;
  const state = store.getState();
  const domNode = state.domNode;
  const viewport = domNode?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!domNode || !viewport) throw new Error('the map is not on screen');

  onStep?.('prepare');
  const ui = uiStore.getState();
  const selection = { cards: ui.selectedCards, links: ui.selectedLinks };
  if (clearSelection) {
    ui.editCard(null);
    ui.setSelection([], []);
  }
  const saved = { width: state.width, height: state.height, transform: state.transform };
  const size = pictureSize(board, area, { width: state.width, height: state.height });
  const transform: [number, number, number] = area === 'board' ? [PICTURE_MARGIN, PICTURE_MARGIN, 1] : saved.transform;
  // Headers grow when zoomed out (`--inv-zoom` on the canvas); a board picture is at zoom 1.
  const zoomHolder = area === 'board' ? domNode.closest<HTMLElement>('.canvas') : null;
  const savedInvZoom = zoomHolder?.style.getPropertyValue('--inv-zoom') ?? '';
  try {
    if (area === 'board') {
      // Every node counts as visible while the "pane" is the size of the board.
      store.setState({ width: size.width, height: size.height, transform });
      uiStore.getState().setCapturingPicture(true);
      zoomHolder?.style.setProperty('--inv-zoom', '1');
    }
    onStep?.('render');
    await waitForNodes(domNode, store.getState().nodeLookup.size);
    // Cards drawn as plain blocks when zoomed far out are drawn in full again by now.
    for (let i = 0; i < MAX_WAIT_FRAMES && domNode.closest('.is-far, .canvas.is-far'); i++) await nextFrame();
    onStep?.('encode');
    const background = getComputedStyle(domNode).backgroundColor;
    const blob = await toBlob(viewport, {
      width: size.width,
      height: size.height,
      pixelRatio: scale,
      skipFonts: true,
      backgroundColor: background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff',
      filter: (node) => isPictureContent(node),
      style: {
        width: `${size.width}px`,
        height: `${size.height}px`,
        transform: `translate(${transform[0]}px, ${transform[1]}px) scale(${transform[2]})`,
      },
    });
    if (!blob || blob.size === 0) throw new Error('the browser made an empty picture');
    return { blob, ...(await pngSize(blob)) };
  } finally {
    if (area === 'board') {
      uiStore.getState().setCapturingPicture(false);
      store.setState(saved);
      if (savedInvZoom) zoomHolder?.style.setProperty('--inv-zoom', savedInvZoom);
      else zoomHolder?.style.removeProperty('--inv-zoom');
    }
    if (clearSelection) uiStore.getState().setSelection(selection.cards, selection.links);
  }
}
