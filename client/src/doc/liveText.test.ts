import { addCard, addLane, addStage, cardsMap, editCardText, textValue, type CardId } from '@rejse/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindLiveText, mapIndex, type DeltaOp } from './liveText.ts';

/**
 * A text box as far as the binding uses one: value, selection, focus and input events. Node
 * has no DOM; this is the part of HTMLTextAreaElement the binding touches, typed into the way
 * a browser does (the value changes, then "input" fires).
 */
class TextBox {
  value = '';
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: 'forward' | 'backward' | 'none' = 'none';
  readonly ownerDocument: { activeElement: unknown } = { activeElement: this };
  private readonly listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }
  setSelectionRange(start: number, end: number) {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  fire(type: string) {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
  /** Types `text` at the caret, replacing the selection, as a keystroke would. */
  type(text: string) {
    this.value = this.value.slice(0, this.selectionStart) + text + this.value.slice(this.selectionEnd);
    this.selectionStart = this.selectionEnd = this.selectionStart + text.length;
    this.fire('input');
  }
}

/** Two replicas of one board, kept in sync the way the server relays updates. */
function twoReplicas() {
  const a = new Y.Doc();
  const stageId = addStage(a, 'Reminder');
  const laneId = addLane(a, 'Touchpoints', 'touchpoints');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const relay = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') Y.applyUpdate(to, update, 'relay');
    });
  relay(a, b);
  relay(b, a);
  const id = addCard(a, { stageId, laneId, kind: 'note', text: 'Reminder letter' });
  return { a, b, id };
}

function bind(doc: Y.Doc, id: CardId, box = new TextBox()) {
  const unbind = bindLiveText(box as unknown as HTMLTextAreaElement, {
    doc,
    target: { root: 'cards', id, field: 'text' },
    write: (edit) => editCardText(doc, id, 'text', edit),
  });
  return { box, unbind };
}

const textOf = (doc: Y.Doc, id: CardId) => textValue(cardsMap(doc).get(id)?.get('text'));

describe('live text', () => {
  it('carries a position through a change: after text inserted before it, before text inserted at it', () => {
    const insertAt = (at: number, text: string): DeltaOp[] => [{ retain: at }, { insert: text }];
    expect(mapIndex(5, insertAt(0, 'ab'))).toBe(7);
    expect(mapIndex(5, insertAt(5, 'ab'))).toBe(5);
    expect(mapIndex(5, insertAt(6, 'ab'))).toBe(5);
    expect(mapIndex(5, [{ retain: 2 }, { delete: 2 }])).toBe(3);
    expect(mapIndex(5, [{ retain: 3 }, { delete: 5 }])).toBe(3);
    expect(mapIndex(5, [{ delete: 1 }, { insert: 'xyz' }])).toBe(7);
  });

  it('two people typing into one card at once both keep their words, and the caret stays in place', () => {
    const { a, b, id } = twoReplicas();
    const anders = bind(a, id).box;
    const mette = bind(b, id).box;
    expect(mette.value).toBe('Reminder letter');
    anders.setSelectionRange(0, 0);
    mette.setSelectionRange(15, 15);
    // Keystrokes alternate: each arrives at the other replica before the next one is typed.
    const theirs = [...' [M]'];
    for (const [i, letter] of [...'[A] '].entries()) {
      anders.type(letter);
      mette.type(theirs[i] ?? '');
    }
    const both = '[A] Reminder letter [M]';
    expect(textOf(a, id)).toBe(both);
    expect(anders.value).toBe(both);
    expect(mette.value).toBe(both);
    // Each caret is right after its own typing.
    expect(anders.selectionStart).toBe(4);
    expect(mette.selectionStart).toBe(both.length);
  });

  it('a refused keystroke goes back out of the field', () => {
    const { a, id } = twoReplicas();
    const box = new TextBox();
    bindLiveText(box as unknown as HTMLTextAreaElement, { doc: a, target: { root: 'cards', id, field: 'text' }, write: () => undefined });
    box.setSelectionRange(8, 8);
    box.type('!');
    expect(box.value).toBe('Reminder letter');
    expect(box.selectionStart).toBe(8);
  });

  it('during an IME composition others’ typing waits, then both land', () => {
    const { a, b, id } = twoReplicas();
    const box = bind(a, id).box;
    box.setSelectionRange(15, 15);
    box.fire('compositionstart');
    box.type(' 日本');
    editCardText(b, id, 'text', { index: 0, remove: 0, insert: '1. ' });
    // Not shown yet: changing the field would break the composition.
    expect(box.value).toBe('Reminder letter 日本');
    box.fire('compositionend');
    expect(textOf(a, id)).toBe('1. Reminder letter 日本');
    expect(box.value).toBe('1. Reminder letter 日本');
    expect(box.selectionStart).toBe(box.value.length);
  });

  it('follows a field that was a plain string when opened and becomes shared text', () => {
    const { a, b, id } = twoReplicas();
    cardsMap(a).get(id)!.set('thought', 'old words');
    const box = new TextBox();
    bindLiveText(box as unknown as HTMLTextAreaElement, {
      doc: a,
      target: { root: 'cards', id, field: 'thought' },
      write: (edit) => editCardText(a, id, 'thought', edit),
    });
    expect(box.value).toBe('old words');
    box.setSelectionRange(9, 9);
    box.type('!');
    expect(cardsMap(a).get(id)!.get('thought')).toBeInstanceOf(Y.Text);
    editCardText(b, id, 'thought', { index: 0, remove: 0, insert: 'The ' });
    expect(box.value).toBe('The old words!');
    expect(box.selectionStart).toBe(14);
  });
});
