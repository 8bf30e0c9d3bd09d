import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addStage,
  cardsMap,
  createBoardId,
  deleteCards,
  describeUpdate,
  facilitationMap,
  instantiateTemplate,
  metaMap,
  moveCards,
  readLanes,
  readStages,
  renameStage,
  setBoardTitle,
  setCardsLocked,
  setLocks,
  setPrivateMode,
  updateCard,
  writeBoardInto,
  type CardId,
} from '@rejse/shared';
import { findTemplate } from '@rejse/templates';
import { accessFor, checkDocumentUpdate, presenceMatchesRole } from './access.ts';

const facilitator = accessFor('facilitator', 'link');
const editor = accessFor('editor', 'link');
const viewer = accessFor('viewer', 'link');

/** A server document and a client replica of it. */
function setup() {
  const server = new Y.Doc();
  writeBoardInto(server, instantiateTemplate(findTemplate('blank')!, { id: createBoardId() }));
  const stage = readStages(server)[0]!.id;
  const lane = readLanes(server)[0]!.id;
  const card = addCard(server, { stageId: stage, laneId: lane, kind: 'idea', text: 'Pay by MobilePay' });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client, stage, lane, card };
}

/** The update a client edit produces (the client's replica changes; the server's does not). */
function updateOf(client: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  client.on('update', capture);
  edit(client);
  client.off('update', capture);
  return Y.mergeUpdates(updates);
}

/** Locks applied on the server and synced to the client. */
function serverWrites(server: Y.Doc, client: Y.Doc, write: (doc: Y.Doc) => void): void {
  write(server);
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
}

