export * from './board.ts';
export * from './card.ts';
export * from './dunning.ts';
export * from './lane.ts';
export * from './limits.ts';
export * from './link.ts';
export * from './persona.ts';
export * from './stage.ts';
