/**
 * Admission against the real server (issue 12, defects 1–4 and 8): raw y-websocket frames
 * that claim state the server does not hold, honest editors editing what another deletes,
 * memory-sized floods of tiny entries, and content past the schema's limits.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE,
  LIMITS,
  LOCAL_ORIGIN,
  addCard,
  addLane,
  addPersona,
  addStage,
  cardsMap,
  deleteCard,
  docToBoard,
  lanesMap,
  linksMap,
  metaMap,
  readLanes,
  readStages,
  recordFrom,
  renameStage,
  setLocks,
  stagesMap,
  updateCard,
  type Board,
  type CardId,
  type LaneId,
  type StageId,
} from '@rejse/shared';
import {
  boardFetch,
  createBoard,
  tokenOf,
  type ConnectedClient,
  type CreatedBoard,
  type Role,
  type RunningServer,
} from '../helpers/server.ts';
import { SYNC_STEP2, SYNC_UPDATE, craftedUpdate, syncFrame } from './frames.ts';
import { TEST_TIMEOUT_MS, fetchBoard, isHealthy, mib, rawSocket, rssKiB, sendFrame, socketPath } from './util.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';

const { start, connect } = stoppedAfterEach();

/** The board as one role sees it: its id and that role's token. */
const as = (board: CreatedBoard, role: Role) => ({ id: board.id, token: tokenOf(board.links[role]) });

interface Watched extends ConnectedClient {
  /** Close codes of this client's sockets so far. */
  closes: number[];
}

async function join(server: RunningServer, board: CreatedBoard, role: Role): Promise<Watched> {
  const client = connect(server, board.id, { token: tokenOf(board.links[role]) }) as Watched;
  client.closes = [];
  client.provider.on('connection-close', (event: { code: number } | null) => client.closes.push(event?.code ?? 0));
  await client.synced;
  return client;
}

/**
 * Sends one sync update on a raw socket with `role`'s token, then an empty sync step 2 (an
 * update that builds on unsent state waits for the step 2 and is judged then); resolves
 * with the close code, or 'alive' if it was applied.
 */
async function sendAs(server: RunningServer, board: CreatedBoard, role: Role, update: Uint8Array): Promise<number | 'alive'> {
  const socket = rawSocket(server, socketPath(as(board, role)));
  await socket.opened;
  await sendFrame(socket, syncFrame(SYNC_UPDATE, update));
  await sendFrame(socket, syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(new Y.Doc())));
  if ((await socket.probe()) === 'alive') {
    socket.ws.close();
    return 'alive';
  }
  return (await socket.closed).code;
}

const firstCell = (doc: Y.Doc) => ({
  stageId: readStages(doc)[0]!.id as StageId,
  laneId: readLanes(doc)[0]!.id as LaneId,
});

/** Waits until every doc reads as the same board as the server's live board; returns it. */
async function converged(server: RunningServer, board: CreatedBoard, docs: Y.Doc[]): Promise<Board> {
  let agreed: Board | undefined;
  await vi.waitFor(
    async () => {
      const live = await fetchBoard(server, as(board, 'facilitator'));
      for (const doc of docs) expect(docToBoard(doc, board.id)).toEqual(live);
      agreed = live;
    },
    { timeout: 15_000, interval: 50 },
  );
  return agreed!;
}

