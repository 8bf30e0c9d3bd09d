import { boardContentMaps, LOCAL_ORIGIN, type Board, type BoardId } from '@rejse/shared';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BoardBinding } from './binding.ts';
import type { BoardLink } from './boardLink.ts';
import { connectionState, type ConnectionFacts, type ConnectionState } from './connection.ts';
import { createExternalStore, type ExternalStore } from './externalStore.ts';
import { UndoHistory } from './undoHistory.ts';
import { metered } from './workMeter.ts';

export interface SessionStatus {
  connection: ConnectionState;
  /** The board has been received from the server at least once (it can be edited from now on). */
  loaded: boolean;
}

/**
 * One open board: the Y.Doc, its WebSocket provider, this person's undo history and the records the
 * UI reads (`BoardBinding`: only the records an update touched are read again, lazily, so
 * a render right after a local edit sees them). Subscribers are told once per animation
 * frame, so a burst of remote updates costs one React render.
 */
export class BoardSession {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly undoManager: Y.UndoManager;
  /** Undo and redo over the board and, in private mode, this person's drafts (`UndoHistory`). */
  readonly history: UndoHistory;
  readonly status: ExternalStore<SessionStatus>;

  private readonly binding: BoardBinding;
  private revision = 0;
  private frame = 0;
  private readonly listeners = new Set<() => void>();
  private facts: ConnectionFacts;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    readonly boardId: BoardId,
    /** The board's document and socket (`openBoardLink`), often opened before the app loaded: it may have synced already. */
    private readonly link: BoardLink,
  ) {
    this.doc = link.doc;
    this.provider = link.provider;
    this.binding = new BoardBinding(this.doc, boardId);
    const everSynced = link.everSynced();
    this.facts = { synced: link.provider.synced, everSynced, online: navigator.onLine, fatalCode: link.fatalCode() };
    this.status = createExternalStore<SessionStatus>(
      { connection: connectionState(this.facts), loaded: everSynced },
      (a, b) => a.connection === b.connection && a.loaded === b.loaded,
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
    this.history = new UndoHistory(this.undoManager);

    const onSync = (synced: boolean) => this.updateFacts({ synced, everSynced: link.everSynced() });
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') this.updateFacts({ synced: false });
    };
    // The link judges a close (and stops reconnecting); its listener ran first.
    const onClose = () => {
      const fatalCode = link.fatalCode();
      if (fatalCode !== null) this.updateFacts({ synced: false, fatalCode });
    };
    this.provider.on('sync', onSync);
    this.provider.on('status', onStatus);
    this.provider.on('connection-close', onClose);
    this.cleanups.push(() => {
      this.provider.off('sync', onSync);
      this.provider.off('status', onStatus);
      this.provider.off('connection-close', onClose);
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
    this.history.endStep();
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
    this.link.destroy();
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
