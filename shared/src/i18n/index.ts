export * from './locales.ts';
export * from './format.ts';
export * from './message.ts';
export * from './catalogue.ts';
