import { SERVER_LIMITS } from '../config.ts';
import type { AdmissionLimits, DeferredUpdates } from './admission.ts';
import { TokenBucket, type RateLimit } from './rate.ts';

/** What one board and each of its connections may do (values and reasons: SERVER_LIMITS). */
export interface RoomLimits extends AdmissionLimits {
  awarenessRate: RateLimit;
  stateRequestRate: RateLimit;
  awarenessStateBytes: number;
  awarenessIdsPerConnection: number;
  pendingUpdateBytes: number;
  pendingUpdatesPerConnection: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxBoardBytes: SERVER_LIMITS.boardBytes,
  maxBoardCards: SERVER_LIMITS.boardCards,
  maxBoardItems: SERVER_LIMITS.boardItems,
  maxValueBytes: SERVER_LIMITS.valueBytes,
  awarenessRate: SERVER_LIMITS.awarenessRate,
  stateRequestRate: SERVER_LIMITS.stateRequestRate,
  awarenessStateBytes: SERVER_LIMITS.awarenessStateBytes,
  awarenessIdsPerConnection: SERVER_LIMITS.awarenessIdsPerConnection,
  pendingUpdateBytes: SERVER_LIMITS.pendingUpdateBytes,
  pendingUpdatesPerConnection: SERVER_LIMITS.pendingUpdatesPerConnection,
};

/** A frame the server refuses for a limit; the connection is closed with `close`. */
export class LimitExceededError extends Error {
  constructor(
    readonly close: { code: number; reason: string },
    message: string,
  ) {
    super(message);
    this.name = 'LimitExceededError';
  }
}

/** Per-connection bookkeeping for the limits (kept by the room, so Connection stays a thin socket wrapper). */
export interface ConnectionGuard {
  stateRequests: TokenBucket;
  /** Updates in a row from this connection that left more held back than before. */
  pendingStrikes: number;
  /** Updates deferred until this connection's first sync step 2 (see `Room.applyClientUpdate`). */
  deferred: DeferredUpdates;
}

export function newConnectionGuard(limits: RoomLimits, now: () => number): ConnectionGuard {
  return {
    stateRequests: new TokenBucket(limits.stateRequestRate, now),
    pendingStrikes: 0,
    deferred: { sentState: false, updates: [], bytes: 0 },
  };
}
