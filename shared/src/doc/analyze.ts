import * as Y from 'yjs';
import type { UpdateAnalysis, UpdateChange, ValueWrite } from './analysis-types.ts';
import { isTextField } from './text.ts';

/**
 * ONE analysis of an incoming Yjs update, decoded once, against the document it would be
 * applied to — without applying it. The server's admission (roles and locks, size, structure,
 * schema limits, and what the update claims about state the server does not hold) reads only
 * this. It is the only module that reads Yjs internals (struct classes, `parent`/`origin`
 * ids, the struct store, held-back updates); `yjs` is pinned to an exact version and
 * `analyze.internals.test.ts` fails loudly if an upgrade changes what is read here.
 */

export type { UpdateAnalysis, UpdateChange, ValueWrite } from './analysis-types.ts';

type Struct = Y.Item | Y.GC | Y.Skip;
/** Where an item lands: root map and keys below it (null for a list position); `inText`: its parent is a Y.Text. */
type Path = { root: string; keys: Array<string | null>; inText?: boolean };
/** Where an incoming item lands: a path, nowhere (Yjs turns it into a GC struct), or not known yet. */
type Placement = { path: Path } | 'noop' | 'unplaced';

/** Deeper chains of incoming items than this are not followed (only crafted updates build them). */
const MAX_RESOLVE_DEPTH = 2_000;

/** The key of one text field in `UpdateAnalysis.textInserted`. */
export const textFieldKey = (root: string, recordId: string, field: string): string => `${root}\u0000${recordId}\u0000${field}`;

const isGc = (struct: unknown): boolean => struct instanceof Y.GC;

/**
 * Where a type sits in its document: the root's name and the keys down to it (null for a
 * position in a list or text), and whether it or anything above it is deleted; undefined
 * outside a document. Exported so that other readers (the activity log) need not walk Yjs
 * internals themselves.
 */
export function locateType(type: Y.AbstractType<unknown>): { root: string; keys: Array<string | null>; deleted: boolean } | undefined {
  const keys: Array<string | null> = [];
  let deleted = false;
  let current: Y.AbstractType<unknown> = type;
  while (current._item) {
    if (current._item.deleted) deleted = true;
    keys.unshift(current._item.parentSub);
    current = current._item.parent as Y.AbstractType<unknown>;
  }
  const root = Y.findRootTypeKey(current);
  return root === undefined ? undefined : { root, keys, deleted };
}

/** The path of a stored type from its root, or 'noop' if it or a record above it is deleted. */
function pathOfType(type: Y.AbstractType<unknown>): Path | 'noop' | undefined {
  const found = locateType(type);
  if (!found) return undefined;
  // Yjs deletes an item integrated into a deleted type at once: nothing changes.
  if (found.deleted) return 'noop';
  return { root: found.root, keys: found.keys, inText: type instanceof Y.Text };
}

/** The path of an item placed under `parent` (whose own path is `base`) at `sub`. */
const under = (base: Path, sub: string | null, parentIsText: boolean): Path => ({
  root: base.root,
  keys: [...base.keys, sub],
  inText: parentIsText,
});

/**
 * Whether a path is a character position inside one of the board's Y.Text fields (a card's
 * text, a stage's title… see text.ts): the only place where list positions belong.
 */
const isTextPosition = (path: Path): boolean =>
  path.inText === true && path.keys.length === 3 && path.keys[2] === null && isTextField(path.root, path.keys[1] ?? undefined);

/** The stored struct (Item or GC) covering `id`, or undefined when the document has not got that clock. */
function storedStruct(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
  return Y.getItem(doc.store, id) as Y.Item | Y.GC;
}

