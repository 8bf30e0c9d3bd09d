import * as Y from 'yjs';
import { CLOSE, analyzeUpdate, boardLimitViolation, structCount, type UpdateAnalysis } from '@rejse/shared';
import { checkDocumentUpdate, type ConnectionAccess } from './access.ts';
import { clearPending, pendingBytes, type BoardSizeLimits } from './board-size.ts';
import { MalformedFrameError } from './messages.ts';
import { structureViolation } from './structure.ts';

/**
 * Admission: what every document update from a client passes before it is applied, stored
 * or broadcast. The update is decoded ONCE (`analyzeUpdate`, shared) and every check reads
 * that analysis. In order, and the first that fails closes the connection:
 *
 *  1. it decodes                                          else 4400 (MALFORMED_FRAME)
 *     (before the connection's first sync step 2, an update that builds on state the client has
 *     not sent yet waits for that step 2 — see `DeferredUpdates` — and is judged then)
 *  2. it claims no state the board does not hold — no delete of clocks nobody has written,
 *     no GC struct after a gap, no skip struct past the held clocks        else 4403 (FORBIDDEN)
 *     (before any "changes nothing" shortcut and before the locks: Yjs would keep such a
 *     claim and apply it to edits written later, whoever writes them, lock or no lock)
 *  3. a viewer's update changes nothing at all                             else 4403
 *  4. the role and the board's locks allow every change (access.ts)        else 4403
 *  5. the board stays within its stored bytes and its items (structs, what its memory
 *     grows with)                                                          else 4413 (BOARD_TOO_LARGE)
 *  6. the board stays within the schema's limits (text lengths, stage/lane/card/link/
 *     persona counts, value size), so its board.json imports again        else 4413
 *  7. the board keeps its structure (only maps, records in the record maps, a stage and a
 *     lane left)                                                           else 4400
 *
 * An edit inside a record another client deleted concurrently is a no-op, as Yjs resolves
 * it (see `analyzeUpdate`): it passes, so editors converge exactly as facilitators do.
 */

/** A refused update: the connection is closed with `close` and nothing of the update is kept. */
export class AdmissionRefusal extends Error {
  constructor(
    readonly close: { code: number; reason: string },
    message: string,
  ) {
    super(message);
    this.name = 'AdmissionRefusal';
  }
}

export interface AdmissionLimits extends BoardSizeLimits, HeldBackLimits {
  /** Largest single value (JSON bytes) an update may write. */
  maxValueBytes: number;
}

export interface AdmissionInput {
  doc: Y.Doc;
  access: ConnectionAccess;
  update: Uint8Array;
  limits: AdmissionLimits;
  /** Bytes the board's stored state takes now (snapshot + update log). */
  storedBytes: () => number;
  /** Folds the update log into a snapshot (called once when the byte limit is near). */
  compact: () => void;
  /** The connection's deferred updates, when this update may be deferred (see `DeferredUpdates`). */
  deferral?: DeferredUpdates | undefined;
}

/**
 * Updates a connection sent before its first sync step 2 that build on what it has not sent
 * yet. A client that reconnects with offline edits and edits again before its step 2 arrives
 * sends an update whose parent, neighbour or deleted clocks are its own unsent offline work:
 * judged at once it would look unplaceable or like a claim on unheld clocks and cut an honest
 * editor off. It waits (never applied) until the step 2 brings that work, and is judged then
 * like any update. Bounded like held-back updates (bytes and count), else 4400.
 */
export interface DeferredUpdates {
  /** The connection's first sync step 2 arrived: nothing is deferred any more. */
  sentState: boolean;
  updates: Uint8Array[];
  bytes: number;
}

/** The deferred updates to judge now (the step 2 arrived), in the order they came. */
export function takeDeferred(deferral: DeferredUpdates): Uint8Array[] {
  deferral.sentState = true;
  deferral.bytes = 0;
  return deferral.updates.splice(0);
}

