import { createExternalStore } from '../doc/externalStore.ts';
import type { Presenting } from './state.ts';

const sameRange = (a: Presenting | null, b: Presenting | null): boolean =>
  a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);

/** The stages this tab presents (the facilitator's), published through awareness; null when not presenting. */
export const presentation = createExternalStore<Presenting | null>(null, sameRange);

/** This tab stepped out of someone's presentation to look around on its own. Local, never shared. */
export const leftPresentation = createExternalStore<boolean>(false);
