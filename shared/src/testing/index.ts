/** Test support shared by unit, fault and load tests (not used by the product itself). */
export * from './random.ts';
export * from './random-ops.ts';
export * from './csv.ts';
