import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

// patches/lib0@0.2.120.patch builds short ASCII strings in JavaScript instead of calling
// TextDecoder (a board's first sync decodes tens of thousands of them). It must read exactly
// what TextDecoder read, and fail where it failed.

const encoded = (...texts: string[]): Uint8Array => {
  const encoder = encoding.createEncoder();
  for (const text of texts) encoding.writeVarString(encoder, text);
  return encoding.toUint8Array(encoder);
};

describe('lib0 string decoding (patched)', () => {
  it('reads back ASCII, non-ASCII, empty, short and long strings in order', () => {
    const texts = ['', 'title', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(500), 'Rykker sendt på e-mail', 'Påminnelse 🔔', 'a\u007fb'];
    const decoder = decoding.createDecoder(encoded(...texts));
    for (const text of texts) expect(decoding.readVarString(decoder)).toBe(text);
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it('still rejects a string cut short and bytes that are not UTF-8', () => {
    const whole = encoded('stage');
    expect(() => decoding.readVarString(decoding.createDecoder(whole.subarray(0, 4)))).toThrow();
    // Length 2, then a lone continuation byte and an ASCII byte: invalid UTF-8.
    expect(() => decoding.readVarString(decoding.createDecoder(new Uint8Array([2, 0x80, 0x41])))).toThrow();
  });

  it('decodes a Yjs document the same as it was written', () => {
    const doc = new Y.Doc();
    const card = new Y.Map<unknown>();
    doc.getMap('cards').set('c1', card);
    card.set('title', 'Reminder by e-mail');
    card.set('note', 'Kunden føler sig presset');
    card.set('tags', ['dunning', 'æøå']);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getMap('cards').toJSON()).toEqual(doc.getMap('cards').toJSON());
  });
});
