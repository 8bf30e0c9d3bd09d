import * as Y from 'yjs';
import { clearPending, pendingBytes } from './board-size.ts';
import { MalformedFrameError } from './messages.ts';

/** SERVER_LIMITS.pendingUpdateBytes and pendingUpdatesPerConnection: the same for every socket kind. */
export interface HeldBackLimits {
  pendingUpdateBytes: number;
  pendingUpdatesPerConnection: number;
}

/** Per connection: updates in a row that left more held back than before. */
export interface HeldBackStrikes {
  strikes: number;
}

/**
 * Applies a client's update to `doc` under the held-back limits. Yjs holds back updates
 * whose dependencies have not arrived and re-merges them with every further one; a
 * connection that keeps adding to them, or that makes them pass `pendingUpdateBytes`, is
 * refused (MalformedFrameError → 4400) and what was held back is dropped — nothing of it
 * was stored or sent.
 *
 * The board room applies the same rule in `Room.applyClientUpdate`.
 */
export function applyHoldingBack(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  counter: HeldBackStrikes,
  limits: HeldBackLimits,
): void {
  const before = pendingBytes(doc);
  Y.applyUpdate(doc, update, origin);
  const after = pendingBytes(doc);
  if (after === 0) {
    counter.strikes = 0;
    return;
  }
  if (after > before) counter.strikes += 1;
  if (after > limits.pendingUpdateBytes || counter.strikes > limits.pendingUpdatesPerConnection) {
    clearPending(doc);
    counter.strikes = 0;
    throw new MalformedFrameError(`updates whose dependencies never arrive (${after} bytes held back)`);
  }
}

/** Drops what a closing connection left held back (it would otherwise wait forever). */
export function releaseHeldBack(doc: Y.Doc, counter: HeldBackStrikes | undefined): void {
  if ((counter?.strikes ?? 0) > 0) clearPending(doc);
}
