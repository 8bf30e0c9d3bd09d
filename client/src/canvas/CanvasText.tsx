import { createContext, useContext, type ReactNode } from 'react';
import type { Locale, Translate } from '../i18n/index.ts';

/**
 * The UI language for the canvas's nodes, given once by the canvas. Nodes read it from
 * context rather than each subscribing to the UI store: with thousands of cards, a store
 * change then costs no per-node selector runs, and a language change re-renders them once.
 */
export interface CanvasText {
  t: Translate;
  locale: Locale;
  /**
   * Zoomed out below FAR_ZOOM: the far layer draws the cards, and the curve leaves out its
   * touchpoints' points (a few pixels apart, too small to set; thousands of controls to lay out).
   */
  far: boolean;
  /** A view-only link (or a saved version): no editor opens and no edit control is drawn. */
  readOnly: boolean;
}

const CanvasTextContext = createContext<CanvasText | null>(null);

export function CanvasTextProvider({ value, children }: { value: CanvasText; children: ReactNode }) {
  return <CanvasTextContext.Provider value={value}>{children}</CanvasTextContext.Provider>;
}

export function useCanvasText(): CanvasText {
  const value = useContext(CanvasTextContext);
  if (!value) throw new Error('canvas nodes need a <CanvasTextProvider>');
  return value;
}
