export * from './grid.ts';
export * from './curve.ts';
