/**
 * y-websocket frames built by hand, valid and otherwise, and a seeded generator of hostile
 * ones for the fuzzer. The wire format: varUint message type (0 sync, 1 awareness, 3 query),
 * for sync a varUint subtype (0 step 1, 1 step 2, 2 update) and a varUint8Array payload.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Rng } from '@rejse/shared/testing';

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export function syncFrame(subtype: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** The presence state; null removes it. */
  state: unknown;
}

/** An awareness update (y-protocols encoding) without the frame around it. */
function awarenessUpdate(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

export function awarenessFrame(entriesOrUpdate: readonly PresenceEntry[] | Uint8Array): Uint8Array {
  const update = entriesOrUpdate instanceof Uint8Array ? entriesOrUpdate : awarenessUpdate(entriesOrUpdate);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * An update from a client the server has never seen, starting past clock 0: Yjs cannot
 * apply it and holds it back waiting for the missing part, which never comes.
 */
export function dependencyLessUpdate(clientId: number, size = 40): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getMap('cards').set('held-back-a', 1);
  const before = Y.encodeStateVector(doc);
  doc.getMap('cards').set('held-back-b', 'x'.repeat(size));
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

function randomBytes(rng: Rng, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = rng.int(256);
  return bytes;
}

/** A copy of `bytes` with 1–3 bytes overwritten at random. */
function mutate(rng: Rng, bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  if (copy.length === 0) return copy;
  const flips = 1 + rng.int(3);
  for (let i = 0; i < flips; i++) copy[rng.int(copy.length)] = rng.int(256);
  return copy;
}

export type HostileKind =
  | 'random-bytes'
  | 'truncated'
  | 'trailing-bytes'
  | 'unknown-type'
  | 'text'
  | 'invalid-update'
  | 'mutated-update'
  | 'valid-update'
  | 'held-back-update'
  | 'invalid-awareness'
  | 'foreign-awareness'
  | 'state-request'
  | 'oversized';

const WEIGHTS: Record<HostileKind, number> = {
  'random-bytes': 14,
  truncated: 12,
  'trailing-bytes': 6,
  'unknown-type': 4,
  text: 3,
  'invalid-update': 12,
  'mutated-update': 18,
  'valid-update': 8,
  'held-back-update': 6,
  'invalid-awareness': 8,
  'foreign-awareness': 8,
  'state-request': 1,
  oversized: 0,
};
const TOTAL = Object.values(WEIGHTS).reduce((sum, weight) => sum + weight, 0);

export interface HostileSources {
  /** A valid update for the attacked board (a real edit), made on demand. */
  validUpdate(): Uint8Array;
  /** Presence client ids of honest clients on the attacked board. */
  victimIds: readonly number[];
}

/** Picks a hostile frame kind by weight (oversized frames are sent separately: they are 8 MiB each). */
export function pickKind(rng: Rng): HostileKind {
  let roll = rng.next() * TOTAL;
  for (const [kind, weight] of Object.entries(WEIGHTS) as [HostileKind, number][]) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'random-bytes';
}

/** One hostile frame of `kind`. */
export function hostileFrame(kind: HostileKind, rng: Rng, sources: HostileSources): Uint8Array | string {
  switch (kind) {
    case 'random-bytes':
      return randomBytes(rng, rng.int(300));
    case 'truncated': {
      const whole = rng.chance(0.5)
        ? syncFrame(SYNC_UPDATE, sources.validUpdate())
        : awarenessFrame([{ clientId: 1 + rng.int(1e9), clock: rng.int(100), state: { user: { name: 'cut' } } }]);
      return whole.subarray(0, 1 + rng.int(Math.max(1, whole.length - 1)));
    }
    case 'trailing-bytes': {
      const whole = syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()));
      const extra = randomBytes(rng, 1 + rng.int(20));
      const out = new Uint8Array(whole.length + extra.length);
      out.set(whole);
      out.set(extra, whole.length);
      return out;
    }
    case 'unknown-type': {
      const bytes = randomBytes(rng, 1 + rng.int(40));
      bytes[0] = 4 + rng.int(120);
      return bytes;
    }
    case 'text':
      return `{"type":"sync","payload":"${'A'.repeat(rng.int(200))}"}`;
    case 'invalid-update':
      return syncFrame(rng.chance(0.5) ? SYNC_UPDATE : SYNC_STEP2, randomBytes(rng, 1 + rng.int(200)));
    case 'mutated-update':
      return syncFrame(SYNC_UPDATE, mutate(rng, sources.validUpdate()));
    case 'valid-update':
      return syncFrame(SYNC_UPDATE, sources.validUpdate());
    case 'held-back-update':
      return syncFrame(SYNC_UPDATE, dependencyLessUpdate(1_000_000 + rng.int(1e9), rng.int(400)));
    case 'invalid-awareness':
      return awarenessFrame(randomBytes(rng, 1 + rng.int(60)));
    case 'foreign-awareness': {
      const victim = sources.victimIds.length > 0 && rng.chance(0.5) ? rng.pick(sources.victimIds) : 1 + rng.int(2 ** 30);
      const entries: PresenceEntry[] = [];
      const count = 1 + rng.int(8);
      for (let i = 0; i < count; i++) {
        entries.push({
          clientId: i === 0 ? victim : 1 + rng.int(2 ** 30),
          clock: rng.int(2 ** 31),
          state: rng.chance(0.3) ? null : { user: { name: 'Mallory', color: '#f00' }, cursor: { x: rng.int(5000), y: rng.int(5000) } },
        });
      }
      return awarenessFrame(entries);
    }
    case 'state-request':
      return syncFrame(SYNC_STEP1, rng.chance(0.5) ? Y.encodeStateVector(new Y.Doc()) : randomBytes(rng, rng.int(30)));
    case 'oversized':
      return new Uint8Array(8 * 1024 * 1024 + 1 + rng.int(1024));
  }
}

/**
 * A Yjs update (V1) written by hand with what no real client sends: GC or skip structs at
 * chosen clocks (`structs`) and delete ranges (`deletes`: [client, clock, length]), e.g. for
 * clocks another client has not written yet.
 */
export function craftedUpdate(
  structs: ReadonlyArray<{ kind: 'gc' | 'skip'; client: number; clock: number; length: number }>,
  deletes: ReadonlyArray<readonly [number, number, number]>,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, structs.length);
  for (const struct of structs) {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, struct.client);
    encoding.writeVarUint(encoder, struct.clock);
    encoding.writeUint8(encoder, struct.kind === 'gc' ? 0 : 10);
    encoding.writeVarUint(encoder, struct.length);
  }
  encoding.writeVarUint(encoder, deletes.length);
  for (const [client, clock, length] of deletes) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint(encoder, length);
  }
  return encoding.toUint8Array(encoder);
}
