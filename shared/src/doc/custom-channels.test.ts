import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_CHANNELS } from '../schema/channels.ts';
import { validateBoard } from '../schema/board.ts';
import { smallBoard } from '../../testing/fixtures.ts';
import { readBoardFile } from './board-file.ts';
import { CUSTOM_CHANNELS_KEY, metaMap } from './layout.ts';
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
      { root: 'meta', recordId: CUSTOM_CHANNELS_KEY, field: undefined, kind: 'insert' },
    ]);
    addCustomChannel(doc, 'MitID');
    expect(PLANNED_CHANGES.addCustomChannel(doc, ' MITID ')).toEqual([]);
  });

  it('are read defensively: junk is left out and reported, never breaking the board', () => {
    const doc = boardToDoc(smallBoard());
    metaMap(doc).set(CUSTOM_CHANNELS_KEY, ['Kivra', 7, '', 'kivra', 'x'.repeat(200), 'Swish']);
    const { board, repairs } = readBoardWithRepairs(doc, 'b');
    expect(board.customChannels).toEqual(['Kivra', 'Swish']);
    expect(repairs).toContainEqual(expect.objectContaining({ path: `meta/${CUSTOM_CHANNELS_KEY}` }));
    metaMap(doc).set(CUSTOM_CHANNELS_KEY, 'not a list');
    expect(docToBoard(doc, 'b').customChannels).toBeUndefined();
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
