import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  LOCAL_ORIGIN,
  addCard,
  addStage,
  boardToDoc,
  cardsMap,
  deleteCard,
  instantiateTemplate,
  lanesMap,
  removeLane,
  stagesMap,
  updateCard,
  type CardId,
  type LaneId,
} from '@rejse/shared';
import { applyRandomOp, createRng } from '@rejse/shared/testing';
import { findTemplate } from '@rejse/templates';
import { analyzeUpdate, boardLimitViolation } from '@rejse/shared';
import { clearPending, pendingBytes } from './board-size.ts';
import { structureViolation } from './structure.ts';
import { TokenBucket } from './rate.ts';

/** Cards the update adds that the board does not hold now (new keys in the cards map). */
const countNewCards = (doc: Y.Doc, update: Uint8Array): number => analyzeUpdate(doc, update).newKeys.get('cards')?.size ?? 0;

const wouldExceedCards = (doc: Y.Doc, update: Uint8Array, maxCards: number): boolean =>
  boardLimitViolation(doc, analyzeUpdate(doc, update), { maxCards, maxValueBytes: 1 << 20 }) !== null;

function blankDoc(): Y.Doc {
  const template = findTemplate('blank');
  if (!template) throw new Error('no blank template');
  return boardToDoc(instantiateTemplate(template, {}));
}

/** Runs `edit` on a replica of `server` and returns the update it produced. */
function updateFrom(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(replica);
  edit(replica);
  return Y.encodeStateAsUpdate(replica, before);
}

const cell = (doc: Y.Doc) => {
  const stage = [...doc.getMap('stages').keys()][0]!;
  const lane = [...doc.getMap('lanes').keys()][0]!;
  return { stageId: stage, laneId: lane } as Parameters<typeof addCard>[1];
};

describe('counting the cards an update would add', () => {
  it('counts new cards, not edits or deletions of existing ones', () => {
    const server = blankDoc();
    const three = updateFrom(server, (doc) => {
      for (let i = 0; i < 3; i++) addCard(doc, { ...cell(doc), kind: 'note', text: `n${i}` });
    });
    expect(countNewCards(server, three)).toBe(3);
    Y.applyUpdate(server, three);
    const ids = [...cardsMap(server).keys()];
    const edits = updateFrom(server, (doc) => {
      updateCard(doc, ids[0] as never, { text: 'changed' });
      deleteCard(doc, ids[1] as never);
    });
    expect(countNewCards(server, edits)).toBe(0);
  });

  it('counts a deleted card written back under its old key', () => {
    const server = blankDoc();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const map = cardsMap(replica);
    map.set('card_a', new Y.Map());
    Y.applyUpdate(server, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server)));
    map.delete('card_a');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server)));
    const before = Y.encodeStateVector(replica);
    map.set('card_a', new Y.Map());
    expect(countNewCards(server, Y.encodeStateAsUpdate(replica, before))).toBe(1);
  });

  it('refuses past the limit, and only then', () => {
    const server = blankDoc();
    const two = updateFrom(server, (doc) => {
      addCard(doc, { ...cell(doc), kind: 'note', text: 'a' });
      addCard(doc, { ...cell(doc), kind: 'note', text: 'b' });
    });
    expect(wouldExceedCards(server, two, 2)).toBe(false);
    expect(wouldExceedCards(server, two, 1)).toBe(true);
    expect(wouldExceedCards(server, two, 10_000)).toBe(false);
  });

  it('counts every new card of a bulk write with one-letter keys', () => {
    const server = blankDoc();
    const update = updateFrom(server, (doc) => {
      doc.transact(() => {
        for (let i = 0; i < 500; i++) cardsMap(doc).set(String.fromCharCode(0x41 + (i % 26)) + (i >= 26 ? i : ''), new Y.Map());
      });
    });
    expect(countNewCards(server, update)).toBe(500);
    expect(update.length / countNewCards(server, update)).toBeGreaterThanOrEqual(8);
  });

  it('held-back updates are measured and can be dropped', () => {
    const server = blankDoc();
    const other = new Y.Doc();
    other.getMap('x').set('a', 1);
    const sv = Y.encodeStateVector(other);
    other.getMap('x').set('b', 2);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other, sv));
    expect(pendingBytes(server)).toBeGreaterThan(0);
    clearPending(server);
    expect(pendingBytes(server)).toBe(0);
  });
});

