/**
 * A minimal y-websocket-protocol client for the server's own tests (the stock
 * WebsocketProvider is used by the integration tests in tests/). It answers sync step 1,
 * applies what it receives and sends its own document updates.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from '../src/sync/messages.ts';

const REMOTE = Symbol('remote');

export interface TestClient {
  doc: Y.Doc;
  ws: WebSocket;
  /** Resolves when the server's sync step 2 arrived. */
  synced: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export function connectTestClient(baseUrl: string, boardId: string, token?: string): TestClient {
  const doc = new Y.Doc();
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws/${boardId}${query}`);
  ws.on('error', () => {});
  let markSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => {
    markSynced = resolve;
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
  });
  const send = (frame: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) send(encodeSyncUpdate(update));
  });
  ws.on('open', () => send(encodeSyncStep1(Y.encodeStateVector(doc))));
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const subtype = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (subtype === SYNC_STEP1) {
      send(encodeSyncStep2(Y.encodeStateAsUpdate(doc, payload)));
      return;
    }
    Y.applyUpdate(doc, payload, REMOTE);
    if (subtype === SYNC_STEP2) markSynced();
  });
  return {
    doc,
    ws,
    synced,
    closed,
    close() {
      ws.close();
      doc.destroy();
    },
  };
}
