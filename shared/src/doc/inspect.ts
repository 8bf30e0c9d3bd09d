import * as Y from 'yjs';
import { isTextField } from './text.ts';

/**
 * What an incoming Yjs update would change, in terms of the board layout — without applying
 * it. The server uses this to enforce roles and locks (a viewer changes nothing, an editor
 * cannot touch locked cards or a locked structure) before anything is stored or broadcast.
 */
export interface UpdateChange {
  /** Top-level map: 'meta', 'stages', 'lanes', 'cards', 'links', 'personas' (or anything a hostile client sends). */
  root: string;
  /** The record inside it (card id, stage id…); for 'meta' the meta key. */
  recordId: string | undefined;
  /** The field of that record ('cell', 'text'…); undefined when the record itself is set or deleted. */
  field: string | undefined;
  kind: 'insert' | 'delete';
}

/** Where an item lands: root map, the keys below it (null for a list/text position), and whether its parent is a Y.Text. */
type Path = { root: string; keys: Array<string | null>; inText?: boolean };

type AnyStruct = Y.Item | { id: Y.ID; length: number };

function pathOfType(type: Y.AbstractType<unknown>): Path | undefined {
  const keys: Array<string | null> = [];
  let current: Y.AbstractType<unknown> = type;
  while (current._item) {
    keys.unshift(current._item.parentSub);
    current = current._item.parent as Y.AbstractType<unknown>;
  }
  const root = Y.findRootTypeKey(current);
  return root === undefined ? undefined : { root, keys, inText: type instanceof Y.Text };
}

/** The path of an item placed inside the type `parent` (a stored type or an incoming type item). */
const childPath = (base: Path, sub: string | null, parentIsText: boolean): Path => ({
  root: base.root,
  keys: [...base.keys, sub],
  inText: parentIsText,
});

function makeChange(path: Path, kind: UpdateChange['kind']): UpdateChange {
  return { root: path.root, recordId: path.keys[0] ?? undefined, field: path.keys[1] ?? undefined, kind };
}

/** Finds where each item of a decoded update lands, without applying it. */
function createLocator(doc: Y.Doc, decoded: ReturnType<typeof Y.decodeUpdate>) {
  const incoming = new Map<number, Y.Item[]>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item) {
      const list = incoming.get(struct.id.client) ?? [];
      list.push(struct);
      incoming.set(struct.id.client, list);
    }
  }

  const findIncoming = (id: Y.ID): Y.Item | undefined =>
    incoming.get(id.client)?.find((item) => item.id.clock <= id.clock && id.clock < item.id.clock + item.length);

  const findStored = (id: Y.ID): Y.Item | undefined => {
    const structs = doc.store.clients.get(id.client);
    if (!structs || structs.length === 0) return undefined;
    const last = structs[structs.length - 1] as AnyStruct;
    if (id.clock >= last.id.clock + last.length) return undefined;
    const struct = Y.getItem(doc.store, id) as AnyStruct;
    return struct instanceof Y.Item ? struct : undefined;
  };

  const seen = new Set<Y.Item>();
  const pathOfItem = (item: Y.Item): Path | undefined => {
    if (seen.has(item)) return undefined; // a cycle can only come from a crafted update
    seen.add(item);
    try {
      const parent = item.parent as unknown;
      if (parent instanceof Y.AbstractType) {
        const base = pathOfType(parent);
        return base && childPath(base, item.parentSub, parent instanceof Y.Text);
      }
      if (typeof parent === 'string') return { root: parent, keys: [item.parentSub] };
      if (parent && typeof parent === 'object' && 'client' in parent) {
        const parentId = parent as Y.ID;
        const stored = findStored(parentId);
        if (stored) {
          const content = stored.content;
          if (content instanceof Y.ContentType) {
            const base = pathOfType(content.type as Y.AbstractType<unknown>);
            return base && childPath(base, item.parentSub, content.type instanceof Y.Text);
          }
          return undefined;
        }
        const pending = findIncoming(parentId);
        const base = pending && pathOfItem(pending);
        const isText = pending?.content instanceof Y.ContentType && pending.content.type instanceof Y.Text;
        return base && childPath(base, item.parentSub, isText);
      }
      // No parent encoded: it shares parent and key with its left or right neighbour.
      const neighbourId = item.origin ?? item.rightOrigin;
      if (!neighbourId) return undefined;
      const neighbour = findStored(neighbourId) ?? findIncoming(neighbourId);
      return neighbour && pathOfItem(neighbour);
    } finally {
      seen.delete(item);
    }
  };

  return { incoming, findStored, findIncoming, pathOfItem };
}

/** Describes an update's inserts and deletions; throws if the update cannot be decoded. */
export function describeUpdate(doc: Y.Doc, update: Uint8Array): UpdateChange[] {
  const decoded = Y.decodeUpdate(update);
  const { incoming, findStored, findIncoming, pathOfItem } = createLocator(doc, decoded);
  const changes: UpdateChange[] = [];
  for (const list of incoming.values()) {
    for (const item of list) {
      // Already known to the document: applying it again changes nothing.
      if (findStored(item.id)) continue;
      const path = pathOfItem(item);
      changes.push(path ? makeChange(path, 'insert') : { root: '?', recordId: undefined, field: undefined, kind: 'insert' });
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      let clock = range.clock;
      while (clock < range.clock + range.len) {
        const id = Y.createID(client, clock);
        const item = findStored(id) ?? findIncoming(id);
        if (!item) break;
        if (!(item.deleted && findStored(id))) {
          const path = pathOfItem(item);
          changes.push(path ? makeChange(path, 'delete') : { root: '?', recordId: undefined, field: undefined, kind: 'delete' });
        }
        clock = item.id.clock + item.length;
      }
    }
  }
  return changes;
}

/**
 * The board holds maps, and plain text only in the Y.Text fields of `TEXT_FIELDS` (text.ts).
 * Why an update places a list item or a right neighbour anywhere else, or puts anything but
 * characters into a text field, or null. Such items only come from crafted or corrupted
 * updates; placed against the wrong neighbours in a map they merge differently depending on
 * the order replicas see them in. Inside a Y.Text, list positions are what text is made of.
 */
export function listItemOutsideText(doc: Y.Doc, decoded: ReturnType<typeof Y.decodeUpdate>): string | null {
  const { incoming, findStored, pathOfItem } = createLocator(doc, decoded);
  for (const list of incoming.values()) {
    for (const item of list) {
      if (findStored(item.id)) continue;
      const path = pathOfItem(item);
      const inText = path?.inText === true && path.keys.length === 3 && path.keys[2] === null && isTextField(path.root, path.keys[1] ?? undefined);
      if (inText) {
        if (!(item.content instanceof Y.ContentString || item.content instanceof Y.ContentDeleted)) {
          return 'puts something other than characters into a text field';
        }
        continue;
      }
      if (item.rightOrigin !== null) return 'places an item before another (only lists do that)';
      // Not placeable yet (held back): a map entry names its key or follows an earlier value.
      if (!path) {
        if (item.origin === null && item.parentSub === null) return 'inserts a list item';
        continue;
      }
      if (path.keys[path.keys.length - 1] === null) return 'inserts a list item';
    }
  }
  return null;
}
