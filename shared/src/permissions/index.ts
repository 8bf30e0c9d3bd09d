export * from './table.ts';
export * from './judge.ts';
export * from './planned.ts';
