/**
 * The version history against a real server process: a restore while three stock clients are
 * connected and editing converges everywhere to the restored version plus the edits made after
 * it, is stored (it survives a SIGKILL), and keeps every snapshot.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  cardsMap,
  docToBoard,
  updateCard,
  type Board,
  type CardId,
  type RestoreResponse,
  type SnapshotInfo,
  type SnapshotList,
} from '@rejse/shared';
import { boardFetch, createBoard, tokenOf, type ConnectedClient, type RunningServer } from '../helpers/server.ts';
import { firstCell } from '../server/util.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';

const { clients, start, connect } = stoppedAfterEach();

const sortedCards = (board: Board) => [...board.cards].sort((a, b) => (a.id < b.id ? -1 : 1));
// board.json also carries the outcomes (closed voting rounds), which docToBoard leaves out.
const comparable = ({ outcomes: _outcomes, ...board }: Board & { outcomes?: unknown }) => ({
  ...board,
  cards: sortedCards(board),
});

async function storedBoard(running: RunningServer, boardId: string): Promise<Board> {
  const res = await boardFetch(running, `/api/boards/${boardId}/board.json`);
  expect(res.status).toBe(200);
  // The file also carries the board's facilitation outcomes (board-file.ts); the board is the rest.
  const { outcomes: _outcomes, ...stored } = (await res.json()) as Board & { outcomes?: unknown };
  return stored as Board;
}

describe('version history with live clients', () => {
  it('restores a snapshot while three clients edit: every replica and the stored board converge to it plus the later edits', async () => {
    const running = await start();
    const board = await createBoard(running, { template: 'collection-letters' });
    const editor = tokenOf(board.links.editor);
    for (let i = 0; i < 3; i++) connect(running, board.id, { token: editor });
    await Promise.all(clients.map((c) => c.synced));
    const [a, b, c] = clients as [ConnectedClient, ConnectedClient, ConnectedClient];

    const snapshotRes = await boardFetch(running, `/api/boards/${board.id}/snapshots`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Before the second session' }),
    });
    expect(snapshotRes.status).toBe(201);
    const snapshot = (await snapshotRes.json()) as SnapshotInfo;
    const atSnapshot = docToBoard(a.doc, board.id);

    // Edits after the snapshot, one per client: a rewritten card, a deleted card, a new card.
    const [rewritten, deleted] = atSnapshot.cards;
    updateCard(a.doc, rewritten!.id, { text: 'Rewritten after the snapshot' });
    b.doc.transact(() => cardsMap(b.doc).delete(deleted!.id), 'rejse:local');
    const extra = addCard(c.doc, { ...firstCell(c.doc), kind: 'note', text: 'Added after the snapshot' });
    await vi.waitFor(() => {
      for (const client of clients) expect(cardsMap(client.doc).has(extra) && !cardsMap(client.doc).has(deleted!.id)).toBe(true);
    });

    // All three keep adding cards while the facilitator restores.
    const added: CardId[][] = [[], [], []];
    let restoredAt = Number.POSITIVE_INFINITY;
    const addedAfterRestore = new Set<CardId>();
    let editing = true;
    const editors = clients.map(async (client, index) => {
      let n = 0;
      while (editing) {
        const id = `c_live${index}x${String(n++).padStart(5, '0')}` as CardId;
        addCard(client.doc, { ...firstCell(client.doc), kind: 'note', text: `live ${index}/${n}`, id });
        added[index]!.push(id);
        if (Date.now() > restoredAt) addedAfterRestore.add(id);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const restoreRes = await boardFetch(running, `/api/boards/${board.id}/snapshots/${snapshot.id}/restore`, {
      method: 'POST',
    });
    const restoreMs = performance.now() - started;
    expect(restoreRes.status).toBe(200);
    restoredAt = Date.now();
    const restored = (await restoreRes.json()) as RestoreResponse;
    await new Promise((resolve) => setTimeout(resolve, 300));
    editing = false;
    await Promise.all(editors);
    expect(addedAfterRestore.size).toBeGreaterThan(0);

    // Every replica converges, and equals the stored board.
    await vi.waitFor(
      () => {
        const boards = clients.map((client) => comparable(docToBoard(client.doc, board.id)));
        expect(boards[1]).toEqual(boards[0]);
        expect(boards[2]).toEqual(boards[0]);
      },
      { timeout: 10_000 },
    );
    const converged = docToBoard(a.doc, board.id);
    expect(comparable(await storedBoard(running, board.id))).toEqual(comparable(converged));

    // The snapshot's content is back: the rewritten card's text, the deleted card, and no card added before the restore.
    const byId = new Map(converged.cards.map((card) => [card.id as string, card]));
    for (const card of atSnapshot.cards) expect(byId.get(card.id)).toEqual(card);
    expect(byId.has(extra)).toBe(false);
    // Of each client's stream, exactly a tail survives (what the server received after the restore),
    // and everything sent after the restore was answered is there.
    for (const stream of added) {
      const kept = stream.map((id) => byId.has(id));
      const firstKept = kept.indexOf(true);
      if (firstKept >= 0) expect(kept.slice(firstKept).every(Boolean)).toBe(true);
      for (const id of stream) if (addedAfterRestore.has(id)) expect(byId.has(id)).toBe(true);
    }
    const liveIds = new Set(added.flat().map(String));
    expect(converged.cards.filter((card) => !liveIds.has(card.id)).length).toBe(atSnapshot.cards.length);

    // SIGKILL: the restore, the edits after it and the history are all on disk.
    for (const client of clients.splice(0)) client.destroy();
    const dataDir = running.dataDir;
    await running.kill('SIGKILL');
    const restarted = await start({ dataDir });
    expect(comparable(await storedBoard(restarted, board.id))).toEqual(comparable(converged));
    const list = (await (await boardFetch(restarted, `/api/boards/${board.id}/snapshots`)).json()) as SnapshotList;
    const ids = list.snapshots.map((s) => s.id);
    expect(ids).toContain(snapshot.id);
    expect(ids).toContain(restored.undoSnapshotId);
    expect(list.snapshots.find((s) => s.id === restored.undoSnapshotId)).toMatchObject({ kind: 'restore' });

    console.log(
      `collection-letters board: snapshot ${snapshot.bytes} bytes (${atSnapshot.cards.length} cards); ` +
        `restore over HTTP ${restoreMs.toFixed(1)} ms with 3 clients editing (${restored.writes} values written)`,
    );
    void Y;
  });
});
