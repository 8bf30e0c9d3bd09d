import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { CardId, LaneId, StageId } from '../ids.ts';
import { docOf, smallBoard } from '../../testing/fixtures.ts';
import { analyzeUpdate, describeUpdate, type UpdateChange } from './analyze.ts';
import { boardLimitViolation } from './board-limits.ts';
import { cardsMap } from './layout.ts';
import { addCard, deleteCard, linkCards, moveCard, renameStage, updateCard } from './ops.ts';
import { setBoardTitle } from './board-ops.ts';
import { encodeUpdate } from '../../testing/crafted-updates.ts';

/** Runs an edit on a replica and describes the update it produced against the original. */
function changesOf(edit: (doc: Y.Doc) => void): UpdateChange[] {
  const server = docOf(smallBoard());
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  edit(client);
  return updates.flatMap((u) => {
    const changes = describeUpdate(server, u);
    Y.applyUpdate(server, u);
    return changes;
  });
}

const short = (changes: UpdateChange[]) => changes.map((c) => `${c.kind} ${c.root}/${c.recordId ?? ''}/${c.field ?? ''}`).sort();

describe('describing an incoming update', () => {
  it('a new card is an insert into cards with its fields', () => {
    const changes = changesOf((doc) =>
      addCard(doc, {
        stageId: 's_paid' as StageId,
        laneId: 'l_touch' as LaneId,
        kind: 'note',
        id: 'c_new' as CardId,
        text: 'hi',
      }),
    );
    expect(new Set(short(changes))).toEqual(
      new Set(['insert cards/c_new/', 'insert cards/c_new/cell', 'insert cards/c_new/text', 'insert cards/c_new/kind']),
    );
  });

  it('moving a card is a change of its cell, and editing text a change of its text', () => {
    expect(
      short(changesOf((doc) => moveCard(doc, 'c_letter' as CardId, { stageId: 's_paid' as StageId, laneId: 'l_touch' as LaneId }))),
    ).toEqual(['delete cards/c_letter/cell', 'insert cards/c_letter/cell']);
    expect(short(changesOf((doc) => updateCard(doc, 'c_letter' as CardId, { text: 'SMS' })))).toEqual([
      'delete cards/c_letter/text',
      'insert cards/c_letter/text',
    ]);
  });

  it('deleting a card deletes the record and its links', () => {
    const changes = short(changesOf((doc) => deleteCard(doc, 'c_pain' as CardId)));
    expect(changes).toContain('delete cards/c_pain/');
    expect(changes).toContain('delete links/k_1/');
  });

  it('structure and title edits name their maps', () => {
    expect(short(changesOf((doc) => renameStage(doc, 's_paid' as StageId, 'Settled')))).toEqual([
      'delete stages/s_paid/title',
      'insert stages/s_paid/title',
    ]);
    expect(short(changesOf((doc) => setBoardTitle(doc, 'New')))).toEqual(['delete meta/title/', 'insert meta/title/']);
    expect(short(changesOf((doc) => linkCards(doc, 'c_letter' as CardId, 'c_pain' as CardId)))[0]).toMatch(/^insert links\/k_/);
  });

  it('an update the document already has describes no change', () => {
    const server = docOf(smallBoard());
    expect(describeUpdate(server, Y.encodeStateAsUpdate(server))).toEqual([]);
  });

  it('garbage is refused by throwing', () => {
    const server = docOf(smallBoard());
    expect(() => describeUpdate(server, new Uint8Array([255, 255, 255, 255, 1, 2, 3]))).toThrow();
  });
});

describe('describing updates from random editing', () => {
  it('locates every change of a few hundred random operations', async () => {
    const { createRng } = await import('../../testing/random.ts');
    const { applyRandomOp } = await import('../../testing/random-ops.ts');
    const rng = createRng(7);
    const server = docOf(smallBoard());
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const unknown: string[] = [];
    client.on('update', (u: Uint8Array) => {
      for (const change of describeUpdate(server, u)) {
        if (!['meta', 'stages', 'lanes', 'cards', 'links', 'personas'].includes(change.root) || !change.recordId) {
          unknown.push(JSON.stringify(change));
        }
      }
      Y.applyUpdate(server, u);
    });
    for (let i = 0; i < 300; i++) applyRandomOp(client, rng);
    expect(unknown).toEqual([]);
  });
});

/** A replica of `doc` (its own client id). */
function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

/** What `edit` on `replica` produced since `before` (a state vector of the replica). */
const updateSince = (replica: Y.Doc, before: Uint8Array) => Y.encodeStateAsUpdate(replica, before);

