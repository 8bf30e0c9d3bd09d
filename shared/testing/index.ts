/** Test support shared by unit, fault and load tests (not part of the product; outside src/). */
export * from './random.ts';
export * from './random-ops.ts';
export * from './actions.ts';
export * from './raw-invariants.ts';
export * from './fuzz.ts';
export { docOf, smallBoard, syncDocs } from './fixtures.ts';
export * from './csv.ts';
