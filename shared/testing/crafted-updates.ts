/**
 * Yjs updates (V1 encoding) written by hand, for what no real client sends: GC and skip
 * structs at chosen clocks, and delete ranges for clocks nobody has written.
 * Format: varUint client count, per client (varUint struct count, client, first clock, then
 * each struct: info byte 0 = GC or 10 = skip, varUint length), then the delete set
 * (varUint client count, per client: client, range count, per range clock and length).
 */
export interface CraftedStruct {
  kind: 'gc' | 'skip';
  client: number;
  clock: number;
  length: number;
}

/** [client, clock, length] */
export type CraftedDelete = readonly [number, number, number];

function writeVarUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push(0x80 | (rest % 0x80));
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

export function encodeUpdate(structs: readonly CraftedStruct[], deletes: readonly CraftedDelete[]): Uint8Array {
  const out: number[] = [];
  writeVarUint(out, structs.length);
  for (const struct of structs) {
    writeVarUint(out, 1);
    writeVarUint(out, struct.client);
    writeVarUint(out, struct.clock);
    out.push(struct.kind === 'gc' ? 0 : 10);
    writeVarUint(out, struct.length);
  }
  writeVarUint(out, deletes.length);
  for (const [client, clock, length] of deletes) {
    writeVarUint(out, client);
    writeVarUint(out, 1);
    writeVarUint(out, clock);
    writeVarUint(out, length);
  }
  return new Uint8Array(out);
}
