/**
 * The HTTP contract: request and response schemas of every API route, shared by the
 * server (validation) and the client (parsing answers). Types are inferred from them.
 */
export * from './errors.ts';
export * from './boards.ts';
export * from './dunning-process.ts';
export * from './facilitation.ts';
export * from './exports.ts';
export * from './answer.ts';
export * from './tone.ts';
export * from './history.ts';
export * from './runsheet.ts';
export * from './activity.ts';
