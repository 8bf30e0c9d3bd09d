export * from './pains.ts';
export * from './score.ts';
export * from './matrix.ts';
export * from './rank.ts';
export * from './settings.ts';
