/**
 * Kept for imports written before the one update analysis existed: everything here lives in
 * `analyze.ts` now (the only module that reads Yjs internals).
 */
export { describeUpdate, type UpdateChange } from './analyze.ts';
