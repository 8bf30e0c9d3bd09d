import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { CardId, LaneId, StageId } from '../ids.ts';
import { docOf, smallBoard } from '../../testing/fixtures.ts';
import { describeUpdate, type UpdateChange } from './inspect.ts';
import { addCard, deleteCard, linkCards, moveCard, renameStage, setBoardTitle, updateCard } from './ops.ts';

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

const short = (changes: UpdateChange[]) =>
  changes.map((c) => `${c.kind} ${c.root}/${c.recordId ?? ''}/${c.field ?? ''}`).sort();

describe('describing an incoming update', () => {
  it('a new card is an insert into cards with its fields', () => {
    const changes = changesOf((doc) =>
      addCard(doc, { stageId: 's_paid' as StageId, laneId: 'l_touch' as LaneId, kind: 'note', id: 'c_new' as CardId, text: 'hi' }),
    );
    expect(new Set(short(changes))).toEqual(new Set(['insert cards/c_new/', 'insert cards/c_new/cell', 'insert cards/c_new/text', 'insert cards/c_new/kind']));
  });

  it('moving a card is a change of its cell, and editing text a change of its text', () => {
    expect(short(changesOf((doc) => moveCard(doc, 'c_letter' as CardId, { stageId: 's_paid' as StageId, laneId: 'l_touch' as LaneId })))).toEqual([
      'delete cards/c_letter/cell',
      'insert cards/c_letter/cell',
    ]);
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
