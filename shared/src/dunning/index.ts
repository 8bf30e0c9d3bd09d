export * from './cadence.ts';
export * from './days.ts';
export * from './defaults.ts';
export * from './scenarios.ts';
export * from './generate.ts';
export * from './words.ts';
