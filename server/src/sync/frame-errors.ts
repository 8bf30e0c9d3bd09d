import { CLOSE } from '@rejse/shared';
import type { Logger } from '../log.ts';
import { AdmissionRefusal } from './admission.ts';
import type { Connection } from './connection.ts';
import { LimitExceededError } from './room-limits.ts';

/**
 * Closes the one connection whose frame could not be handled, with the code its error
 * carries: a refused update (admission.ts), a passed limit, or else a malformed frame. A
 * refusal and a limit are logged as information (someone may be probing); a malformed frame
 * only at debug level (a client bug or a broken link, not news).
 */
export function closeForFrameError(conn: Connection, error: unknown, log: Logger, boardId: string): void {
  if (error instanceof AdmissionRefusal) {
    log.info('refused an update', { board: boardId, role: conn.access.role, ip: conn.ip, code: error.close.code, reason: error.message });
    conn.close(error.close);
    return;
  }
  if (error instanceof LimitExceededError) {
    log.info('closing a connection that passed a limit', { board: boardId, ip: conn.ip, code: error.close.code, limit: error.message });
    conn.close(error.close);
    return;
  }
  log.debug('closing a connection after a malformed frame', {
    board: boardId,
    ip: conn.ip,
    error: error instanceof Error ? error.message : String(error),
  });
  conn.close(CLOSE.MALFORMED_FRAME);
}
