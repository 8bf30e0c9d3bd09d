import * as Y from 'yjs';

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

type Path = { root: string; keys: Array<string | null> };

type AnyStruct = Y.Item | { id: Y.ID; length: number };

function pathOfType(type: Y.AbstractType<unknown>): Path | undefined {
  const keys: Array<string | null> = [];
  let current: Y.AbstractType<unknown> = type;
  while (current._item) {
    keys.unshift(current._item.parentSub);
    current = current._item.parent as Y.AbstractType<unknown>;
  }
  const root = Y.findRootTypeKey(current);
  return root === undefined ? undefined : { root, keys };
}

function makeChange(path: Path, kind: UpdateChange['kind']): UpdateChange {
  return { root: path.root, recordId: path.keys[0] ?? undefined, field: path.keys[1] ?? undefined, kind };
}

/** Describes an update's inserts and deletions; throws if the update cannot be decoded. */
export function describeUpdate(doc: Y.Doc, update: Uint8Array): UpdateChange[] {
  const decoded = Y.decodeUpdate(update);
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
        return base && { root: base.root, keys: [...base.keys, item.parentSub] };
      }
      if (typeof parent === 'string') return { root: parent, keys: [item.parentSub] };
      if (parent && typeof parent === 'object' && 'client' in parent) {
        const parentId = parent as Y.ID;
        const stored = findStored(parentId);
        if (stored) {
          const content = stored.content;
          if (content instanceof Y.ContentType) {
            const base = pathOfType(content.type as Y.AbstractType<unknown>);
            return base && { root: base.root, keys: [...base.keys, item.parentSub] };
          }
          return undefined;
        }
        const pending = findIncoming(parentId);
        const base = pending && pathOfItem(pending);
        return base && { root: base.root, keys: [...base.keys, item.parentSub] };
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
