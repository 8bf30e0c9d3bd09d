import { FRESH_JOIN_PARAM, PARTICIPANT_PARAM, PARTICIPANT_SECRET_PARAM, PROTOCOL_VERSION } from '@rejse/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isFatalClose } from './connection.ts';

/**
 * A board's document and its socket, and nothing else: what the page's entry opens before the
 * app's code is evaluated (`board/earlyBoard.ts`), so the board arrives and is applied while
 * the rest of the page loads. `BoardSession` wraps it with the records, undo and the UI's
 * stores. It imports no schema: the entry stays small.
 */
export interface BoardLink {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The close code that ended the connection for good, once one did (reconnecting cannot help). */
  readonly fatalCode: () => number | null;
  /** Whether the board has been received from the server at least once. */
  readonly everSynced: () => boolean;
  destroy(): void;
}

export function openBoardLink(
  boardId: string,
  wsBase: string,
  /** The secret link token this browser holds for the board, if any. */
  token: string | null,
  /** This browser's participant identity on the board: the server then knows who writes comments. */
  participant: { id: string; secret: string } | null,
  /** `connect: false` for a document that is never synced (a saved version shown read-only). */
  connect = true,
): BoardLink {
  const doc = new Y.Doc();
  if (connect) markLoad('socket-opened');
  const provider = new WebsocketProvider(`${wsBase}/ws`, boardId, doc, {
    params: {
      v: String(PROTOCOL_VERSION),
      // Nothing of the board here yet: a cold board is sent at once (shared/src/protocol.ts).
      [FRESH_JOIN_PARAM]: '1',
      ...(token ? { token } : {}),
      ...(participant ? { [PARTICIPANT_PARAM]: participant.id, [PARTICIPANT_SECRET_PARAM]: participant.secret } : {}),
    },
    connect,
    // Reconnect after anything but the codes that say reconnecting cannot help.
    shouldReconnect: (event) => !isFatalClose(event.code),
    // No cross-tab channel: another tab of the board syncs through the server like any other
    // client, and the channel would send it the whole document on every connect.
    disableBc: true,
  });
  let fatalCode: number | null = null;
  let synced = false;
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected' && !synced) markLoad('socket-connected');
  };
  const onSync = (isSynced: boolean) => {
    if (isSynced && !synced) {
      markLoad('board-synced');
      // From now on this page holds the board: a reconnect asks for what it lacks.
      delete provider.params[FRESH_JOIN_PARAM];
    }
    synced ||= isSynced;
  };
  const onClose = (event: CloseEvent | null) => {
    if (event && isFatalClose(event.code)) {
      provider.shouldConnect = false;
      fatalCode = event.code;
    }
  };
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);
  const stopSending = sendLocalUpdatesAfterFirstSync(doc, provider);
  return {
    doc,
    provider,
    fatalCode: () => fatalCode,
    everSynced: () => synced,
    destroy() {
      stopSending();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * The provider listens to the document's updates only to send this browser's own changes;
 * until the first sync there are none (the board shows "Loading"), and listening would make
 * Yjs encode the whole incoming board again for nothing (about 0.2 s at 5,000 cards). So it
 * listens from the first sync on — or at once, with the whole state, if a change is made
 * before it. Returns the clean-up.
 */
function sendLocalUpdatesAfterFirstSync(doc: Y.Doc, provider: WebsocketProvider): () => void {
  const send = provider._updateHandler;
  doc.off('update', send);
  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    doc.on('update', send);
    doc.off('afterTransaction', onEarlyChange);
    provider.off('sync', onSync);
  };
  const onSync = (synced: boolean) => {
    if (synced) listen();
  };
  const onEarlyChange = (transaction: Y.Transaction) => {
    // Not this browser's: the socket's sync.
    if (!transaction.local || (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0)) return;
    listen();
    send(Y.encodeStateAsUpdate(doc), transaction.origin);
  };
  doc.on('afterTransaction', onEarlyChange);
  provider.on('sync', onSync);
  return () => {
    doc.off('afterTransaction', onEarlyChange);
    provider.off('sync', onSync);
  };
}

/**
 * A User Timing mark of a board's load (`rejse:socket-opened`, `rejse:socket-connected`, `rejse:board-synced`): the
 * canvas benchmark reads them to tell waiting for the server from the page's own work.
 */
function markLoad(name: string): void {
  performance.mark(`rejse:${name}`);
}
