export * from './readability.ts';
export * from './checklist.ts';
export * from './lab.ts';
export * from './tone.ts';
export * from './tone-layout.ts';