function contentValue(item: Y.Item): { value: unknown; bytes: number; isRecord: boolean } {
  const content = item.content;
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    const value: unknown = content.arr.length === 1 ? content.arr[0] : content.arr;
    let bytes = 0;
    try {
      bytes = JSON.stringify(value ?? null)?.length ?? 0;
    } catch {
      bytes = Number.POSITIVE_INFINITY;
    }
    return { value, bytes, isRecord: false };
  }
  if (content instanceof Y.ContentString) return { value: content.str, bytes: content.str.length, isRecord: false };
  if (content instanceof Y.ContentBinary) return { value: undefined, bytes: content.content.length, isRecord: false };
  if (content instanceof Y.ContentType) return { value: undefined, bytes: 0, isRecord: content.type instanceof Y.Map };
  return { value: undefined, bytes: 0, isRecord: false };
}

function addTo(map: Map<string, Set<string>>, root: string, key: string): void {
  const set = map.get(root) ?? new Set<string>();
  set.add(key);
  map.set(root, set);
}

function makeChange(path: Path, kind: UpdateChange['kind']): UpdateChange {
  return { root: path.root, recordId: path.keys[0] ?? undefined, field: path.keys[1] ?? undefined, kind };
}

const UNKNOWN_INSERT: UpdateChange = Object.freeze({
  root: '?',
  recordId: undefined,
  field: undefined,
  kind: 'insert',
});

/** Sorted, merged [start, end) ranges of one client's delete set (a crafted one may overlap). */
function mergedRanges(ranges: ReadonlyArray<{ clock: number; len: number }>): Array<[number, number]> {
  const sorted = ranges.map((r): [number, number] => [r.clock, r.clock + r.len]).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push(range);
  }
  return out;
}

/**
 * Analyses `update` against `doc` without applying it. Throws if the update cannot be
 * decoded (the caller treats that as a malformed frame).
 */
