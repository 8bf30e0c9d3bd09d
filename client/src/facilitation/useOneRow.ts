import { useEffect, useRef, useState, type RefObject } from 'react';

/** Width of the children of a flex row, their gaps included (what the row needs to show them all). */
function contentWidth(row: HTMLElement): number {
  const gap = Number.parseFloat(getComputedStyle(row).columnGap) || 0;
  // Overlays drawn from inside the row (cursors, focus, presentation) are positioned, not laid out in it.
  const kids = ([...row.children] as HTMLElement[]).filter((child) => {
    const position = getComputedStyle(child).position;
    return child.offsetParent !== null && position !== 'absolute' && position !== 'fixed';
  });
  return kids.reduce((sum, child) => sum + child.getBoundingClientRect().width, 0) + gap * Math.max(0, kids.length - 1);
}

/**
 * Keeps a toolbar on one row: `compact` turns true when its children no longer fit side by
 * side (the caller then folds its least-used part into a "More" menu), and false again once
 * the folded part would fit back — measured against the width that part had when it was last
 * shown, so the row does not flip between the two on every change. Watches the row's size,
 * its children's sizes (a running phase's strip grows and shrinks on its own) and which
 * children it has — measuring only when one of those reports a change, after layout: reading
 * sizes on every render would force the browser to lay out the whole page, thousands of card
 * nodes included (it cost seconds while a 5,000-card board loaded).
 */
export function useOneRow(row: RefObject<HTMLElement | null>, folded: RefObject<HTMLElement | null>, more: RefObject<HTMLElement | null>) {
  const [compact, setCompact] = useState(false);
  const foldedWidth = useRef(0);
  const state = useRef(compact);
  state.current = compact;

  useEffect(() => {
    const element = row.current;
    if (!element) return;
    const padding = () => {
      const style = getComputedStyle(element);
      return (Number.parseFloat(style.paddingLeft) || 0) + (Number.parseFloat(style.paddingRight) || 0);
    };
    const check = () => {
      const room = element.clientWidth - padding();
      if (!state.current) {
        foldedWidth.current = folded.current?.getBoundingClientRect().width ?? 0;
        if (contentWidth(element) > room + 0.5) setCompact(true);
      } else {
        const moreWidth = more.current?.getBoundingClientRect().width ?? 0;
        if (contentWidth(element) - moreWidth + foldedWidth.current <= room) setCompact(false);
      }
    };
    // A ResizeObserver reports each observed element once when observed, then on every change.
    const sizes = new ResizeObserver(check);
    const watchChildren = () => {
      sizes.disconnect();
      sizes.observe(element);
      for (const child of element.children) sizes.observe(child);
    };
    const children = new MutationObserver(watchChildren);
    watchChildren();
    children.observe(element, { childList: true });
    return () => {
      sizes.disconnect();
      children.disconnect();
    };
  }, [row, folded, more]);
  return compact;
}
