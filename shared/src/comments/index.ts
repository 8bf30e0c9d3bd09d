export * from './layout.ts';
export * from './ops.ts';
export * from './read.ts';
export * from './report.ts';