export function analyzeUpdate(doc: Y.Doc, update: Uint8Array): UpdateAnalysis {
  const decoded = Y.decodeUpdate(update);
  const structs = decoded.structs as Struct[];

  const incoming = new Map<number, Array<Y.Item | Y.GC>>();
  /** Per client: the clock up to which the document plus this update hold every clock without a gap. */
  const heldUpTo = new Map<number, number>();
  const state = (client: number): number => Y.getState(doc.store, client);
  let unheldClaim: string | null = null;
  let newStructs = 0;
  const newItems: Y.Item[] = [];

  for (const struct of structs) {
    const { client, clock } = struct.id;
    const end = clock + struct.length;
    const held = heldUpTo.get(client) ?? state(client);
    if (struct instanceof Y.Skip) {
      // A skip says "nothing here"; past the held clocks it only opens a gap (stock clients never send one).
      if (end > state(client)) unheldClaim ??= 'a skip struct for clocks the board does not hold';
      continue;
    }
    const list = incoming.get(client) ?? [];
    list.push(struct);
    incoming.set(client, list);
    if (end <= state(client)) continue; // already held: applying it again changes nothing
    newStructs++;
    if (clock > held) {
      // After a gap: Yjs holds it back until the missing clocks arrive. A GC struct there
      // claims clocks ahead of the writer and would swallow what it writes later.
      if (struct instanceof Y.GC) unheldClaim ??= 'a GC struct for clocks past what the board holds';
    } else {
      heldUpTo.set(client, Math.max(held, end));
    }
    if (struct instanceof Y.Item) newItems.push(struct);
  }

  for (const list of incoming.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  /** Binary search in the client's incoming structs (sorted by clock). */
  const findIncoming = (id: Y.ID): Y.Item | Y.GC | undefined => {
    const list = incoming.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid]!;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct;
    }
    return undefined;
  };
  const find = (id: Y.ID): Y.Item | Y.GC | undefined => storedStruct(doc, id) ?? findIncoming(id);

  const placements = new Map<Y.Item, Placement>();
  const resolving = new Set<Y.Item>();
  /** Where `item` lands, the way Yjs's `Item.getMissing`/`integrate` place it (see the rule below). */
  const place = (item: Y.Item, depth: number): Placement => {
    const known = placements.get(item);
    if (known) return known;
    if (depth > MAX_RESOLVE_DEPTH || resolving.has(item)) return 'unplaced'; // a cycle or a crafted chain
    resolving.add(item);
    try {
      const result = placeUncached(item, depth);
      placements.set(item, result);
      return result;
    } finally {
      resolving.delete(item);
    }
  };
  /**
   * The rule (Yjs 13 `Item.getMissing`): an item next to a GC struct, or whose parent is a GC
   * struct or an item that is not a type (a deleted record keeps only ContentDeleted), is
   * turned into a GC struct — it changes nothing. That is how Yjs resolves an edit made
   * inside a record another client deleted concurrently, so such an edit is a no-op here too
   * and every replica converges. An item whose origin or parent the document and the update
   * do not hold cannot be placed: Yjs would hold it back and apply it later without any
   * check, so it stays 'unplaced' (unknown to the permission check: refused for editors).
   */
  const placeUncached = (item: Y.Item, depth: number): Placement => {
    const sideOf = (id: Y.ID | null): Y.Item | Y.GC | 'missing' | null => (id ? (find(id) ?? 'missing') : null);
    const left = sideOf(item.origin);
    const right = sideOf(item.rightOrigin);
    if (left === 'missing' || right === 'missing') return 'unplaced';
    if (isGc(left) || isGc(right)) return 'noop';
    const sub = item.parentSub;
    const parent = item.parent as unknown;
    if (parent === null) {
      const neighbour = (left ?? right) as Y.Item | null;
      if (!neighbour) return 'unplaced';
      // Written next to an earlier value of a key: the same parent and key as that value.
      return neighbourPlacement(neighbour, depth);
    }
    if (typeof parent === 'string') {
      return { path: { root: parent, keys: [sub] } };
    }
    if (parent instanceof Y.ID) {
      const parentStruct = find(parent);
      if (!parentStruct) return 'unplaced';
      if (parentStruct instanceof Y.GC) return 'noop';
      if (!(parentStruct.content instanceof Y.ContentType)) return 'noop';
      const stored = storedStruct(doc, parent) === parentStruct;
      if (stored) {
        const path = pathOfType(parentStruct.content.type as Y.AbstractType<unknown>);
        if (path === undefined) return 'unplaced';
        if (path === 'noop') return 'noop';
        return { path: under(path, sub, path.inText === true) };
      }
      const base = place(parentStruct, depth + 1);
      if (typeof base === 'string') return base;
      return { path: under(base.path, sub, parentStruct.content.type instanceof Y.Text) };
    }
    if (parent instanceof Y.AbstractType) {
      const path = pathOfType(parent as Y.AbstractType<unknown>);
      if (path === undefined) return 'unplaced';
      if (path === 'noop') return 'noop';
      return { path: under(path, sub, path.inText === true) };
    }
    return 'unplaced';
  };
  /** The placement of a neighbour (stored or incoming); its last key is replaced by the caller. */
  const neighbourPlacement = (neighbour: Y.Item, depth: number): Placement => {
    if (storedStruct(doc, neighbour.id) === neighbour) {
      const parent = neighbour.parent as unknown;
      if (!(parent instanceof Y.AbstractType)) return 'noop';
      const path = pathOfType(parent as Y.AbstractType<unknown>);
      if (path === undefined) return 'unplaced';
      if (path === 'noop') return 'noop';
      return { path: under(path, neighbour.parentSub, path.inText === true) };
    }
    return place(neighbour, depth + 1);
  };

  const changes: UpdateChange[] = [];
  const writes: ValueWrite[] = [];
  const newKeys = new Map<string, Set<string>>();
  const touchedKeys = new Map<string, Set<string>>();
  let unplaced = 0;
  let listItem: string | null = null;

  const textInserted = new Map<string, number>();

  for (const item of newItems) {
    const placement = place(item, 0);
    if (placement !== 'noop' && placement !== 'unplaced' && isTextPosition(placement.path)) {
      // Typing: characters in a Y.Text field, with left and right neighbours like any text.
      const { path } = placement;
      changes.push(makeChange(path, 'insert'));
      if (item.content instanceof Y.ContentDeleted) continue;
      if (!(item.content instanceof Y.ContentString)) {
        listItem ??= 'puts something other than characters into a text field';
        continue;
      }
      const keys = [path.keys[0]!, path.keys[1]!];
      writes.push({ root: path.root, keys, ...contentValue(item) });
      const at = textFieldKey(path.root, keys[0]!, keys[1]!);
      textInserted.set(at, (textInserted.get(at) ?? 0) + item.content.str.length);
      continue;
    }
    // Yjs turns an item that lands nowhere into a GC struct: typing into a text whose card
    // another user deleted meanwhile has a right neighbour like any typing, and changes nothing.
    if (placement === 'noop') continue;
    if (item.rightOrigin !== null) listItem ??= 'places an item before another (only lists do that)';
    if (placement === 'unplaced') {
      unplaced++;
      changes.push(UNKNOWN_INSERT);
      continue;
    }
    const { path } = placement;
    const last = path.keys[path.keys.length - 1];
    if (last === null || last === undefined) {
      listItem ??= 'inserts a list item';
      changes.push(makeChange(path, 'insert'));
      continue;
    }
    changes.push(makeChange(path, 'insert'));
    if (item.content instanceof Y.ContentDeleted) continue; // a value set and removed again
    const keys = path.keys as string[];
    writes.push({ root: path.root, keys, ...contentValue(item) });
    if (keys.length === 1) {
      const key = keys[0]!;
      const rootMap = doc.share.get(path.root);
      const live = rootMap instanceof Y.AbstractType && rootMap._map.get(key);
      if (live && !live.deleted) addTo(touchedKeys, path.root, key);
      else addTo(newKeys, path.root, key);
    }
  }

  let deletesLive = 0;
  const noteDelete = (struct: Y.Item, isStored: boolean): void => {
    if (isStored && struct.deleted) return;
    const placement: Placement = isStored ? neighbourPlacement(struct, 0) : place(struct, 0);
    if (placement === 'noop') return;
    if (isStored) deletesLive++;
    if (placement === 'unplaced') {
      changes.push({ ...UNKNOWN_INSERT, kind: 'delete' });
      return;
    }
    changes.push(makeChange(placement.path, 'delete'));
    const key = placement.path.keys[0];
    if (isStored && placement.path.keys.length === 1 && key) addTo(touchedKeys, placement.path.root, key);
  };
  for (const [client, ranges] of decoded.ds.clients) {
    const held = heldUpTo.get(client) ?? state(client);
    const storedEnd = state(client);
    const stored = doc.store.clients.get(client);
    for (const [start, end] of mergedRanges(ranges)) {
      if (end > held) unheldClaim ??= 'a delete of clocks nobody has written';
      // One step per struct in the range (stored, then incoming), however large a crafted range claims to be.
      if (stored && start < storedEnd) {
        for (let index = Y.findIndexSS(stored, start); index < stored.length; index++) {
          const struct = stored[index]!;
          if (struct.id.clock >= end) break;
          if (struct instanceof Y.Item) noteDelete(struct, true);
        }
      }
      let clock = Math.max(start, storedEnd);
      while (clock < Math.min(end, held)) {
        const struct = findIncoming(Y.createID(client, clock));
        if (!struct) break;
        clock = struct.id.clock + struct.length;
        if (struct instanceof Y.Item) noteDelete(struct, false);
      }
    }
  }

  return {
    bytes: update.length,
    changes,
    writes,
    newKeys,
    touchedKeys,
    newStructs,
    unheldClaim,
    unplaced,
    listItem,
    textInserted,
    isNoop: newStructs === 0 && deletesLive === 0 && unheldClaim === null,
  };
}

/** Describes an update's inserts and deletions (the changes of `analyzeUpdate`); throws if it cannot be decoded. */
export function describeUpdate(doc: Y.Doc, update: Uint8Array): UpdateChange[] {
  return analyzeUpdate(doc, update).changes;
}

/** Structs the document holds (items and GC runs): what its memory grows with. */
export function structCount(doc: Y.Doc): number {
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  return count;
}

/** Bytes of updates Yjs holds back because their dependencies have not arrived. */
export function heldBackBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}

/** Drops the held-back updates (never stored or sent; their senders resend them on their next sync). */
export function dropHeldBack(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}
