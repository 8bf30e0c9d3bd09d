export * from './diff.ts';
export * from './restore.ts';
export * from './snapshots.ts';
