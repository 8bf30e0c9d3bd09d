import * as Y from 'yjs';
import { CARDS, LANES, PERSONAS, STAGES, type FieldReader, type RecordMap } from './layout.ts';

/**
 * Collaborative text (schema version 3). The words people type together — a card's text and
 * thought, a stage's or lane's title, a persona's name — are `Y.Text` values in their record,
 * under the same keys the plain strings had, so keystrokes from two people merge instead of
 * the later one replacing the other's, and every Yjs client can co-edit them.
 *
 * Reading stays defensive: a plain string under one of these keys (an old or hostile client)
 * is read as it is, and the next edit turns it into a `Y.Text`.
 */
export const TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [CARDS]: ['text', 'thought'],
  [STAGES]: ['title'],
  [LANES]: ['title'],
  [PERSONAS]: ['name'],
};

/** Whether `field` of a record in root map `root` is collaborative text. */
export function isTextField(root: string, field: string | undefined): boolean {
  return field !== undefined && (TEXT_FIELDS[root]?.includes(field) ?? false);
}

/** The string a text field holds: a Y.Text's content, a plain string as it is, anything else ''. */
export function textValue(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

/** Whether a record holds a text value (Y.Text or a plain string) under `key`. */
export const hasText = (record: FieldReader, key: string): boolean => {
  const value = record.get(key);
  return value instanceof Y.Text || typeof value === 'string';
};

/** A new Y.Text holding `value`, to be set into a record. */
export function createText(value: string): Y.Text {
  return new Y.Text(value);
}

/** One contiguous edit: at `index`, remove `remove` UTF-16 units and insert `insert`. */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept),
 * never splitting a surrogate pair. `caret` (where the caret is in `after`, if known) decides
 * between equal answers: typing "a" after "a" in "aa" inserted at the caret, not at the start.
 */
export function diffText(before: string, after: string, caret?: number): TextEdit | null {
  if (before === after) return null;
  const maxPrefix = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // The changed region ends at the caret when the caret says so (an insert of a repeated letter).
  if (caret !== undefined && after.length > before.length) prefix = Math.min(prefix, Math.max(0, caret - (after.length - before.length)));
  let suffix = 0;
  const maxSuffix = Math.min(before.length, after.length) - prefix;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never cut a surrogate pair in two: widen the edit to whole characters.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** Applies one edit to a Y.Text (inside the caller's transaction). */
export function applyTextEdit(text: Y.Text, edit: TextEdit): void {
  if (edit.remove > 0) text.delete(edit.index, edit.remove);
  if (edit.insert.length > 0) text.insert(edit.index, edit.insert);
}

/**
 * Sets the text under `key` to `value` as an edit, not a replacement: an existing Y.Text gets
 * the smallest delete + insert (so a concurrent edit elsewhere in it survives); a plain string
 * or nothing becomes a new Y.Text. Call inside a transaction.
 */
export function writeText(record: RecordMap, key: string, value: string, caret?: number): void {
  const current = record.get(key);
  if (current instanceof Y.Text) {
    const edit = diffText(current.toString(), value, caret);
    if (edit) applyTextEdit(current, edit);
    return;
  }
  if (typeof current === 'string' && current === value) return;
  record.set(key, createText(value));
}

/** The Y.Text under `key`, created (from a plain string if one is there) when missing. Call inside a transaction. */
export function textAt(record: RecordMap, key: string): Y.Text {
  const current = record.get(key);
  if (current instanceof Y.Text) return current;
  const text = createText(textValue(current));
  record.set(key, text);
  return text;
}

/** A new record of root map `root` from plain fields: its text fields as Y.Text, undefined skipped. */
export function recordWithText(root: string, fields: Record<string, unknown>): RecordMap {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    map.set(key, typeof value === 'string' && isTextField(root, key) ? createText(value) : value);
  }
  return map;
}
