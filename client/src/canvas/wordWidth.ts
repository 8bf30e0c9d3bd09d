/**
 * How wide a title's longest word is, in ems of the headers' bold type (measured once per
 * title on a canvas). The header's CSS shrinks the title's type so that word fits across
 * (`--word-em`): names then break only between words, never inside one — Chromium on Linux
 * has no hyphenation dictionary, and breaking anywhere cut "Kontaktpunkt/er".
 */
const cache = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

export function longestWordEm(text: string): number {
  const known = cache.get(text);
  if (known !== undefined) return known;
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) context.font = `680 100px ${getComputedStyle(document.body).fontFamily}`;
  }
  if (!context) return 1;
  let widest = 0;
  for (const word of text.split(/[\s\-‐–—/]+/)) {
    if (word) widest = Math.max(widest, context.measureText(word).width / 100);
  }
  // A little to spare: the canvas's text and the laid-out title round differently.
  const em = widest > 0 ? widest * 1.04 : 1;
  if (cache.size > 500) cache.clear();
  cache.set(text, em);
  return em;
}
