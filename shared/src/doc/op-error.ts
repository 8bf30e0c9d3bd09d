/** Why an edit operation refused: the UI turns the code into a translated notice. */
export type BoardOpErrorCode = 'not-found' | 'not-empty' | 'last-one' | 'too-long' | 'too-many' | 'invalid' | 'duplicate';

export class BoardOpError extends Error {
  constructor(
    readonly code: BoardOpErrorCode,
    message: string,
    /** For 'not-empty': how many cards stand in the way. */
    readonly count?: number,
  ) {
    super(message);
    this.name = 'BoardOpError';
  }
}
