import { SERVER_LIMITS } from '../config.ts';
import type { AdmissionLimits } from './admission.ts';
import type { RateLimit } from './rate.ts';

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
