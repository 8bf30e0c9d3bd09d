import { z } from 'zod';
import { lazySchema } from './lazy.ts';
import { IMPORT_REFUSAL_REASONS } from '../migrations/refusals.ts';

/**
 * Every HTTP error answers `{ "error": "<message for people>", "code": "<one of these>" }`
 * (plus `field`, `problems` or `reason` where they help). The message may change; the code
 * is stable, so clients and scripts branch on the code. server/CONTEXT.md lists when each
 * is sent.
 */
export const API_ERROR_CODES = [
  /** 400: the body is not JSON (or not UTF-8 text). */
  'invalid-json',
  /** 400: a field of the body, the query or the path is wrong; `field` names it. */
  'invalid-request',
  /** 400: the requested template does not exist. */
  'unknown-template',
  /** 400: a vote on a card of another kind than the round's; a tone round on a card that is not a letter with two variants. */
  'wrong-card-kind',
  /** 400: the participant identity headers are missing or malformed. */
  'participant-required',
  /** 400: an imported file is not a board Rejse can import; `problems` lists the first few. */
  'invalid-board-file',
  /** 401: no token, or not a token of this board. */
  'unauthorized',
  /** 403: the token's role may not do this. */
  'forbidden',
  /** 403: the participant id is bound to another secret. */
  'participant-mismatch',
  /** 404: no such board. */
  'board-not-found',
  /** 404: no such voting or tone round on the board. */
  'round-not-found',
  /** 404: no such card on the board. */
  'card-not-found',
  /** 404: no such snapshot in the board's version history. */
  'snapshot-not-found',
  /** 404: no route for this path. */
  'route-not-found',
  /** 405: the path exists, the method does not; `Allow` lists the methods. */
  'method-not-allowed',
  /** 409: another voting (or tone) round is still open. */
  'round-open',
  /** 409: a vote refused by the round's rules; `reason` says which. */
  'vote-refused',
  /** 409: the timer action makes no sense now (e.g. pausing a stopped timer). */
  'timer-conflict',
  /** 409: the run-sheet cannot do that now (no session running, no such phase). */
  'runsheet-conflict',
  /** 413: the request body is over its limit. */
  'body-too-large',
  /** 413: an imported board would be larger than a board may be. */
  'board-too-large',
  /** 415: a body that is not sent as JSON. */
  'unsupported-media-type',
  /** 429: too many requests of this kind from this address; `Retry-After` says when to try again. */
  'rate-limited',
  /** 500: something failed on the server (details only in its log). */
  'internal-error',
  /** 503: the server runs without its built client. */
  'client-not-built',
  /** 503: the store failed its readiness query (`GET /api/ready`). */
  'not-ready',
  /** 503: the server is shutting down; try again once it is back. */
  'shutting-down',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Why a vote was refused (409 `vote-refused`). */
export const VOTE_REFUSAL_REASONS = ['no-votes-left', 'one-per-card', 'nothing-to-retract', 'closed'] as const;
/** Every `reason` an error body may give: a vote's refusal, or a board file's (`invalid-board-file`, see migrations). */
export const REFUSAL_REASONS = [...VOTE_REFUSAL_REASONS, ...IMPORT_REFUSAL_REASONS] as const;

export const apiErrorSchema = lazySchema(() =>
  z.object({
    error: z.string(),
    code: z.enum(API_ERROR_CODES),
    /** The body, query or path field that is wrong (`invalid-request`). */
    field: z.string().optional(),
    /** The first problems of a refused import (`invalid-board-file`). */
    problems: z.array(z.string()).optional(),
    /** Which rule refused a vote (`vote-refused`), or why a board file was (`invalid-board-file`). */
    reason: z.enum(REFUSAL_REASONS).optional(),
  }),
);
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
