export * from './readability.ts';
export * from './checklist.ts';
export * from './lab.ts';
