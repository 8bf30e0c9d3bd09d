import {
  boardContentMaps,
  LOCAL_ORIGIN,
  PARTICIPANT_PARAM,
  PARTICIPANT_SECRET_PARAM,
  PROTOCOL_VERSION,
  type Board,
  type BoardId,
} from '@rejse/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connectionState, isFatalClose, type ConnectionFacts, type ConnectionState } from './connection.ts';
import { createExternalStore, type ExternalStore } from './externalStore.ts';
import { BoardBinding } from './binding.ts';
import { metered } from './workMeter.ts';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export interface SessionStatus {
  connection: ConnectionState;
  /** The board has been received from the server at least once (it can be edited from now on). */
  loaded: boolean;
}

/**
 * One open board: the Y.Doc, its WebSocket provider, the undo manager and the records the
 * UI reads (`BoardBinding`: only the records an update touched are read again, lazily, so
 * a render right after a local edit sees them). Subscribers are told once per animation
 * frame, so a burst of remote updates costs one React render.
 */
export class BoardSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly undoManager: Y.UndoManager;
  readonly status: ExternalStore<SessionStatus>;
  readonly undoState: ExternalStore<UndoState>;

  private readonly binding: BoardBinding;
  private revision = 0;
  private frame = 0;
  private readonly listeners = new Set<() => void>();
  private facts: ConnectionFacts;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    readonly boardId: BoardId,
    wsBase: string,
    /** The secret link token this browser holds for the board, if any. */
    token: string | null = null,
    /** This browser's participant identity on the board: the server then knows who writes comments. */
    participant: { id: string; secret: string } | null = null,
    /** `connect: false` for a document that is never synced (a saved version shown read-only). */
    options: { connect?: boolean } = {},
  ) {
    this.binding = new BoardBinding(this.doc, boardId);
    this.facts = { synced: false, everSynced: false, online: navigator.onLine, fatalCode: null };
    this.status = createExternalStore<SessionStatus>(
      { connection: connectionState(this.facts), loaded: false },
      (a, b) => a.connection === b.connection && a.loaded === b.loaded,
    );
    this.undoState = createExternalStore<UndoState>(
      { canUndo: false, canRedo: false },
      (a, b) => a.canUndo === b.canUndo && a.canRedo === b.canRedo,
    );

    // After every transaction that changed something (not on 'update': Yjs encodes each update
    // again for its 'update' listeners, a whole board's worth on the first sync).
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
      this.revision += 1;
      if (!this.frame) this.frame = requestAnimationFrame(this.flush);
    };
    this.doc.on('afterTransaction', onTransaction);
    this.cleanups.push(() => this.doc.off('afterTransaction', onTransaction));

    // Only this user's edits are undoable; remote, seed and migration updates carry other origins.
    this.undoManager = new Y.UndoManager(boardContentMaps(this.doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const onStack = () => this.undoState.set({ canUndo: this.undoManager.canUndo(), canRedo: this.undoManager.canRedo() });
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
      this.undoManager.on(event, onStack);
      this.cleanups.push(() => this.undoManager.off(event, onStack));
    }

    if (options.connect ?? true) markLoad('socket-opened');
    this.provider = new WebsocketProvider(`${wsBase}/ws`, boardId, this.doc, {
      params: {
        v: String(PROTOCOL_VERSION),
        ...(token ? { token } : {}),
        ...(participant ? { [PARTICIPANT_PARAM]: participant.id, [PARTICIPANT_SECRET_PARAM]: participant.secret } : {}),
      },
      connect: options.connect ?? true,
      // Reconnect after anything but the codes that say reconnecting cannot help.
      shouldReconnect: (event) => !isFatalClose(event.code),
      // No cross-tab channel: another tab of the board syncs through the server like any other
      // client, and the channel would send it the whole document on every connect.
      disableBc: true,
    });
    this.cleanups.push(sendLocalUpdatesAfterFirstSync(this.doc, this.provider));
    this.provider.on('sync', (synced) => {
      if (synced && !this.facts.everSynced) markLoad('board-synced');
      this.updateFacts({ synced, everSynced: this.facts.everSynced || synced });
    });
    this.provider.on('status', ({ status }) => {
      if (status !== 'connected') this.updateFacts({ synced: false });
      else if (!this.facts.everSynced) markLoad('socket-connected');
    });
    this.provider.on('connection-close', (event) => {
      if (event && isFatalClose(event.code)) {
        this.provider.shouldConnect = false;
        this.updateFacts({ synced: false, fatalCode: event.code });
      }
    });

    const onOnline = () => {
      this.updateFacts({ online: true });
      // Retry at once instead of waiting for the backoff timer.
      if (this.facts.fatalCode === null && !this.provider.wsconnected) this.provider.connect();
    };
    const onOffline = () => this.updateFacts({ online: false });
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    this.cleanups.push(() => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    });
  }

  /** The board as plain data; the same object until the document changes. */
  getBoard = (): Board => metered('read', this.binding.getBoard);

  /**
   * A number that grows with every document update, for readers of the parts of the
   * document the board records leave out (facilitation, votes, priority settings): the
   * board object stays the same when only those change.
   */
  getRevision = (): number => this.revision;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Ends one undo step: the next edit starts a new one even within the capture timeout. */
  endStep(): void {
    this.undoManager.stopCapturing();
  }

  /**
   * Runs several commands as one transaction: one update on the wire and one undo step
   * (a paste of cards with their links, a move of cards into several cells). Commands keep
   * their own checks and error reports; inner transactions join this one.
   */
  batch<T>(run: () => T): T {
    this.endStep();
    let result: T | undefined;
    this.doc.transact(() => {
      result = run();
    }, LOCAL_ORIGIN);
    this.endStep();
    return result as T;
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    for (const cleanup of this.cleanups) cleanup();
    this.undoManager.destroy();
    this.binding.destroy();
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private flush = (): void => {
    this.frame = 0;
    for (const listener of [...this.listeners]) listener();
  };

  private updateFacts(patch: Partial<ConnectionFacts>): void {
    this.facts = { ...this.facts, ...patch };
    this.status.set({
      connection: connectionState(this.facts),
      loaded: this.status.get().loaded || this.facts.everSynced,
    });
  }
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
