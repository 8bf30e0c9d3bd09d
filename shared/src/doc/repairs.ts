/**
 * What the reader (`docToBoard` in read.ts) had to fix to turn a stored document into a
 * valid board. A document written by one user through the edit operations (ops.ts, undo
 * and redo included) never needs a repair; the fuzz in doc/convergence.test.ts holds the
 * reader to that. Concurrent edits can leave these states, each merged correctly by Yjs
 * but not a board on its own:
 *
 *   axis-revived           every stage (or lane) record is a tombstone: two users removed the
 *                          last ones at once, each seeing another left. All come back.
 *   card-rehomed           a card's cell names a stage or lane that is missing or removed, or
 *                          the cell is gone: a card added to or moved into a stage another user
 *                          removed meanwhile; an undo bringing a card back after its stage was
 *                          removed; an undone move that had overwritten another user's move
 *                          (Yjs then restores neither value). Shown in the first stage/lane.
 *   link-dropped           a link whose card is gone: a link made while another user deleted
 *                          the card, or an undone card creation after someone linked the card.
 *   active-persona-cleared the active persona was removed by one user while another chose it.
 *   field-defaulted        a field is missing or of the wrong type. Concurrently: a user undoes
 *                          a change that had overwritten another user's change to the same
 *                          field (title, text, order…), and Yjs leaves the key empty. Otherwise
 *                          only a damaged or hostile document, which the server refuses.
 *   text-cut               a text field (card text or thought, a title, a persona name) longer
 *                          than its limit: two people typing into one field at once, each
 *                          within the limit. Shown cut at the limit; the ops refuse to lengthen it.
 *   record-skipped         a key that is not an id, or a value that is not a record: only a
 *                          damaged or hostile document.
 *   card-dropped           no stage or lane record at all, so cards have nowhere to go: only a
 *                          damaged document (the server refuses removing the last record).
 */
const REPAIR_KINDS = [
  'axis-revived',
  'card-rehomed',
  'link-dropped',
  'active-persona-cleared',
  'field-defaulted',
  'text-cut',
  'record-skipped',
  'card-dropped',
] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];

export interface ReadRepair {
  kind: RepairKind;
  /** Where, as `map/id[/field]` (`cards/c_x/cell`, `stages`, `meta/currency`). */
  path: string;
}

/** Told about every repair while a document is read; reading itself is unchanged. */
export type RepairListener = (repair: ReadRepair) => void;