describe('state the document does not hold', () => {
  it('a delete of clocks nobody has written is a claim, not "no change"', () => {
    const server = docOf(smallBoard());
    const victim = [...Y.decodeStateVector(Y.encodeStateVector(server)).keys()][0]!;
    // An update with no structs and one delete range: the victim's next 1,000,000 clocks.
    const update = encodeUpdate([], [[victim, Y.getState(server.store, victim), 1_000_000]]);
    const analysis = analyzeUpdate(server, update);
    expect(analysis.unheldClaim).toMatch(/delete of clocks nobody has written/);
    expect(analysis.isNoop).toBe(false);
  });

  it('a GC struct after a gap claims clocks ahead; a skip past the held clocks too', () => {
    const server = docOf(smallBoard());
    const victim = [...Y.decodeStateVector(Y.encodeStateVector(server)).keys()][0]!;
    const start = Y.getState(server.store, victim);
    expect(
      analyzeUpdate(server, encodeUpdate([{ kind: 'gc', client: victim, clock: start + 5, length: 1_000_000 }], [])).unheldClaim,
    ).toMatch(/GC struct/);
    expect(
      analyzeUpdate(server, encodeUpdate([{ kind: 'skip', client: victim, clock: start, length: 1_000_000 }], [])).unheldClaim,
    ).toMatch(/skip/);
  });

  it('an honest client that created and deleted a card offline sends GC structs for its own new clocks: no claim', () => {
    const server = docOf(smallBoard());
    const client = replicaOf(server);
    const before = Y.encodeStateVector(client);
    const id = addCard(client, {
      stageId: 's_paid' as StageId,
      laneId: 'l_touch' as LaneId,
      kind: 'note',
      text: 'offline',
    });
    updateCard(client, id, { text: 'offline, edited' });
    deleteCard(client, id);
    // What the reconnecting client sends as its sync step 2 (the whole delete set included).
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(step2).structs.some((s) => s instanceof Y.GC)).toBe(true);
    const analysis = analyzeUpdate(server, step2);
    expect(analysis.unheldClaim).toBeNull();
    expect(analysis.isNoop).toBe(false);
    expect(updateSince(client, before).length).toBeGreaterThan(0);
  });

  it("a replica's full state (a viewer's sync step 2) changes nothing", () => {
    const server = docOf(smallBoard());
    const editor = replicaOf(server);
    deleteCard(editor, 'c_pain' as CardId);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor, Y.encodeStateVector(server)));
    const viewer = replicaOf(server);
    const analysis = analyzeUpdate(server, Y.encodeStateAsUpdate(viewer, Y.encodeStateVector(server)));
    expect(analysis).toMatchObject({ isNoop: true, unheldClaim: null, changes: [] });
  });
});

describe('an edit inside a record deleted concurrently', () => {
  it('is a no-op, as Yjs resolves it, whether it overwrites a field or adds one', () => {
    const server = docOf(smallBoard());
    const a = replicaOf(server);
    const b = replicaOf(server);
    deleteCard(a, 'c_letter' as CardId);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(a, Y.encodeStateVector(server)));
    const before = Y.encodeStateVector(b);
    updateCard(b, 'c_letter' as CardId, { text: 'edited meanwhile', thought: 'a new field' });
    const edit = updateSince(b, before);
    const analysis = analyzeUpdate(server, edit);
    expect(analysis.changes).toEqual([]);
    expect(analysis).toMatchObject({ unheldClaim: null, unplaced: 0, listItem: null });
    // Yjs agrees: applying it changes nothing on the board.
    const board = JSON.stringify(cardsMap(server).toJSON());
    Y.applyUpdate(server, edit);
    expect(JSON.stringify(cardsMap(server).toJSON())).toBe(board);
  });

  it('typing into the middle of its text (characters with a right neighbour) is a no-op too, not a list item', () => {
    // Found by the real-server convergence fuzz: such typing closed a facilitator with 4400.
    const server = docOf(smallBoard());
    const a = replicaOf(server);
    const b = replicaOf(server);
    deleteCard(a, 'c_letter' as CardId);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(a, Y.encodeStateVector(server)));
    const before = Y.encodeStateVector(b);
    const text = cardsMap(b).get('c_letter')!.get('text') as Y.Text;
    text.insert(1, 'typed meanwhile');
    const edit = updateSince(b, before);
    const analysis = analyzeUpdate(server, edit);
    expect(analysis.changes).toEqual([]);
    expect(analysis).toMatchObject({ unheldClaim: null, unplaced: 0, listItem: null });
    Y.applyUpdate(server, edit);
    expect(cardsMap(server).has('c_letter')).toBe(false);
  });

  it('an item whose parent nobody holds cannot be placed', () => {
    const server = docOf(smallBoard());
    const stranger = new Y.Doc();
    const card = new Y.Map<unknown>();
    stranger.getMap('cards').set('c_far', card);
    const before = Y.encodeStateVector(stranger);
    card.set('text', 'x');
    const analysis = analyzeUpdate(server, Y.encodeStateAsUpdate(stranger, before));
    expect(analysis.unplaced).toBe(1);
    expect(analysis.changes).toEqual([{ root: '?', recordId: undefined, field: undefined, kind: 'insert' }]);
  });
});

describe('figures for the limits', () => {
  it('counts new structs and new keys, and names the values written', () => {
    const server = docOf(smallBoard());
    const client = replicaOf(server);
    const before = Y.encodeStateVector(client);
    client.transact(() => {
      for (let i = 0; i < 100; i++) client.getMap('links').set(`k_tiny${i}`, { from: 'c_letter', to: 'c_pain' });
    });
    client.getMap('meta').set('title', 'T'.repeat(300)); // past the schema's limit, as no edit operation writes it
    const analysis = analyzeUpdate(server, updateSince(client, before));
    expect(analysis.newStructs).toBe(101);
    expect(analysis.newKeys.get('links')?.size).toBe(100);
    expect(analysis.writes.find((w) => w.root === 'meta' && w.keys[0] === 'title')?.value).toBe('T'.repeat(300));
    expect(boardLimitViolation(server, analysis, { maxCards: 10_000, maxValueBytes: 65_536 })).toMatch(/title of 300 characters/);
  });
});
