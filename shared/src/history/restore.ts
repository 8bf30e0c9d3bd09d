import * as Y from 'yjs';
import { cardsMap, linksMap, META } from '../doc/layout.ts';
import { FACILITATION } from '../facilitation/layout.ts';

/**
 * Restoring a version of a board: the live document is edited, in ONE transaction, until its
 * content equals the snapshot's. It is a new change like any other — stored, broadcast, and
 * merged with edits made at the same time — so no history is lost: the version before the
 * restore stays in the update log and (the server takes one first) in the version history.
 *
 * Only what differs is written (a field, a record), so a concurrent edit to something the
 * restore leaves alone survives, and nested records keep their identity.
 *
 * Not restored, because they are not the board's content but its life around it: the
 * facilitator's state (timer, locks, voting results, run-sheet), comments, the people
 * directory, and the schema version.
 */
export const KEPT_ON_RESTORE: ReadonlySet<string> = new Set([FACILITATION, 'comments', 'people']);
const KEPT_META_KEYS: ReadonlySet<string> = new Set(['schemaVersion']);

/** A fresh copy of a document value that can be inserted elsewhere (Yjs types cannot be moved). */
function cloneValue(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>();
    for (const [key, inner] of value.entries()) copy.set(key, cloneValue(inner));
    return copy;
  }
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  if (value instanceof Y.Array) {
    const copy = new Y.Array<unknown>();
    copy.push(value.toArray().map(cloneValue));
    return copy;
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.Map || b instanceof Y.Map) {
    if (!(a instanceof Y.Map && b instanceof Y.Map) || a.size !== b.size) return false;
    for (const [key, value] of a.entries()) if (!b.has(key) || !sameValue(value, b.get(key))) return false;
    return true;
  }
  if (a instanceof Y.Text || b instanceof Y.Text) return a instanceof Y.Text && b instanceof Y.Text && a.toString() === b.toString();
  if (a instanceof Y.Array || b instanceof Y.Array) {
    return a instanceof Y.Array && b instanceof Y.Array && a.length === b.length && a.toArray().every((v, i) => sameValue(v, b.get(i)));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Makes `live` hold what `wanted` holds, writing only what differs. Returns the number of writes. */
function syncMap(live: Y.Map<unknown>, wanted: Y.Map<unknown>, keep: ReadonlySet<string> = new Set()): number {
  let writes = 0;
  for (const key of [...live.keys()]) {
    if (!keep.has(key) && !wanted.has(key)) {
      live.delete(key);
      writes += 1;
    }
  }
  for (const [key, value] of wanted.entries()) {
    if (keep.has(key)) continue;
    const current = live.get(key);
    if (current instanceof Y.Map && value instanceof Y.Map) {
      writes += syncMap(current, value);
    } else if (current instanceof Y.Text && value instanceof Y.Text) {
      const text = value.toString();
      if (current.toString() !== text) {
        current.delete(0, current.length);
        current.insert(0, text);
        writes += 1;
      }
    } else if (!live.has(key) || !sameValue(current, value)) {
      live.set(key, cloneValue(value));
      writes += 1;
    }
  }
  return writes;
}

/** The board's own top-level maps in either document (every map of the layout, and any later one). */
function restoredRoots(live: Y.Doc, snapshot: Y.Doc): string[] {
  const roots = new Set<string>([...live.share.keys(), ...snapshot.share.keys()]);
  return [...roots].filter((root) => !KEPT_ON_RESTORE.has(root)).sort();
}

/**
 * Turns the content of `live` into the content of `snapshot` (a document holding the
 * version to restore, migrated to the current schema) in one transaction with `origin`.
 * Returns the number of writes (0: the board already was that version).
 */
export function restoreBoardDoc(live: Y.Doc, snapshot: Y.Doc, origin: unknown): number {
  let writes = 0;
  live.transact(() => {
    for (const root of restoredRoots(live, snapshot)) {
      writes += syncMap(live.getMap(root), snapshot.getMap(root), root === META ? KEPT_META_KEYS : undefined);
    }
  }, origin);
  return writes;
}

/**
 * Restores one card as it was in `snapshot` (brought back if it was deleted since), with the
 * snapshot's links between it and cards that are on the board now. Returns false when the
 * snapshot has no such card.
 */
export function restoreCardDoc(live: Y.Doc, snapshot: Y.Doc, cardId: string, origin: unknown): boolean {
  const wanted = cardsMap(snapshot).get(cardId);
  if (!(wanted instanceof Y.Map)) return false;
  live.transact(() => {
    const cards = cardsMap(live);
    const current = cards.get(cardId);
    if (current instanceof Y.Map) syncMap(current, wanted);
    else cards.set(cardId, cloneValue(wanted) as Y.Map<unknown>);
    const links = linksMap(live);
    const present = new Set<string>();
    links.forEach((link) => {
      if (link && typeof link === 'object') present.add(`${link.from}>${link.to}`);
    });
    linksMap(snapshot).forEach((link, linkId) => {
      if (!link || typeof link !== 'object' || (link.from !== cardId && link.to !== cardId)) return;
      const other = link.from === cardId ? link.to : link.from;
      if (!cards.has(other) || links.has(linkId) || present.has(`${link.from}>${link.to}`) || present.has(`${link.to}>${link.from}`))
        return;
      links.set(linkId, { from: link.from, to: link.to });
    });
  }, origin);
  return true;
}
