/**
 * The Yjs internals `analyze.ts` reads, checked on crafted updates. If an upgrade of `yjs`
 * changes any of them, this fails loudly — update `analyze.ts` (the only module that reads
 * them) before changing the pinned version in every package.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { encodeUpdate } from '../../testing/crafted-updates.ts';

const PINNED_YJS = '13.6.33';

function installedYjsVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('yjs'));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'yjs' && pkg.version) return pkg.version;
    } catch {
      // not this directory
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('yjs package.json not found');
    dir = parent;
  }
}

describe('the Yjs internals the update analysis reads', () => {
  it(`run on yjs ${PINNED_YJS} exactly, pinned in package.json`, () => {
    expect(installedYjsVersion()).toBe(PINNED_YJS);
    const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(own.dependencies.yjs).toBe(PINNED_YJS);
  });

  it('exist: struct and content classes, and the store functions', () => {
    for (const name of [
      'Item',
      'GC',
      'Skip',
      'ContentAny',
      'ContentJSON',
      'ContentString',
      'ContentBinary',
      'ContentType',
      'ContentDeleted',
      'ID',
      'AbstractType',
      'Map',
    ] as const) {
      expect(typeof Y[name], name).toBe('function');
    }
    for (const name of ['decodeUpdate', 'getState', 'getItem', 'findIndexSS', 'findRootTypeKey', 'createID'] as const) {
      expect(typeof Y[name], name).toBe('function');
    }
  });

  it('decode an update into items with parent, parentSub, origin and content, and a delete set by client', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    const card = new Y.Map<unknown>();
    doc.getMap('cards').set('c_one', card);
    card.set('text', 'hello');
    card.set('text', 'again');
    const { structs, ds } = Y.decodeUpdate(Y.encodeStateAsUpdate(doc));
    const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
    const record = items.find((i) => i.parentSub === 'c_one')!;
    expect(record.parent).toBe('cards'); // a root named by its key
    expect(record.content).toBeInstanceOf(Y.ContentType);
    const texts = items.filter((i) => i.content instanceof Y.ContentAny || i.content instanceof Y.ContentDeleted);
    expect(texts.some((i) => i.parent instanceof Y.ID && i.parentSub === 'text')).toBe(true); // a nested parent by id
    const overwrite = items.find((i) => i.content instanceof Y.ContentAny && (i.content as Y.ContentAny).arr[0] === 'again')!;
    expect(overwrite.origin).toBeInstanceOf(Y.ID); // written after the old value: origin, no parent
    expect(overwrite.parent).toBeNull();
    expect(overwrite.id).toMatchObject({ client: 7 });
    expect(ds.clients.get(7)?.[0]).toMatchObject({ clock: expect.any(Number), len: expect.any(Number) });
  });

  it('decode crafted GC and skip structs as such, and keep clocks they cannot place as held back', () => {
    const { structs } = Y.decodeUpdate(
      encodeUpdate(
        [
          { kind: 'gc', client: 9, clock: 0, length: 3 },
          { kind: 'skip', client: 8, clock: 0, length: 2 },
        ],
        [],
      ),
    );
    expect(structs.map((s) => [s.constructor, s.id.client, s.length])).toEqual([
      [Y.GC, 9, 3],
      [Y.Skip, 8, 2],
    ]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, encodeUpdate([{ kind: 'gc', client: 9, clock: 5, length: 3 }], [[9, 20, 5]]));
    expect(doc.store.pendingStructs?.update).toBeInstanceOf(Uint8Array);
    expect(doc.store.pendingDs).toBeInstanceOf(Uint8Array);
    expect(Y.getState(doc.store, 9)).toBe(0);
  });

  it('store structs per client, found by clock; types know their item, their map and their root key', () => {
    const doc = new Y.Doc();
    const card = new Y.Map<unknown>();
    doc.getMap('cards').set('c_one', card);
    card.set('text', 'x');
    const structs = doc.store.clients.get(doc.clientID)!;
    expect(structs.length).toBe(2);
    expect(Y.findIndexSS(structs, 1)).toBe(1);
    expect(Y.getItem(doc.store, Y.createID(doc.clientID, 1))).toBe(structs[1]);
    expect(card._item?.parentSub).toBe('c_one');
    expect(Y.findRootTypeKey(card._item!.parent as Y.AbstractType<unknown>)).toBe('cards');
    expect(doc.getMap('cards')._map.get('c_one')).toBe(card._item);
    expect(doc.share.get('cards')).toBe(doc.getMap('cards'));
  });

  it('turn an item whose parent record was deleted into a GC struct (the no-op rule of the analysis)', () => {
    const server = new Y.Doc();
    const card = new Y.Map<unknown>();
    server.getMap('cards').set('c_one', card);
    card.set('text', 'x');
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
    server.getMap('cards').delete('c_one');
    const before = Y.encodeStateVector(editor);
    (editor.getMap('cards').get('c_one') as Y.Map<unknown>).set('thought', 'y');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor, before));
    const added = Y.getItem(server.store, Y.createID(editor.clientID, Y.getState(server.store, editor.clientID) - 1));
    expect(added).toBeInstanceOf(Y.GC);
    expect(server.getMap('cards').size).toBe(0);
  });
});
