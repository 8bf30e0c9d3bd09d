/** What `analyzeUpdate` (analyze.ts) reports about an incoming update. */

/** One thing an update changes, in terms of the board layout (see layout.ts). */
export interface UpdateChange {
  /** Top-level map: 'meta', 'stages', 'lanes', 'cards', 'links', 'personas' (or anything a hostile client sends; '?' when unknown). */
  root: string;
  /** The record inside it (card id, stage id…); for 'meta' the meta key. */
  recordId: string | undefined;
  /** The field of that record ('cell', 'text'…); undefined when the record itself is set or deleted. */
  field: string | undefined;
  kind: 'insert' | 'delete';
}

/** A value an update writes, where it lands: `keys` are the map keys from the root down. */
export interface ValueWrite {
  root: string;
  keys: readonly string[];
  /** The written value (ContentAny/JSON), or the text for a string, or undefined for other content. */
  value: unknown;
  /** Rough size of the content in bytes (strings count UTF-16 code units × 1, binary its length). */
  bytes: number;
  /** A nested Y.Map (a record) is written here. */
  isRecord: boolean;
}

export interface UpdateAnalysis {
  /** Bytes of the encoded update. */
  bytes: number;
  /** What the update changes: inserts placed in the board, and deletions of live content. */
  changes: UpdateChange[];
  /** Values written (placed inserts only), for schema limits and the structure check. */
  writes: ValueWrite[];
  /** Per top-level map: keys the update writes there that are not live keys now (new records). */
  newKeys: Map<string, Set<string>>;
  /** Per top-level map: live keys whose value the update deletes or overwrites. */
  touchedKeys: Map<string, Set<string>>;
  /** Structs (items and GC runs) the update adds beyond what the document holds. */
  newStructs: number;
  /**
   * Why the update claims state the document does not hold — a delete of clocks nobody has
   * written (Yjs would keep it and apply it to future edits), a GC or skip struct for clocks
   * past what the document holds — or null. Such an update must be refused, whoever sends it.
   */
  unheldClaim: string | null;
  /** Inserts Yjs could not place now (origin or parent unknown): they would be held back. */
  unplaced: number;
  /** A list item or right neighbour outside the Y.Text fields, or not characters in one (see structure checks). */
  listItem: string | null;
  /** Characters the update types into each Y.Text field (key: `textFieldKey`), for the text limits. */
  textInserted: Map<string, number>;
  /** Applying it would change nothing: no new structs and no deletion of live content. */
  isNoop: boolean;
}
