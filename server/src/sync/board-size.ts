import * as Y from 'yjs';
import { CARDS, cardsMap } from '@rejse/shared';

/** The size limits of one board, checked before an update is applied (see SERVER_LIMITS). */
export interface BoardSizeLimits {
  /** Bytes of stored state (snapshot + update log) a board may reach. */
  maxBoardBytes: number;
  /** Cards a board may hold. */
  maxBoardCards: number;
}

/**
 * A new card record costs at least this many bytes in a V1 update (struct info, parent
 * name "cards", its key and content), so an update shorter than `8 × n` bytes cannot add
 * n cards — the exact count is only computed when it could matter.
 */
const MIN_BYTES_PER_NEW_CARD = 8;

/** The stored item `id` points into, if the document has it. */
export function storedItem(doc: Y.Doc, id: Y.ID): Y.Item | undefined {
  const structs = doc.store.clients.get(id.client);
  const last = structs?.[structs.length - 1];
  if (!last || id.clock >= last.id.clock + last.length) return undefined;
  const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
  return struct instanceof Y.Item ? struct : undefined;
}

/**
 * How many cards `update` would add to `doc` that it does not hold now: keys written
 * directly into the top-level cards map that are not live keys there (a new card, or a
 * deleted one brought back). Throws if the update cannot be decoded.
 */
export function countNewCards(doc: Y.Doc, update: Uint8Array, decoded = Y.decodeUpdate(update)): number {
  const cards = cardsMap(doc);
  const added = new Set<string>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    let key: string | null = null;
    if ((struct.parent as unknown) === CARDS) {
      key = struct.parentSub;
    } else if (struct.parent === null && struct.origin) {
      // Written next to an existing item: it has that item's parent and key.
      const neighbour = storedItem(doc, struct.origin);
      if (neighbour && neighbour.parent === cards) key = neighbour.parentSub;
    }
    if (key !== null && !cards.has(key)) added.add(key);
  }
  return added.size;
}

/** Whether `update` could take the board past `maxCards` (counted only when it could be close). */
export function wouldExceedCards(
  doc: Y.Doc,
  update: Uint8Array,
  maxCards: number,
  decoded?: ReturnType<typeof Y.decodeUpdate>,
): boolean {
  const current = cardsMap(doc).size;
  if (current + Math.ceil(update.length / MIN_BYTES_PER_NEW_CARD) <= maxCards) return false;
  return current + countNewCards(doc, update, decoded) > maxCards;
}

/** Bytes of updates Yjs holds back because their dependencies have not arrived. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}

/** Drops the held-back updates (never stored or sent; their senders resend them on their next sync). */
export function clearPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}
