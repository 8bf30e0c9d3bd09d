import type { Viewport } from '@xyflow/react';
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { FAR_ZOOM, SUMMARY_ZOOM, type GridLayout } from './layout.ts';
import { fitBoardViewport } from './useFitBoard.ts';

/** Height the page's bars take above the canvas, for the first guess of its size. */
const BARS_HEIGHT = 120;

/**
 * Semantic zoom, set on the canvas element for CSS: `--inv-zoom` (header text grows when
 * zoomed out), `--read` (the inverse zoom rounded up to an eighth: summaries render at
 * 10.25 px or more and are laid out again only when the step changes); the canvas's class
 * says `summary` below SUMMARY_ZOOM (React owns the class, so these are state). Below FAR_ZOOM (`far`) the cards are drawn by the far layer instead of
 * as nodes. The first view is the board fitted to a guess of the canvas's size, so the first
 * render already has the right kind of cards; "zoom to fit" then fits it exactly.
 */
export function useSemanticZoom(
  wrapper: RefObject<HTMLElement | null>,
  layout: GridLayout,
): { far: boolean; summary: boolean; defaultViewport: Viewport; onMove: (event: unknown, viewport: Viewport) => void } {
  const [defaultViewport] = useState(() =>
    fitBoardViewport(layout, Math.max(320, window.innerWidth), Math.max(240, window.innerHeight - BARS_HEIGHT)),
  );
  const [far, setFar] = useState(() => defaultViewport.zoom < FAR_ZOOM);
  const [summary, setSummary] = useState(() => defaultViewport.zoom < SUMMARY_ZOOM);
  const lastZoom = useRef(0);

  const apply = useCallback(
    (zoom: number) => {
      const element = wrapper.current;
      if (!element || zoom === lastZoom.current) return;
      lastZoom.current = zoom;
      element.style.setProperty('--inv-zoom', String(1 / zoom));
      const read = String(Math.ceil(8 / zoom) / 8);
      if (element.style.getPropertyValue('--read') !== read) element.style.setProperty('--read', read);
      setSummary(zoom < SUMMARY_ZOOM);
      setFar(zoom < FAR_ZOOM);
    },
    [wrapper],
  );

  useLayoutEffect(() => apply(defaultViewport.zoom), [apply, defaultViewport]);
  const onMove = useCallback((_event: unknown, viewport: Viewport) => apply(viewport.zoom), [apply]);
  return { far, summary, defaultViewport, onMove };
}
