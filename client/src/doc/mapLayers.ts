import type { Board, Card, CardKind } from '@rejse/shared';
import type * as Y from 'yjs';
import { useCallback, useMemo, useRef, useSyncExternalStore, type ComponentType } from 'react';
import { useBoardContext, useBoardSnapshot } from './BoardContext.tsx';
import { cardsChangedSince, noteCardChange } from './binding.ts';

/** What a feature may draw on each card of the live map, below its text (the workshop's vote control and totals). */
export interface CardAddonProps {
  id: string;
  kind: CardKind;
  /** The card's text, for accessible names ("Vote for “…”"). */
  text: string;
}

/** A value read with `useSyncExternalStore`. */
interface Readable<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/**
 * What the workshop lays over the live map without the canvas knowing the workshop (the
 * canvas imports only doc/, i18n/, ui/ and shared): this person's own private cards, drawn in
 * their cells for them alone, and an addon drawn on every card. Given by the facilitation
 * layer with the guarded commands; a saved version on the canvas has none.
 */
export interface MapLayers {
  privateCards: Readable<readonly Card[]>;
  CardAddon: ComponentType<CardAddonProps> | null;
  /** The document one of this person's private cards lives in (their drafts), or undefined for a board card. */
  privateDocOf(cardId: string): Y.Doc | undefined;
}

const NO_CARDS: readonly Card[] = [];
const NO_PRIVATE: Readable<readonly Card[]> = { get: () => NO_CARDS, subscribe: () => () => undefined };
const NO_IDS: ReadonlySet<string> = new Set();

/** A merged board and what it was made from. */
export interface MergedBoard {
  shared: Board;
  own: readonly Card[];
  board: Board;
  privateIds: ReadonlySet<string>;
}

/**
 * The board as the map draws it for this person: the shared board plus their private cards
 * (the same object as the shared board while they have none), and which cards are private.
 */
export function useMapBoard(): { board: Board; privateIds: ReadonlySet<string> } {
  const shared = useBoardSnapshot();
  const store = useBoardContext().layers?.privateCards ?? NO_PRIVATE;
  const own = useSyncExternalStore(store.subscribe, store.get);
  const last = useRef<MergedBoard | null>(null);
  return useMemo(() => {
    const merged = mergeMapBoard(last.current, shared, own);
    last.current = merged;
    return { board: merged.board, privateIds: merged.privateIds };
  }, [shared, own]);
}

/**
 * `shared` with this person's private cards `own` appended. A merged board notes which cards
 * changed since `last` (the merge made before: see `noteCardChange`), so the canvas patches
 * rather than walks when someone types while this person has private cards; the set of
 * private ids keeps its object while the ids are the same.
 */
export function mergeMapBoard(last: MergedBoard | null, shared: Board, own: readonly Card[]): MergedBoard {
  if (own.length === 0) return { shared, own, board: shared, privateIds: NO_IDS };
  const board = withPrivate(shared, own);
  const sameOwnIds = last !== null && last.own.length > 0 && sameIds(last.own, own);
  const privateIds = sameOwnIds ? last.privateIds : new Set(own.map((card) => card.id));
  if (last) noteCardChange(board, last.board, sameOwnIds ? mergedChange(last, shared, own) : null);
  return { shared, own, board, privateIds };
}

const sameIds = (a: readonly Card[], b: readonly Card[]): boolean => a.length === b.length && a.every((card, i) => card.id === b[i]?.id);

/** The cards changed since the last merged board (own cards in the same places), or null. */
function mergedChange(last: MergedBoard, shared: Board, own: readonly Card[]): ReadonlySet<string> | null {
  const changed = cardsChangedSince(shared, last.shared);
  if (!changed) return null;
  const ownChanged = own.filter((card, i) => card !== last.own[i]);
  if (ownChanged.length === 0) return changed;
  return new Set([...changed, ...ownChanged.map((card) => card.id)]);
}

const withPrivate = (shared: Board, own: readonly Card[]): Board =>
  own.length === 0 ? shared : { ...shared, cards: [...shared.cards, ...own] };

/** Reads the map's board now (in an event handler: where did the card just added land?). */
export function useReadMapBoard(): () => Board {
  const { session, layers } = useBoardContext();
  return useCallback(() => withPrivate(session.getBoard(), layers?.privateCards.get() ?? NO_CARDS), [session, layers]);
}

/** One of this person's private cards by id (for the inspector), or undefined when it is not one. */
export function usePrivateCard(id: string | undefined): Card | undefined {
  const store = useBoardContext().layers?.privateCards ?? NO_PRIVATE;
  return useSyncExternalStore(store.subscribe, () => (id === undefined ? undefined : store.get().find((card) => card.id === id)));
}

/** The addon every card of this map draws, or null. */
export const useCardAddon = (): ComponentType<CardAddonProps> | null => useBoardContext().layers?.CardAddon ?? null;
