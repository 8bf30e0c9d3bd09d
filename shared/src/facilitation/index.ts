export * from './roles.ts';
export * from './timer.ts';
export * from './voting.ts';
export * from './layout.ts';
export * from './runsheet.ts';
export * from './runsheet-default.ts';
export * from './runsheet-edits.ts';