/** Decodes and analyses the update; a Yjs decoding error is a malformed frame. */
function analyze(doc: Y.Doc, update: Uint8Array): UpdateAnalysis {
  try {
    return analyzeUpdate(doc, update);
  } catch (error) {
    throw new MalformedFrameError(`invalid Yjs update: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const forbidden = (reason: string) => new AdmissionRefusal(CLOSE.FORBIDDEN, reason);
const tooLarge = (reason: string) => new AdmissionRefusal(CLOSE.BOARD_TOO_LARGE, reason);

/**
 * Refuses an update that would take the board past its byte or item limit. Near the byte
 * limit the log is compacted first (overwritten values then stop counting).
 */
function checkBoardSize(input: AdmissionInput, analysis: UpdateAnalysis): void {
  const { maxBoardBytes, maxBoardItems } = input.limits;
  if (input.storedBytes() + analysis.bytes > maxBoardBytes) {
    input.compact();
    const stored = input.storedBytes();
    if (stored + analysis.bytes > maxBoardBytes) {
      throw tooLarge(`board bytes: ${stored} stored + ${analysis.bytes} > ${maxBoardBytes}`);
    }
  }
  if (analysis.newStructs > 0) {
    const items = structCount(input.doc);
    if (items + analysis.newStructs > maxBoardItems) {
      throw tooLarge(`board items: ${items} held + ${analysis.newStructs} > ${maxBoardItems}`);
    }
  }
}

/**
 * Decides whether `input.update` may be applied. Returns its analysis when it may, 'deferred'
 * when it waits for the connection's sync step 2 (see `DeferredUpdates`); throws
 * AdmissionRefusal (close code and reason) or MalformedFrameError when it may not.
 */
export function admitUpdate(input: AdmissionInput): UpdateAnalysis | 'deferred' {
  const { doc, access, deferral } = input;
  const analysis = analyze(doc, input.update);
  if (deferral && !deferral.sentState && (analysis.unheldClaim !== null || analysis.unplaced > 0)) {
    deferral.updates.push(input.update.slice());
    deferral.bytes += input.update.length;
    if (deferral.bytes > input.limits.pendingUpdateBytes || deferral.updates.length > input.limits.pendingUpdatesPerConnection) {
      throw new MalformedFrameError(`updates that wait for a sync step 2 that never comes (${deferral.bytes} bytes)`);
    }
    return 'deferred';
  }
  if (analysis.unheldClaim) throw forbidden(analysis.unheldClaim);
  if (!access.canEditDocument && !analysis.isNoop) throw forbidden('viewers cannot change the board');
  const verdict = checkDocumentUpdate(access, doc, analysis.changes);
  if (!verdict.ok) throw forbidden(verdict.reason);
  checkBoardSize(input, analysis);
  const limit = boardLimitViolation(doc, analysis, {
    maxCards: input.limits.maxBoardCards,
    maxValueBytes: input.limits.maxValueBytes,
  });
  if (limit) throw tooLarge(`board limits: ${limit}`);
  const violation = structureViolation(doc, analysis);
  if (violation) throw new MalformedFrameError(`an update that ${violation}`);
  return analysis;
}

export interface HeldBackLimits {
  /** Bytes Yjs may hold back for one board. */
  pendingUpdateBytes: number;
  /** Updates in a row from one connection that leave more held back than before. */
  pendingUpdatesPerConnection: number;
}

/**
 * Applies an admitted update with `origin`. Yjs holds back updates whose dependencies have
 * not arrived and re-merges them with every further one; a connection that keeps adding to
 * them is closed (MalformedFrameError) and what it held back is dropped (nothing of it was
 * stored or sent). `setEcho(true)` while held-back updates may be released into this one's
 * transaction: the sender must then get the result too, or it never sees what was released.
 */
export function applyWithHeldBackLimits(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  guard: { pendingStrikes: number } | undefined,
  limits: HeldBackLimits,
  setEcho: (echo: boolean) => void,
): void {
  const before = pendingBytes(doc);
  setEcho(before > 0);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    setEcho(false);
  }
  const after = pendingBytes(doc);
  if (!guard) return;
  if (after === 0) {
    guard.pendingStrikes = 0;
    return;
  }
  if (after > before) guard.pendingStrikes += 1;
  if (after > limits.pendingUpdateBytes || guard.pendingStrikes > limits.pendingUpdatesPerConnection) {
    clearPending(doc);
    guard.pendingStrikes = 0;
    throw new MalformedFrameError(`updates whose dependencies never arrive (${after} bytes held back)`);
  }
}