describe('claims on state the server does not hold are refused (defects 1 and 2)', () => {
  it(
    "a delete of the facilitator's next 1,000,000 clocks is refused with 4403 from every role, and later edits land",
    async () => {
      const server = await start();
      const board = await createBoard(server, { title: 'Future deletes' });
      const facilitator = await join(server, board, 'facilitator');
      const stage = readStages(facilitator.doc)[0]!.id as StageId;
      renameStage(facilitator.doc, stage, 'Before');
      await vi.waitFor(async () => expect((await fetchBoard(server, as(board, 'viewer'))).stages[0]!.title).toBe('Before'));
      const next = Y.getState(facilitator.doc.store, facilitator.doc.clientID);
      const forged = craftedUpdate([], [[facilitator.doc.clientID, next, 1_000_000]]);
      for (const role of ['viewer', 'editor', 'facilitator'] as const) {
        expect(await sendAs(server, board, role, forged), role).toBe(CLOSE.FORBIDDEN.code);
      }
      // The facilitator locks the structure and renames the stage; an editor adds a card.
      renameStage(facilitator.doc, stage, 'After');
      setLocks(facilitator.doc, { structure: true }, LOCAL_ORIGIN);
      const editor = await join(server, board, 'editor');
      const card = addCard(editor.doc, { ...firstCell(editor.doc), kind: 'note', text: 'still here' });
      const agreed = await converged(server, board, [facilitator.doc, editor.doc]);
      expect(agreed.stages[0]!.title).toBe('After');
      expect(agreed.cards.map((c) => c.id)).toContain(card);
      expect(editor.closes).toEqual([]);
      // And after a SIGKILL and a restart on the same data.
      await server.kill('SIGKILL');
      const restarted = await start({ dataDir: server.dataDir });
      expect(await fetchBoard(restarted, as(board, 'viewer'))).toEqual(agreed);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a viewer's GC struct over an offline editor's next clocks is refused, and the editor's offline card arrives",
    async () => {
      const server = await start();
      const board = await createBoard(server, { title: 'Offline victim' });
      const editor = await join(server, board, 'editor');
      addCard(editor.doc, { ...firstCell(editor.doc), kind: 'note', text: 'online' });
      await converged(server, board, [editor.doc]);
      editor.provider.disconnect();
      const next = Y.getState(editor.doc.store, editor.doc.clientID);
      const offline = addCard(editor.doc, { ...firstCell(editor.doc), kind: 'note', text: 'written offline' });
      const forged = craftedUpdate([{ kind: 'gc', client: editor.doc.clientID, clock: next, length: 1_000_000 }], []);
      expect(await sendAs(server, board, 'viewer', forged)).toBe(CLOSE.FORBIDDEN.code);
      // A skip struct, and a GC struct past a gap, are refused from an editor too.
      expect(
        await sendAs(server, board, 'editor', craftedUpdate([{ kind: 'skip', client: editor.doc.clientID, clock: next, length: 10 }], [])),
      ).toBe(CLOSE.FORBIDDEN.code);
      expect(
        await sendAs(
          server,
          board,
          'editor',
          craftedUpdate([{ kind: 'gc', client: editor.doc.clientID, clock: next + 5, length: 10 }], []),
        ),
      ).toBe(CLOSE.FORBIDDEN.code);
      editor.provider.connect();
      const agreed = await converged(server, board, [editor.doc]);
      expect(agreed.cards.map((c) => c.id)).toContain(offline);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a viewer may send only what changes nothing: its own sync step 2 passes, any new struct is refused',
    async () => {
      const server = await start();
      const board = await createBoard(server, { title: 'Viewer' });
      const viewer = await join(server, board, 'viewer');
      const facilitator = await join(server, board, 'facilitator');
      deleteCard(facilitator.doc, addCard(facilitator.doc, { ...firstCell(facilitator.doc), kind: 'note', text: 'gone' }));
      await converged(server, board, [viewer.doc, facilitator.doc]);
      // A reconnect sends the viewer's whole delete set: nothing new, so it passes.
      viewer.provider.disconnect();
      viewer.provider.connect();
      await converged(server, board, [viewer.doc]);
      expect(viewer.closes.filter((code) => code >= 4000)).toEqual([]);
      const stranger = new Y.Doc();
      stranger.getMap('scratch').set('x', 1);
      expect(await sendAs(server, board, 'viewer', Y.encodeStateAsUpdate(stranger))).toBe(CLOSE.FORBIDDEN.code);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('an edit inside a record deleted concurrently is a no-op (defect 3)', () => {
  it(
    'online: editor A deletes cards while editor B edits them at the same moment; B stays connected and all converge',
    async () => {
      const server = await start();
      const board = await createBoard(server, { title: 'Concurrent online' });
      const a = await join(server, board, 'editor');
      const b = await join(server, board, 'editor');
      const ids: CardId[] = [];
      for (let i = 0; i < 10; i++) ids.push(addCard(a.doc, { ...firstCell(a.doc), kind: 'note', text: `card ${i}` }));
      await converged(server, board, [a.doc, b.doc]);
      for (const id of ids) {
        // Same turn of the event loop: neither has seen the other's change when it sends.
        deleteCard(a.doc, id);
        updateCard(b.doc, id, { text: 'edited meanwhile', thought: 'new field' });
      }
      const agreed = await converged(server, board, [a.doc, b.doc]);
      expect(agreed.cards.filter((c) => ids.includes(c.id))).toEqual([]);
      expect([...a.closes, ...b.closes]).toEqual([]);
      expect(b.provider.wsconnected).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'offline: editor B edits cards offline that editor A deletes; B reconnects without a close and all converge',
    async () => {
      const server = await start();
      const board = await createBoard(server, { title: 'Concurrent offline' });
      const a = await join(server, board, 'editor');
      const b = await join(server, board, 'editor');
      const ids: CardId[] = [];
      for (let i = 0; i < 10; i++) ids.push(addCard(a.doc, { ...firstCell(a.doc), kind: 'note', text: `card ${i}` }));
      await converged(server, board, [a.doc, b.doc]);
      b.provider.disconnect();
      for (const id of ids) updateCard(b.doc, id, { text: 'edited offline', owner: 'B' });
      const kept = addCard(b.doc, { ...firstCell(b.doc), kind: 'idea', text: 'new offline' });
      for (const id of ids) deleteCard(a.doc, id);
      await converged(server, board, [a.doc]);
      b.provider.connect();
      const agreed = await converged(server, board, [a.doc, b.doc]);
      expect(agreed.cards.map((c) => c.id)).toEqual([kept]);
      expect(b.closes.filter((code) => code >= 4000)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('an edit sent before the sync step 2 that brings what it builds on', () => {
  it(
    'waits for that step 2 and is applied: a reconnecting editor is not cut off',
    async () => {
      const server = await start();
      const board = await createBoard(server, { title: 'Early edit' });
      const watcher = await join(server, board, 'editor');
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(watcher.doc));
      const serverState = Y.encodeStateVector(replica);
      // Offline work the server has not seen, then an edit on top of it (its parent and a
      // deleted clock are offline work), sent first — as a client does that edits between
      // its socket opening and its step 2.
      const card = addCard(replica, { ...firstCell(replica), kind: 'note', text: 'offline' });
      const gone = addCard(replica, { ...firstCell(replica), kind: 'note', text: 'short-lived' });
      const beforeEdit = Y.encodeStateVector(replica);
      updateCard(replica, card, { text: 'edited on reconnect' });
      deleteCard(replica, gone);
      const early = Y.encodeStateAsUpdate(replica, beforeEdit);
      const step2 = Y.encodeStateAsUpdate(replica, serverState);
      const socket = rawSocket(server, socketPath(as(board, 'editor')));
      await socket.opened;
      await sendFrame(socket, syncFrame(SYNC_UPDATE, early));
      await sendFrame(socket, syncFrame(SYNC_STEP2, step2));
      expect(await socket.probe()).toBe('alive');
      const agreed = await converged(server, board, [watcher.doc]);
      expect(agreed.cards.map((c) => [c.id, c.text])).toEqual([[card, 'edited on reconnect']]);
      socket.ws.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe('bounds that track memory (defect 4)', () => {
  it(
    'many tiny map entries are refused with 4413 before the heap grows; the server stays up and another board keeps serving',
    async () => {
      const server = await start();
      const board = await createBoard(server, { title: 'Flood' });
      const other = await createBoard(server, { title: 'Bystander' });
      const bystander = await join(server, other, 'editor');
      const rssBefore = rssKiB(server.pid);
      const socket = rawSocket(server, socketPath(as(board, 'facilitator')), { keepFrames: false });
      await socket.opened;
      let accepted = 0;
      for (let frame = 0; frame < 8; frame++) {
        // A fresh writer per frame (its own client id), so each frame stands on its own.
        const writer = new Y.Doc();
        const entries = writer.getMap('scratch');
        writer.transact(() => {
          for (let i = 0; i < 100_000; i++) entries.set(i.toString(36), 0);
        });
        const update = Y.encodeStateAsUpdate(writer);
        writer.destroy();
        await sendFrame(socket, syncFrame(SYNC_UPDATE, update));
        if ((await socket.probe()) === 'closed') break;
        accepted++;
      }
      expect((await socket.closed).code).toBe(CLOSE.BOARD_TOO_LARGE.code);
      expect(accepted).toBeLessThanOrEqual(3);
      expect(await isHealthy(server)).toBe(true);
      const rssAfter = rssKiB(server.pid);
      console.info(`[admission] tiny entries: ${accepted} frames of 100,000 accepted, then 4413; RSS ${mib(rssBefore)} → ${mib(rssAfter)}`);
      expect(rssAfter - rssBefore).toBeLessThan(600 * 1024);
      const started = Date.now();
      addCard(bystander.doc, { ...firstCell(bystander.doc), kind: 'note', text: 'still served' });
      await converged(server, other, [bystander.doc]);
      expect(Date.now() - started).toBeLessThan(5_000);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('the schema limits on the socket (defect 8)', () => {
  /** Applies `edit` directly to a facilitator's replica (no edit operation allows it) and returns the close code. */
  async function refusedWith(server: RunningServer, board: CreatedBoard, edit: (doc: Y.Doc) => void): Promise<number> {
    const client = await join(server, board, 'facilitator');
    edit(client.doc);
    await vi.waitFor(() => expect(client.closes.length).toBeGreaterThan(0), { timeout: 20_000 });
    return client.closes[0]!;
  }

  /** Exports the board as board.json and imports it as a new board: the answer's status. */
  async function reimport(server: RunningServer, board: CreatedBoard): Promise<{ status: number; board: Board }> {
    const exported = (await (await boardFetch(server, `/api/boards/${board.id}/board.json`, { token: board.token })).json()) as Board;
    const res = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exported),
    });
    return { status: res.status, board: exported };
  }

  it(
    'a 7 MiB card text, 67 stages, a 300-character title and 100,000 links are refused with 4413, and the board still re-imports',
    async () => {
      const server = await start();
      const board = await createBoard(server, { title: 'Limits' });
      const seeder = await join(server, board, 'facilitator');
      const cards = Array.from({ length: 3 }, (_, i) => addCard(seeder.doc, { ...firstCell(seeder.doc), kind: 'note', text: `c${i}` }));
      const before = await converged(server, board, [seeder.doc]);
      const cases: Array<[string, (doc: Y.Doc) => void]> = [
        [
          '7 MiB card text',
          (doc) =>
            cardsMap(doc)
              .get(cards[0]!)!
              .set('text', 'x'.repeat(7 * 1024 * 1024)),
        ],
        [
          '67 stages',
          (doc) =>
            doc.transact(() => {
              for (let i = 0; i < 67; i++) stagesMap(doc).set(`s_extra${i}`, recordFrom({ title: `S${i}`, order: 100 + i }));
            }),
        ],
        ['300-character title', (doc) => metaMap(doc).set('title', 'T'.repeat(300))],
        [
          '100,000 links',
          (doc) =>
            doc.transact(() => {
              for (let i = 0; i < 100_000; i++) linksMap(doc).set(`k_${i}`, { from: cards[i % 3]!, to: cards[(i + 1) % 3]! });
            }),
        ],
        ['a 300-character lane title', (doc) => lanesMap(doc).get(readLanes(doc)[0]!.id)!.set('title', 'L'.repeat(300))],
      ];
      for (const [name, edit] of cases) {
        expect(await refusedWith(server, board, edit), name).toBe(CLOSE.BOARD_TOO_LARGE.code);
      }
      expect(await fetchBoard(server, as(board, 'viewer'))).toEqual(before);
      expect((await reimport(server, board)).status).toBe(201);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a board at the limits (50 stages, 30 lanes, 20 personas, 200-character title, 2,000-character texts, 20,000 links) exports and re-imports',
    async () => {
      const server = await start();
      const board = await createBoard(server, { title: 'Full' });
      const seeder = await join(server, board, 'facilitator');
      const doc = seeder.doc;
      metaMap(doc).set('title', 'T'.repeat(LIMITS.titleLength));
      while (readStages(doc).length < LIMITS.stages) addStage(doc, 'S'.repeat(LIMITS.titleLength));
      while (readLanes(doc).length < LIMITS.lanes) addLane(doc, 'L'.repeat(LIMITS.titleLength));
      for (let i = 0; i < LIMITS.personas; i++) {
        addPersona(doc, {
          name: 'N'.repeat(LIMITS.titleLength),
          description: 'D'.repeat(LIMITS.cardTextLength),
          segment: 'G'.repeat(LIMITS.titleLength),
        } as never);
      }
      const ids: CardId[] = [];
      for (let i = 0; i < 200; i++) {
        ids.push(
          addCard(doc, {
            ...firstCell(doc),
            kind: 'pain',
            text: 'x'.repeat(LIMITS.cardTextLength),
            thought: 'y'.repeat(LIMITS.cardTextLength),
          }),
        );
      }
      doc.transact(() => {
        let made = 0;
        for (let from = 0; from < ids.length && made < LIMITS.links; from++) {
          for (let to = 0; to < ids.length && made < LIMITS.links; to++) {
            if (from !== to) linksMap(doc).set(`k_${made++}`, { from: ids[from]!, to: ids[to]! });
          }
        }
      });
      const agreed = await converged(server, board, [doc]);
      expect([agreed.stages.length, agreed.lanes.length, agreed.personas.length, agreed.links.length]).toEqual([
        LIMITS.stages,
        LIMITS.lanes,
        LIMITS.personas,
        LIMITS.links,
      ]);
      expect(seeder.closes).toEqual([]);
      const { status } = await reimport(server, board);
      expect(status).toBe(201);
    },
    TEST_TIMEOUT_MS,
  );
});
