import { useStore, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Board } from '@rejse/shared';
import { drawFarMap } from './farMap.ts';
import type { GridLayout } from './layout.ts';

const transformOf = (s: ReactFlowState) => s.transform;
const NONE: ReadonlySet<string> = new Set();

/**
 * The cards in the overview map while the canvas is zoomed out below FAR_ZOOM, where they are
 * drawn by the far layer and are not React Flow nodes (which React Flow's minimap draws): the
 * same blocks, drawn under the minimap's picture in its own view box, so its frame of the
 * current view and its dimming still lie on top. Redrawn only when that view box or the board
 * changes (a pan within a big board keeps it).
 */
export function MinimapBlocks({
  dock,
  board,
  layout,
  selectedCards,
}: {
  dock: RefObject<HTMLElement | null>;
  board: Pick<Board, 'cards' | 'links'>;
  layout: GridLayout;
  selectedCards: ReadonlySet<string>;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const transform = useStore(transformOf);
  const drawn = useRef<{ box: string; board: unknown; layout: unknown; selected: unknown } | null>(null);
  // React Flow's minimap draws its picture a frame after it mounts: look again on the next frame.
  const [retry, setRetry] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the transform moves React Flow's minimap view box, read from its element; retry looks again.
  useLayoutEffect(() => {
    const canvas = ref.current;
    const svg = dock.current?.querySelector<SVGSVGElement>('.react-flow__minimap svg');
    const ctx = canvas?.getContext('2d');
    const view = svg?.viewBox.baseVal;
    if (!canvas || !svg || !ctx || !dock.current || !view || view.width === 0) {
      const frame = requestAnimationFrame(() => setRetry((n) => n + 1));
      return () => cancelAnimationFrame(frame);
    }
    const box = `${view.x} ${view.y} ${view.width} ${view.height}`;
    const last = drawn.current;
    if (last && last.box === box && last.board === board && last.layout === layout && last.selected === selectedCards) return;
    drawn.current = { box, board, layout, selected: selectedCards };
    const at = svg.getBoundingClientRect();
    const within = dock.current.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    Object.assign(canvas.style, {
      left: `${at.left - within.left}px`,
      top: `${at.top - within.top}px`,
      width: `${at.width}px`,
      height: `${at.height}px`,
    });
    canvas.width = Math.round(at.width * ratio);
    canvas.height = Math.round(at.height * ratio);
    const zoom = view.width > 0 ? at.width / view.width : 1;
    drawFarMap(ctx, {
      board,
      layout,
      selectedCards,
      selectedLinks: NONE,
      matches: null,
      privateIds: NONE,
      scale: zoom * ratio,
      zoom,
      origin: { x: view.x, y: view.y },
      links: false,
    });
  }, [dock, board, layout, selectedCards, transform, retry]);

  // No role or name: a picture under the minimap, which names the overview for assistive tech.
  return <canvas ref={ref} className="minimap-blocks" />;
}