describe('which document updates each role may make', () => {
  it('a viewer may send an update that changes nothing, but not a change', () => {
    const { server, client, card } = setup();
    expect(checkDocumentUpdate(viewer, server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toEqual({
      ok: true,
    });
    const edit = updateOf(client, (doc) => updateCard(doc, card as CardId, { text: 'changed' }));
    expect(checkDocumentUpdate(viewer, server, edit)).toMatchObject({ ok: false });
    expect(checkDocumentUpdate(editor, server, edit)).toEqual({ ok: true });
  });

  it('an editor may not write the facilitation map or facilitator-owned settings', () => {
    const { server, client } = setup();
    const timer = updateOf(client, (doc) => facilitationMap(doc).set('timer', { state: 'running', endsAt: 1 }));
    expect(checkDocumentUpdate(editor, server, timer)).toMatchObject({ ok: false, reason: 'facilitator-only state' });
    expect(checkDocumentUpdate(facilitator, server, timer)).toEqual({ ok: true });
    const currency = updateOf(client, (doc) => metaMap(doc).set('currency', 'DKK'));
    expect(checkDocumentUpdate(editor, server, currency)).toMatchObject({ ok: false });
    const title = updateOf(client, (doc) => setBoardTitle(doc, 'Collection letters'));
    expect(checkDocumentUpdate(editor, server, title)).toEqual({ ok: true });
    const scratch = updateOf(client, (doc) => doc.getMap('scratch').set('x', 1));
    expect(checkDocumentUpdate(editor, server, scratch)).toMatchObject({ ok: false });
  });

  it('a locked structure refuses editors’ stage and lane changes but not card edits', () => {
    const { server, client, stage, card } = setup();
    serverWrites(server, client, (doc) => setLocks(doc, { structure: true }, 'test'));
    expect(
      checkDocumentUpdate(
        editor,
        server,
        updateOf(client, (doc) => renameStage(doc, stage, 'Reminder')),
      ),
    ).toMatchObject({ ok: false });
    expect(
      checkDocumentUpdate(
        editor,
        server,
        updateOf(client, (doc) => addStage(doc, 'Collection')),
      ),
    ).toMatchObject({ ok: false });
    expect(
      checkDocumentUpdate(
        editor,
        server,
        updateOf(client, (doc) => updateCard(doc, card, { text: 'x' })),
      ),
    ).toEqual({ ok: true });
  });

  it('a locked card cannot be moved or deleted by an editor, but its text can change', () => {
    const { server, client, stage, lane, card } = setup();
    const other = addCard(server, { stageId: stage, laneId: lane, kind: 'idea', text: 'Other' });
    serverWrites(server, client, (doc) => setCardsLocked(doc, [card], true, 'test'));
    const move = updateOf(client, (doc) => moveCards(doc, [card], { stageId: readStages(doc)[1]!.id, laneId: lane }));
    expect(checkDocumentUpdate(editor, server, move)).toMatchObject({ ok: false, reason: 'the card is locked' });
    expect(checkDocumentUpdate(facilitator, server, move)).toEqual({ ok: true });
    expect(
      checkDocumentUpdate(
        editor,
        server,
        updateOf(client, (doc) => updateCard(doc, card, { text: 'Sharper' })),
      ),
    ).toEqual({ ok: true });
    const remove = updateOf(client, (doc) => deleteCards(doc, [card]));
    expect(checkDocumentUpdate(editor, server, remove)).toMatchObject({ ok: false });
    const moveOther = updateOf(client, (doc) => moveCards(doc, [other], { stageId: readStages(doc)[1]!.id, laneId: lane }));
    expect(checkDocumentUpdate(editor, server, moveOther)).toEqual({ ok: true });
  });

  it('a locked board refuses every editor change', () => {
    const { server, client, card } = setup();
    serverWrites(server, client, (doc) => setLocks(doc, { board: true }, 'test'));
    expect(
      checkDocumentUpdate(
        editor,
        server,
        updateOf(client, (doc) => updateCard(doc, card, { text: 'x' })),
      ),
    ).toMatchObject({
      ok: false,
      reason: 'the board is locked',
    });
  });

  it('in private mode an editor may edit existing cards but not add one to the board', () => {
    const { server, client, stage, lane, card } = setup();
    serverWrites(server, client, (doc) => setPrivateMode(doc, true, 'test'));
    const add = updateOf(client, (doc) => addCard(doc, { stageId: stage, laneId: lane, kind: 'idea', text: 'Secret idea' }));
    expect(checkDocumentUpdate(editor, server, add)).toMatchObject({ ok: false });
    expect(checkDocumentUpdate(facilitator, server, add)).toEqual({ ok: true });
    expect(
      checkDocumentUpdate(
        editor,
        server,
        updateOf(client, (doc) => updateCard(doc, card, { text: 'y' })),
      ),
    ).toEqual({ ok: true });
    expect(cardsMap(server).size).toBe(1);
  });
});

describe('described changes, as the admission pipeline passes them', () => {
  it('give the same verdict as the raw update they describe', () => {
    const { server, client, stage, lane, card } = setup();
    serverWrites(server, client, (doc) => setCardsLocked(doc, [card], true, 'test'));
    const updates = [
      updateOf(client, (doc) => moveCards(doc, [card], { stageId: readStages(doc)[1]!.id, laneId: lane })),
      updateOf(client, (doc) => updateCard(doc, card, { text: 'Sharper' })),
      updateOf(client, (doc) => addCard(doc, { stageId: stage, laneId: lane, kind: 'idea', text: 'New' })),
      updateOf(client, (doc) => facilitationMap(doc).set('lockBoard', false)),
    ];
    for (const access of [viewer, editor, facilitator]) {
      for (const update of updates) {
        expect(checkDocumentUpdate(access, server, describeUpdate(server, update))).toEqual(checkDocumentUpdate(access, server, update));
      }
    }
    expect(checkDocumentUpdate(viewer, server, [])).toEqual({ ok: true });
  });

  it('refuse an editor a top-level map named like a built-in property', () => {
    const { server } = setup();
    for (const root of ['constructor', '__proto__', 'hasOwnProperty']) {
      const change = { root, recordId: 'x', field: undefined, kind: 'insert' as const };
      expect(checkDocumentUpdate(editor, server, [change])).toMatchObject({
        ok: false,
        reason: `unknown part of the document "${root}"`,
      });
      expect(checkDocumentUpdate(facilitator, server, [change])).toEqual({ ok: true });
    }
  });
});

describe('presence claims', () => {
  it('a presence state may name only the role of its own link', () => {
    const state = (role: string) => JSON.stringify({ user: { name: 'Ana', color: '#0f766e', role }, cursor: null });
    expect(presenceMatchesRole(state('viewer'), viewer)).toBe(true);
    expect(presenceMatchesRole(state('facilitator'), viewer)).toBe(false);
    expect(presenceMatchesRole(state('facilitator'), facilitator)).toBe(true);
    expect(presenceMatchesRole(JSON.stringify({ user: { name: 'Bo' } }), viewer)).toBe(true);
    expect(presenceMatchesRole('null', editor)).toBe(true);
  });
});
