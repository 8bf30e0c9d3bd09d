/// <reference lib="dom" />
/**
 * The stack's floor, as a page: what any client built on our stack must do to show a board,
 * and nothing more. Yjs applies the board's stored update (fetched once), then React mounts a
 * React Flow with one card node saying how many cards arrived. Rejse's own page does this and
 * then reads, lays out and draws every card; the benchmark loads both and reports the ratio.
 */
import * as Y from 'yjs';

const board = fetch('/board.bin').then((response) => response.arrayBuffer());
const view = import('./view.ts');

board.then(async (bytes) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(bytes));
  const { mountView } = await view;
  mountView(document.getElementById('root') as HTMLElement, doc.getMap('cards').size);
});
