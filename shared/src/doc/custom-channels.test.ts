import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_CHANNELS } from '../schema/channels.ts';
import { validateBoard } from '../schema/board.ts';
import { smallBoard } from '../../testing/fixtures.ts';
import { readBoardFile } from './board-file.ts';
import { LEGACY_CUSTOM_CHANNELS_KEY, metaMap } from './layout.ts';
import { analyzeUpdate } from './analyze.ts';
import { boardLimitViolation } from './board-limits.ts';
import { updateCard } from './ops.ts';
import { addCustomChannel } from './board-ops.ts';
import { PLANNED_CHANGES } from '../permissions/planned.ts';
import { docToBoard, readBoardWithRepairs } from './read.ts';
import { boardToDoc } from './write.ts';
import type { CardId } from '../ids.ts';

describe('a board’s own channels', () => {
  it('are added once per name (any case), trimmed, and picked on a card', () => {
    const doc = boardToDoc(smallBoard());
    expect(docToBoard(doc, 'b').customChannels).toBeUndefined();
    expect(addCustomChannel(doc, '  MitID ')).toBe('MitID');
    expect(addCustomChannel(doc, 'mitid')).toBe('MitID');
    addCustomChannel(doc, 'Vipps');
    updateCard(doc, 'c_letter' as CardId, { customChannel: 'MitID', channel: null });
    const board = docToBoard(doc, 'b');
    expect(board.customChannels).toEqual(['MitID', 'Vipps']);
    expect(board.cards.find((c) => c.id === 'c_letter')).toMatchObject({ customChannel: 'MitID' });
    expect(board.cards.find((c) => c.id === 'c_letter')?.channel).toBeUndefined();
    expect(validateBoard(board).ok).toBe(true);
  });

  it('refuse a blank name and more than the limit', () => {
    const doc = boardToDoc(smallBoard());
    expect(() => addCustomChannel(doc, '  ')).toThrow(/name/);
    for (let i = 0; i < MAX_CUSTOM_CHANNELS; i++) addCustomChannel(doc, `Channel ${i}`);
    expect(() => addCustomChannel(doc, 'One too many')).toThrow(/at most/);
  });

  it('plan the meta change they make, and nothing for a name already there', () => {
    const doc = boardToDoc(smallBoard());
    expect(PLANNED_CHANGES.addCustomChannel(doc, 'MitID')).toEqual([
      { root: 'meta', recordId: 'channel@mitid', field: undefined, kind: 'insert' },
    ]);
    addCustomChannel(doc, 'MitID');
    expect(PLANNED_CHANGES.addCustomChannel(doc, ' MITID ')).toEqual([]);
  });

  it('are read defensively: junk is left out and reported, never breaking the board', () => {
    const doc = boardToDoc(smallBoard());
    metaMap(doc).set(LEGACY_CUSTOM_CHANNELS_KEY, ['Kivra', 7, '', 'kivra', 'x'.repeat(200), 'Swish']);
    metaMap(doc).set('channel@mitid', 'Vipps');
    metaMap(doc).set('channel@7', 7);
    metaMap(doc).set('channel@vipps', 'Vipps');
    const { board, repairs } = readBoardWithRepairs(doc, 'b');
    expect(board.customChannels).toEqual(['Kivra', 'Swish', 'Vipps']);
    expect(repairs.map((repair) => repair.path)).toEqual(
      expect.arrayContaining([`meta/${LEGACY_CUSTOM_CHANNELS_KEY}`, 'meta/channel@mitid', 'meta/channel@7']),
    );
    metaMap(doc).set(LEGACY_CUSTOM_CHANNELS_KEY, 'not a list');
    expect(docToBoard(doc, 'b').customChannels).toEqual(['Vipps']);
  });

  it('added by two people at once both stay; one name added twice at once is listed once', () => {
    const anna = boardToDoc(smallBoard());
    const bo = new Y.Doc();
    Y.applyUpdate(bo, Y.encodeStateAsUpdate(anna));
    addCustomChannel(anna, 'MitID');
    addCustomChannel(bo, 'Vipps');
    addCustomChannel(anna, 'Swish');
    addCustomChannel(bo, 'swish');
    Y.applyUpdate(bo, Y.encodeStateAsUpdate(anna));
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(bo));
    const names = docToBoard(anna, 'b').customChannels ?? [];
    expect(names.map((name) => name.toLowerCase())).toEqual(['mitid', 'swish', 'vipps']);
    expect(docToBoard(bo, 'b').customChannels).toEqual(names);
  });

  it('kept from an older board’s list, which is never written again', () => {
    const doc = boardToDoc(smallBoard());
    metaMap(doc).set(LEGACY_CUSTOM_CHANNELS_KEY, ['Kivra', 'Swish']);
    expect(addCustomChannel(doc, 'KIVRA')).toBe('Kivra');
    expect(addCustomChannel(doc, 'MitID')).toBe('MitID');
    expect(docToBoard(doc, 'b').customChannels).toEqual(['Kivra', 'MitID', 'Swish']);
    expect(metaMap(doc).get(LEGACY_CUSTOM_CHANNELS_KEY)).toEqual(['Kivra', 'Swish']);
  });

  it('past the limit by concurrent adds: every replica keeps the same ones', () => {
    const anna = boardToDoc(smallBoard());
    for (let i = 0; i < MAX_CUSTOM_CHANNELS - 1; i++) addCustomChannel(anna, `Channel ${String(i).padStart(2, '0')}`);
    const bo = new Y.Doc();
    Y.applyUpdate(bo, Y.encodeStateAsUpdate(anna));
    addCustomChannel(anna, 'Zeta');
    addCustomChannel(bo, 'Alpha');
    Y.applyUpdate(bo, Y.encodeStateAsUpdate(anna));
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(bo));
    const kept = docToBoard(anna, 'b').customChannels;
    expect(kept).toHaveLength(MAX_CUSTOM_CHANNELS);
    expect(kept).toContain('Alpha');
    expect(kept).not.toContain('Zeta');
    expect(docToBoard(bo, 'b').customChannels).toEqual(kept);
  });

  it('are checked on an incoming update: a key holds its own name, and no update passes the limit', () => {
    const server = boardToDoc(smallBoard());
    const updateFrom = (edit: (replica: Y.Doc) => void): Uint8Array => {
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
      const before = Y.encodeStateVector(replica);
      edit(replica);
      return Y.encodeStateAsUpdate(replica, before);
    };
    const violation = (update: Uint8Array) =>
      boardLimitViolation(server, analyzeUpdate(server, update), { maxCards: 1_000, maxValueBytes: 65_536 });
    expect(violation(updateFrom((replica) => addCustomChannel(replica, 'MitID')))).toBeNull();
    expect(violation(updateFrom((replica) => metaMap(replica).set('channel@mitid', 'Vipps')))).toMatch(/channel/);
    expect(violation(updateFrom((replica) => metaMap(replica).set('channel@long', 'x'.repeat(41))))).toMatch(/at most 40/);
    expect(violation(updateFrom((replica) => metaMap(replica).set('channel@m', new Y.Map())))).toMatch(/channel/);
    for (let i = 0; i < MAX_CUSTOM_CHANNELS; i++) addCustomChannel(server, `Channel ${i}`);
    expect(violation(updateFrom((replica) => metaMap(replica).set('channel@one too many', 'One too many')))).toMatch(
      /more than 20 channels/,
    );
  });

  it('survive a board file (JSON export → import)', () => {
    const doc = boardToDoc(smallBoard());
    addCustomChannel(doc, 'MitID');
    updateCard(doc, 'c_letter' as CardId, { customChannel: 'MitID', channel: null });
    const file = JSON.parse(JSON.stringify(readBoardFile(doc, 'b')));
    const imported = docToBoard(boardToDoc(file), 'b');
    expect(imported.customChannels).toEqual(['MitID']);
    expect(imported.cards.find((c) => c.id === 'c_letter')?.customChannel).toBe('MitID');
  });
});
