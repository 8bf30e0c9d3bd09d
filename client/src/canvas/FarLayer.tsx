import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { Board } from '@rejse/shared';
import { drawFarMap, farArea, farScale } from './farMap.ts';
import type { GridLayout } from './layout.ts';
import type { FarDrag } from './useFarDrag.ts';

const zoomOf = (s: ReactFlowState) => s.transform[2];

interface FarLayerProps {
  board: Pick<Board, 'cards' | 'links'>;
  layout: GridLayout;
  selectedCards: ReadonlySet<string>;
  selectedLinks: readonly string[];
  matches: ReadonlySet<string> | null;
  privateIds: ReadonlySet<string>;
  /** Blocks being dragged (`useFarDrag`). */
  moving: FarDrag | null;
  /** The card the keyboard is on while the far map has the focus (`useFarKeys`): ringed. */
  focused: string | null;
}

/**
 * The cards and links of a map seen from far (below FAR_ZOOM), drawn on one canvas inside the
 * viewport instead of hundreds of card nodes: a pan moves the drawing with the rest of the map
 * and draws nothing again; a zoom step, an edit, the selection or the search draws it anew.
 * Transparent to the pointer: the canvas hit-tests clicks on the cells beneath (`cardAt`).
 * The card the keyboard is on (`useFarKeys`) gets a ring; the keyboard and assistive technology
 * reach the cards through `FarKeysList`, so the canvas itself is only a picture.
 */
function FarLayerView({ board, layout, selectedCards, selectedLinks, matches, privateIds, moving, focused }: FarLayerProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const zoom = useStore(zoomOf);
  const area = farArea(layout);
  const scale = farScale(area, zoom, window.devicePixelRatio || 1);
  const width = Math.max(1, Math.round(area.width * scale));
  const height = Math.max(1, Math.round(area.height * scale));
  const links = useMemo(() => new Set(selectedLinks), [selectedLinks]);

  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    drawFarMap(ctx, {
      board,
      layout,
      selectedCards,
      selectedLinks: links,
      matches,
      privateIds,
      scale,
      // Outlines keep their screen width within a scale step.
      zoom: scale / (window.devicePixelRatio || 1),
      moving,
      focused,
    });
  }, [board, layout, selectedCards, links, matches, privateIds, scale, moving, focused]);

  return (
    <ViewportPortal>
      <canvas
        ref={ref}
        className="far-layer"
        width={width}
        height={height}
        data-cards={layout.cards.size}
        style={{ left: area.x, top: area.y, width: area.width, height: area.height }}
      />
    </ViewportPortal>
  );
}

export const FarLayer = memo(FarLayerView);
