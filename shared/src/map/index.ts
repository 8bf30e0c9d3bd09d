export * from './grid.ts';
export * from './curve.ts';
export * from './svg.ts';
export * from './colours.ts';
