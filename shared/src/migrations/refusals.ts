/**
 * Why a board file was refused before its board was checked against the schema: reasons a
 * person can be told in their own language (the schema's problems are listed as they are).
 * Its own module: the API's error schema names them without loading the migrations.
 */
export const IMPORT_REFUSAL_REASONS = ['not-a-board', 'no-version', 'newer-version', 'too-deep'] as const;
export type ImportRefusalReason = (typeof IMPORT_REFUSAL_REASONS)[number];