describe('token bucket', () => {
  it('allows the burst, then the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket({ perSecond: 10, burst: 3 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

describe('updates that would break the board structure', () => {
  const check = (server: Y.Doc, update: Uint8Array) => structureViolation(server, analyzeUpdate(server, update)) !== null;

  it('deleting or overwriting every lane record is caught', () => {
    const server = blankDoc();
    const deleted = updateFrom(server, (doc) => {
      for (const key of [...lanesMap(doc).keys()]) lanesMap(doc).delete(key);
    });
    expect(check(server, deleted)).toBe(true);
    const overwritten = updateFrom(server, (doc) => {
      for (const key of [...stagesMap(doc).keys()]) stagesMap(doc).set(key, 'not a record' as never);
    });
    expect(check(server, overwritten)).toBe(true);
  });

  it('a value that is not a record, written straight into the cards map, is caught', () => {
    const server = blankDoc();
    expect(
      check(
        server,
        updateFrom(server, (doc) => cardsMap(doc).set('c_notarecord', 'just text' as never)),
      ),
    ).toBe(true);
    expect(
      check(
        server,
        updateFrom(server, (doc) => addCard(doc, { ...cell(doc), kind: 'note', text: 'a real card' })),
      ),
    ).toBe(false);
  });

  it('list items and right neighbours are caught: a board holds only maps', () => {
    const server = blankDoc();
    const list = updateFrom(server, (doc) => {
      const card = new Y.Map<unknown>();
      cardsMap(doc).set('c_withalist', card);
      const items = new Y.Array<number>();
      card.set('items', items);
      items.insert(0, [1, 2]);
      items.insert(1, [3]);
    });
    expect(structureViolation(server, analyzeUpdate(server, list))).toMatch(/list item|before another/);
  });

  it("typing inside a card's Y.Text passes (list positions are what text is made of), anywhere else it is caught", () => {
    const server = blankDoc();
    const created = updateFrom(server, (doc) => addCard(doc, { ...cell(doc), id: 'c_typed' as CardId, kind: 'note', text: 'via CRM' }));
    expect(structureViolation(server, analyzeUpdate(server, created))).toBeNull();
    Y.applyUpdate(server, created);
    // Typing in the middle of the text: items with left and right neighbours, and a deletion.
    const typed = updateFrom(server, (doc) => {
      const text = cardsMap(doc).get('c_typed')!.get('text') as Y.Text;
      text.insert(4, 'the ');
      text.delete(0, 1);
      text.insert(0, 'V');
    });
    expect(structureViolation(server, analyzeUpdate(server, typed))).toBeNull();
    // The same positions in a Y.Array under the text key, a Y.Text under a key that is not text,
    // or a record nested inside a text, are still caught.
    const arrayAtText = updateFrom(server, (doc) => {
      const items = new Y.Array<number>();
      cardsMap(doc).get('c_typed')!.set('text', items);
      items.insert(0, [1, 2]);
    });
    expect(structureViolation(server, analyzeUpdate(server, arrayAtText))).toMatch(/list item/);
    const textElsewhere = updateFrom(server, (doc) => {
      const text = new Y.Text('x');
      cardsMap(doc).get('c_typed')!.set('owner', text);
    });
    expect(structureViolation(server, analyzeUpdate(server, textElsewhere))).toMatch(/list item/);
    const embedded = updateFrom(server, (doc) => {
      (cardsMap(doc).get('c_typed')!.get('text') as Y.Text).insertEmbed(0, { evil: true });
    });
    expect(structureViolation(server, analyzeUpdate(server, embedded))).toMatch(/other than characters/);
    // Typing is described as the card's text field, and its characters count against the text limits.
    expect(analyzeUpdate(server, typed).changes.every((c) => c.root === 'cards' && c.recordId === 'c_typed' && c.field === 'text')).toBe(
      true,
    );
    const flood = updateFrom(server, (doc) => {
      const text = cardsMap(doc).get('c_typed')!.get('text') as Y.Text;
      for (let i = 0; i < 5; i++) text.insert(0, 'x'.repeat(1_000));
    });
    expect(boardLimitViolation(server, analyzeUpdate(server, flood), { maxCards: 100, maxValueBytes: 1 << 20 })).toMatch(
      /cards text of \d+ characters/,
    );
    expect(boardLimitViolation(server, analyzeUpdate(server, typed), { maxCards: 100, maxValueBytes: 1 << 20 })).toBeNull();
  });

  it('every edit operation of the shared API passes, whatever the board looks like (2,000 seeded operations)', () => {
    const server = blankDoc();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const undo = new Y.UndoManager([stagesMap(replica), lanesMap(replica), cardsMap(replica)], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
    });
    const rng = createRng(99);
    for (let i = 0; i < 2_000; i++) {
      const before = Y.encodeStateVector(replica);
      const name = rng.chance(0.05) ? (undo.undo(), 'undo') : applyRandomOp(replica, rng, 'b');
      const update = Y.encodeStateAsUpdate(replica, before);
      expect(structureViolation(server, analyzeUpdate(server, update)), `${name} at step ${i}`).toBeNull();
      Y.applyUpdate(server, update);
    }
    // Each update made by `encodeStateAsUpdate(replica, before)` carries the replica's whole
    // delete set, which text edits (schema 2) make long: a few seconds on a busy machine.
  }, 30_000);

  it('what clients do is let through: removing lanes (tombstones), adding a stage, undoing it', () => {
    const server = blankDoc();
    const removed = updateFrom(server, (doc) => {
      for (const key of [...lanesMap(doc).keys()].slice(1)) removeLane(doc, key as LaneId, { cards: 'delete' });
    });
    expect(check(server, removed)).toBe(false);

    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const undo = new Y.UndoManager([stagesMap(replica), lanesMap(replica), cardsMap(replica)], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
    });
    let before = Y.encodeStateVector(replica);
    addStage(replica, 'Extra', 0);
    const added = Y.encodeStateAsUpdate(replica, before);
    expect(check(server, added)).toBe(false);
    Y.applyUpdate(server, added);
    before = Y.encodeStateVector(replica);
    undo.undo();
    // Undo deletes the added stage record itself; the others stay.
    expect(stagesMap(replica).size).toBe(stagesMap(server).size - 1);
    expect(check(server, Y.encodeStateAsUpdate(replica, before))).toBe(false);
  });
});
