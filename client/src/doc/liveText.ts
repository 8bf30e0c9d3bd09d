import { CARDS, LANES, PERSONAS, STAGES, diffText, textValue, type RecordMap, type TextEdit } from '@rejse/shared';
import * as Y from 'yjs';

/**
 * Live collaborative text in an <input> or <textarea>: every keystroke goes into the record's
 * `Y.Text` as the smallest edit at the caret (shared `diffText`), and others' keystrokes
 * arrive in the open field at once, with the caret and selection carried through their change
 * so it stays where the person left it. Nothing waits for Enter or blur: a reload mid-sentence
 * loses nothing, and an edit made offline merges on reconnect like any Yjs edit.
 */

/** The text fields people type into together (shared `TEXT_FIELDS`). */
export type TextRoot = typeof CARDS | typeof STAGES | typeof LANES | typeof PERSONAS;

/** One text field of one record: what an open editor is bound to, and what presence tells others. */
export interface TextTarget {
  root: TextRoot;
  id: string;
  field: string;
}

export const TEXT_ROOTS: readonly TextRoot[] = [CARDS, STAGES, LANES, PERSONAS];

export const sameTextTarget = (a: TextTarget | null, b: TextTarget | null): boolean =>
  a === b || (a !== null && b !== null && a.root === b.root && a.id === b.id && a.field === b.field);

/** One step of a Yjs text delta. */
export type DeltaOp = { retain?: number; insert?: unknown; delete?: number };

const insertLength = (insert: unknown): number => (typeof insert === 'string' ? insert.length : 1);

/**
 * Where a position in the text lands after a change (a Yjs delta). Text inserted exactly at
 * the position goes after it: a caret stays before another person's new words, so each
 * person's own typing stays together.
 */
export function mapIndex(index: number, delta: readonly DeltaOp[]): number {
  let at = 0;
  let moved = index;
  for (const op of delta) {
    if (at > index) break;
    if (op.retain !== undefined) at += op.retain;
    else if (op.delete !== undefined) {
      if (at < index) moved -= Math.min(op.delete, index - at);
      at += op.delete;
    } else if (op.insert !== undefined && at < index) moved += insertLength(op.insert);
  }
  return Math.max(0, moved);
}

/** The edit carried through changes made after it was measured (others' typing during an IME composition). */
function mapEdit(edit: TextEdit, deltas: readonly (readonly DeltaOp[])[]): TextEdit {
  const from = deltas.reduce((i, delta) => mapIndex(i, delta), edit.index);
  const to = deltas.reduce((i, delta) => mapIndex(i, delta), edit.index + edit.remove);
  return { index: from, remove: Math.max(0, to - from), insert: edit.insert };
}

/** The text after one edit. */
function withEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.remove);
}

type Field = HTMLInputElement | HTMLTextAreaElement;

export interface LiveTextOptions {
  doc: Y.Doc;
  target: TextTarget;
  /**
   * Writes one edit through the board's commands (which may refuse it: a lock, a role).
   * `next` is the whole text after it, for commands that take the whole value.
   */
  write: (edit: TextEdit, next: string) => void;
  /** Told whenever the field's text changes, by typing or by others. */
  onShown?: (text: string) => void;
}

/**
 * Binds `element` to the target's text until the returned function is called. The element is
 * uncontrolled: this binding alone sets its value, so a re-render never moves the caret.
 */
export function bindLiveText(element: Field, { doc, target, write, onShown }: LiveTextOptions): () => void {
  const record = doc.getMap<RecordMap>(target.root).get(target.id);
  const current = (): string => textValue(record?.get(target.field));
  let text: Y.Text | null = null;
  /** The text as the document held it when the field last matched it. */
  let shown = current();
  let composing = false;
  let writing = false;
  /** Others' changes that arrived during an IME composition, applied when it ends. */
  let pending: DeltaOp[][] = [];

  const show = (next: string, map: (index: number) => number) => {
    const focused = element.ownerDocument.activeElement === element;
    const { selectionStart, selectionEnd, selectionDirection } = element;
    element.value = next;
    shown = next;
    if (focused && selectionStart !== null && selectionEnd !== null) {
      element.setSelectionRange(map(selectionStart), map(selectionEnd), selectionDirection ?? undefined);
    }
    onShown?.(next);
  };

  const onText = (event: Y.YTextEvent) => {
    if (writing) return;
    const next = event.target.toString();
    if (next === element.value) {
      shown = next;
      return;
    }
    // An IME composition is under way: changing the field now would break it.
    if (composing) {
      pending.push(event.delta as DeltaOp[]);
      return;
    }
    const delta = event.delta as DeltaOp[];
    show(next, (index) => mapIndex(index, delta));
  };

  const attach = () => {
    const value = record?.get(target.field);
    const next = value instanceof Y.Text ? value : null;
    if (next === text) return;
    text?.unobserve(onText);
    text = next;
    text?.observe(onText);
  };

  // The field turned from a plain string into a Y.Text, or was replaced: follow it.
  const onRecord = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has(target.field)) return;
    attach();
    if (writing) return;
    const next = current();
    if (next !== element.value && !composing) show(next, (index) => Math.min(index, next.length));
  };

  const commit = () => {
    const local = element.value;
    const measured = diffText(shown, local, element.selectionEnd ?? undefined);
    if (!measured) return;
    const edit = pending.length > 0 ? mapEdit(measured, pending) : measured;
    pending = [];
    const before = current();
    writing = true;
    try {
      write(edit, withEdit(before, edit));
    } finally {
      writing = false;
    }
    attach();
    const after = current();
    if (after === local) {
      shown = after;
      onShown?.(after);
      return;
    }
    // Refused (the words go back), or others' words arrived during a composition: show the document.
    const caret = after === before ? edit.index : edit.index + edit.insert.length;
    element.value = after;
    shown = after;
    const at = Math.min(caret, after.length);
    element.setSelectionRange(at, at);
    onShown?.(after);
  };

  const onInput = () => {
    if (!composing) commit();
  };
  const onCompositionStart = () => {
    composing = true;
  };
  const onCompositionEnd = () => {
    composing = false;
    commit();
  };

  attach();
  record?.observe(onRecord);
  if (element.value !== shown) {
    element.value = shown;
    onShown?.(shown);
  }
  element.addEventListener('input', onInput);
  element.addEventListener('compositionstart', onCompositionStart);
  element.addEventListener('compositionend', onCompositionEnd);
  return () => {
    element.removeEventListener('input', onInput);
    element.removeEventListener('compositionstart', onCompositionStart);
    element.removeEventListener('compositionend', onCompositionEnd);
    record?.unobserve(onRecord);
    text?.unobserve(onText);
  };
}
