import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { LOCAL_ORIGIN } from '../doc/origins.ts';
import { facilitationMap } from '../facilitation/layout.ts';
import { MAX_TOP_N, parseTopN, readPrioritySettings, setPrioritySettings } from './settings.ts';

describe('priority settings', () => {
  it('ranks by score with a cut line at 12 until the facilitator changes them', () => {
    expect(readPrioritySettings(new Y.Doc())).toEqual({ rankBy: 'score', topN: 12 });
  });

  it('round-trips the ranking mode and the cut line through the document', () => {
    const doc = new Y.Doc();
    setPrioritySettings(doc, { rankBy: 'manual' }, LOCAL_ORIGIN);
    setPrioritySettings(doc, { topN: 5 }, LOCAL_ORIGIN);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readPrioritySettings(copy)).toEqual({ rankBy: 'manual', topN: 5 });
  });

  it('reads garbage written by someone else as the defaults', () => {
    const doc = new Y.Doc();
    facilitationMap(doc).set('rankBy', 'alphabetical');
    facilitationMap(doc).set('topN', -3);
    expect(readPrioritySettings(doc)).toEqual({ rankBy: 'score', topN: 12 });
  });

  it('refuses an unknown mode or an unusable cut line and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => setPrioritySettings(doc, { topN: 0 }, LOCAL_ORIGIN)).toThrow(RangeError);
    expect(() => setPrioritySettings(doc, { rankBy: 'nope' as 'score' }, LOCAL_ORIGIN)).toThrow(RangeError);
    expect(facilitationMap(doc).size).toBe(0);
  });

  it('parses cut lines from query strings, rounding down and capping', () => {
    expect([parseTopN('5'), parseTopN(7.9), parseTopN('1000'), parseTopN('x'), parseTopN(''), parseTopN(0)]).toEqual([
      5,
      7,
      MAX_TOP_N,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
