export * from './labels.ts';
export * from './persona.ts';
export * from './csv.ts';
export * from './markdown.ts';
export * from './report.ts';
export * from './filename.ts';
export * from './chart.ts';
