import { createExternalStore } from '../doc/externalStore.ts';

/**
 * The name this person shows to others (asked once, remembered in this browser, editable)
 * and their colour (derived from their participant id, which this browser keeps per board, so
 * it stays the same across reloads and is the same colour on everyone's screen).
 */
const NAME_KEY = 'rejse.displayName';
export const MAX_NAME_LENGTH = 40;

function readStoredName(): string | null {
  try {
    const name = globalThis.localStorage?.getItem(NAME_KEY)?.trim();
    return name ? name.slice(0, MAX_NAME_LENGTH) : null;
  } catch {
    return null;
  }
}

/** The display name, or null until the person has chosen one. */
export const displayName = createExternalStore<string | null>(readStoredName());

export function saveDisplayName(name: string): void {
  const trimmed = name.trim().slice(0, MAX_NAME_LENGTH);
  if (!trimmed) return;
  try {
    globalThis.localStorage?.setItem(NAME_KEY, trimmed);
  } catch {
    // Kept for this tab only.
  }
  displayName.set(trimmed);
}

/** Colours readable as cursor labels (white text) and as outlines on the light canvas. */
const PRESENCE_COLOURS = ['#c2410c', '#0f766e', '#7c3aed', '#be185d', '#1d4ed8', '#4d7c0f', '#b45309', '#0e7490'] as const;

export function colourFor(seed: number | string): string {
  const text = String(seed);
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length] ?? PRESENCE_COLOURS[0];
}

/**
 * One or two letters for an avatar: "Anne Marie Holm" → "AH", "bo" → "B", "Øjvind Ålund" → "ØÅ".
 * A bracketed part is a note, not a name ("Mette (facilitator)" → "M"); only letters count, so
 * punctuation and digits never become an initial.
 */
export function initials(name: string): string {
  const plain = name.replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ');
  const words = plain
    .split(/[\s\-–—.,/]+/)
    .map((word) => word.match(/\p{L}/u)?.[0])
    .filter((letter): letter is string => letter !== undefined);
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1] : '';
  return `${first}${last}`.toLocaleUpperCase();
}
