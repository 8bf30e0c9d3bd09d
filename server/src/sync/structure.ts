import * as Y from 'yjs';
import { CARDS, LANES, PERSONAS, STAGES, cardsMap, lanesMap, listItemOutsideText, personasMap, stagesMap } from '@rejse/shared';
import { storedItem } from './board-size.ts';

/** A decoded Yjs update (structs and delete set), decoded once per incoming update. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

interface Touches {
  /** Top-level keys of the map that the update writes or deletes. */
  keys: Set<string>;
  /** The update writes a nested record (a Y.Map value) under some key. */
  addsRecord: boolean;
  /** The update writes something other than a Y.Map record under some key. */
  writesNonRecord: boolean;
}

/**
 * Which top-level keys of the root map `rootName` an update writes or deletes: items whose
 * parent is the root itself, items written next to an item of that map (stored or in the
 * same update), and stored items of that map in the delete set.
 */
function touchedKeys(doc: Y.Doc, decoded: DecodedUpdate, rootName: string, map: Y.Map<unknown>): Touches {
  const keys = new Set<string>();
  let addsRecord = false;
  let writesNonRecord = false;
  const incoming = new Map<string, Y.Item>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item) incoming.set(`${struct.id.client}:${struct.id.clock}`, struct);
  }
  /** The key an incoming item writes under `map`, following origins (bounded: crafted updates may loop). */
  const keyOf = (item: Y.Item, depth = 0): string | null => {
    if ((item.parent as unknown) === rootName) return item.parentSub;
    if (item.parent !== null || !item.origin || depth > 32) return null;
    const stored = storedItem(doc, item.origin);
    if (stored) return stored.parent === map ? stored.parentSub : null;
    const sibling = incoming.get(`${item.origin.client}:${item.origin.clock}`);
    return sibling ? keyOf(sibling, depth + 1) : null;
  };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const key = keyOf(struct);
    if (key === null) continue;
    keys.add(key);
    if (struct.content instanceof Y.ContentType && struct.content.type instanceof Y.Map) addsRecord = true;
    // Deleted content is how an update carries a value that was set and removed again.
    else if (!(struct.content instanceof Y.ContentDeleted)) writesNonRecord = true;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    const last = structs?.[structs.length - 1];
    if (!last) continue;
    const end = last.id.clock + last.length;
    for (const range of ranges) {
      let clock = range.clock;
      // One step per stored struct in the range, however large a crafted range claims to be.
      while (clock < Math.min(range.clock + range.len, end)) {
        const struct = Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
        if (struct instanceof Y.Item && !struct.deleted && struct.parent === map && struct.parentSub !== null) {
          keys.add(struct.parentSub);
        }
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return { keys, addsRecord, writesNonRecord };
}

/**
 * Why an update must not be applied to a board, or null when it may: it holds list items
 * outside the Y.Text fields (see `listItemOutsideText` in shared/doc/inspect.ts), it writes something
 * other than a Y.Map record directly into the stages, lanes, cards or personas map (every
 * reader and edit operation expects records there; a string in the cards map makes adding
 * a card throw on every client), or it would leave the board with no stage record or no
 * lane record — it overwrites or deletes every one and adds none, after which every reader
 * sees an empty board. No client operation does either: stages and lanes are removed as
 * tombstones, and undoing an added one leaves the others. Crafted or corrupted updates can.
 */
export function structureViolation(doc: Y.Doc, decoded: DecodedUpdate): string | null {
  const listItem = listItemOutsideText(doc, decoded);
  if (listItem) return listItem;
  const roots = [
    [STAGES, stagesMap(doc), true],
    [LANES, lanesMap(doc), true],
    [CARDS, cardsMap(doc), false],
    [PERSONAS, personasMap(doc), false],
  ] as const;
  for (const [rootName, map, isGrid] of roots) {
    const { keys, addsRecord, writesNonRecord } = touchedKeys(doc, decoded, rootName, map as Y.Map<unknown>);
    if (writesNonRecord) return `writes a value that is not a record into "${rootName}"`;
    if (!isGrid || map.size === 0 || keys.size === 0 || addsRecord) continue;
    let untouched = 0;
    map.forEach((value, key) => {
      if (!keys.has(key) && value instanceof Y.Map) untouched++;
    });
    if (untouched === 0) return `would leave the board without ${rootName}`;
  }
  return null;
}
