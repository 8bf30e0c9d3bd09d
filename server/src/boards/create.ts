import * as Y from 'yjs';
import {
  SEED_ORIGIN,
  createBoardId,
  defaultRunSheet,
  instantiateTemplate,
  writeBoardInto,
  writeRunSheet,
  type Board,
  type BoardTemplate,
  type Currency,
} from '@rejse/shared';
import type { BoardMeta } from '../storage/documents.ts';
import type { BoardStore } from '../storage/store.ts';

/** The initial stored state of a board: the board written into a fresh document, encoded. */
export function encodeInitialState(board: Board): Uint8Array {
  const doc = new Y.Doc();
  try {
    writeBoardInto(doc, board);
    // Every board starts with the four-session series as its run-sheet, in the board's language.
    writeRunSheet(doc, defaultRunSheet(board.locale), SEED_ORIGIN);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Creates and stores a new board from a template (fresh ids throughout). */
export function createBoardFromTemplate(
  store: Pick<BoardStore, 'documents'>,
  template: BoardTemplate,
  options: { title?: string; now: number; locale?: string; currency?: Currency },
): { meta: BoardMeta; board: Board } {
  const id = createBoardId();
  const made = instantiateTemplate(template, options.title === undefined ? { id } : { id, title: options.title });
  // The board's own locale and currency (exports, report); the template's when not chosen.
  const board: Board = {
    ...made,
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
    ...(options.currency !== undefined ? { currency: options.currency } : {}),
  };
  const meta: BoardMeta = { id, title: board.title, createdAt: options.now, updatedAt: options.now };
  store.documents.create(meta, encodeInitialState(board));
  return { meta, board };
}
