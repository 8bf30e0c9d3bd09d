export * from './grid.ts';
export * from './grid-queries.ts';
export * from './card-size.ts';
export * from './curve.ts';
export * from './svg.ts';
export * from './colours.ts';
