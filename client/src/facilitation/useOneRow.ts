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

/** The room a part (its `[data-fold]` elements in the row) takes: their widths and the gap each leaves in its flex parent. */
function partWidth(row: HTMLElement, name: string): number {
  let width = 0;
  for (const element of row.querySelectorAll<HTMLElement>(`[data-fold="${name}"]`)) {
    if (element.closest('.workshop-menu__panel')) continue;
    const parent = element.parentElement;
    const gap = parent ? Number.parseFloat(getComputedStyle(parent).columnGap) || 0 : 0;
    width += element.getBoundingClientRect().width + gap;
  }
  return width;
}

/** A "More" menu not yet drawn is about this wide (its summary and arrow). */
const MORE_GUESS = 76;
/** Room left over before a folded part comes back, so the row does not flip on a pixel. */
const SLACK = 2;

/**
 * Keeps a toolbar on one row: answers how many of `parts` (named by the `data-fold` attribute
 * of their elements in the row, least needed first) the caller folds into a "More" menu — as
 * many as the row needs to fit, and fewer again once the last folded part would fit back,
 * measured against the width that part had when it was shown, so the row does not flip
 * between the two on every change. Watches the row's size, its children's sizes (a running
 * phase's strip grows and shrinks on its own) and which children it has — measuring only when
 * one of those reports a change, after layout: reading sizes on every render would force the
 * browser to lay out the whole page, thousands of card nodes included (it cost seconds while a
 * 5,000-card board loaded). With every part folded and still no room (a narrow window) the
 * row wraps: nothing is cut off.
 */
export function useOneRow(row: RefObject<HTMLElement | null>, more: RefObject<HTMLElement | null>, parts: readonly string[]): number {
  const [folded, setFolded] = useState(0);
  /** Each part's width when it was last shown. */
  const widths = useRef<number[]>([]);
  const state = useRef(folded);
  state.current = folded;
  const names = parts.join(' ');

  useEffect(() => {
    const element = row.current;
    if (!element) return;
    const all = names.split(' ');
    const padding = () => {
      const style = getComputedStyle(element);
      return (Number.parseFloat(style.paddingLeft) || 0) + (Number.parseFloat(style.paddingRight) || 0);
    };
    const check = () => {
      const room = element.clientWidth - padding();
      const needed = contentWidth(element);
      let count = state.current;
      if (needed > room + 0.5) {
        // Fold parts, least needed first, until what is left fits (the menu takes room too).
        let saved = count === 0 ? -(more.current?.getBoundingClientRect().width || MORE_GUESS) : 0;
        while (count < all.length && needed - saved > room + 0.5) {
          const width = partWidth(element, all[count] as string);
          widths.current[count] = width;
          saved += width;
          count += 1;
        }
      } else {
        // Unfold the last folded part while it fits back (with the menu gone when it was the only one).
        let left = needed;
        while (count > 0) {
          const back = left + (widths.current[count - 1] ?? 0) - (count === 1 ? (more.current?.getBoundingClientRect().width ?? 0) : 0);
          if (back > room - SLACK) break;
          left = back;
          count -= 1;
        }
      }
      if (count !== state.current) {
        state.current = count;
        setFolded(count);
      }
    };
    // A ResizeObserver reports each observed element once when observed, then on every change.
    const sizes = new ResizeObserver(check);
    const watchChildren = () => {
      sizes.disconnect();
      sizes.observe(element);
      // A part inside a child (a facilitator control) changing size changes that child's size.
      for (const child of element.children) sizes.observe(child);
    };
    const children = new MutationObserver(watchChildren);
    watchChildren();
    children.observe(element, { childList: true });
    return () => {
      sizes.disconnect();
      children.disconnect();
    };
  }, [row, more, names]);
  return folded;
}
