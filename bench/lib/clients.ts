import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RunningServer } from './servers.ts';

/**
 * One headless client: a real Y.Doc synced through the provider a browser would use —
 * y-websocket's WebsocketProvider for Rejse and the stock y-websocket server, the Hocuspocus
 * provider for Hocuspocus (its frames carry the document name, so the stock provider cannot
 * talk to it).
 */
export interface BenchClient {
  readonly doc: Y.Doc;
  /** Resolves on the provider's first "synced" event. */
  readonly synced: Promise<void>;
  /** Closes the socket and frees the document. */
  destroy(): void;
}

/** `ws` in place of the browser WebSocket; both providers accept a constructor. */
const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;

export function connectClient(server: RunningServer, room: string, timeoutMs = 30_000): BenchClient {
  const doc = new Y.Doc();
  let resolveSynced: () => void = () => {};
  let rejectSynced: (error: Error) => void = () => {};
  const synced = new Promise<void>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });
  const timer = setTimeout(
    () => rejectSynced(new Error(`${server.kind}: client for room ${room} not synced within ${timeoutMs} ms`)),
    timeoutMs,
  );
  const done = () => {
    clearTimeout(timer);
    resolveSynced();
  };
  // A failed sync should surface as the scenario's error, not as an unhandled rejection.
  synced.catch(() => {});

  if (server.kind === 'hocuspocus') {
    // One socket per client: each client is a separate user, not tabs sharing a connection.
    const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: room,
      document: doc,
      onSynced: ({ state }) => {
        if (state) done();
      },
    });
    // A provider given its socket attaches only when told to.
    provider.attach();
    return {
      doc,
      synced,
      destroy() {
        clearTimeout(timer);
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    };
  }

  const provider = new WebsocketProvider(server.wsUrl, room, doc, {
    WebSocketPolyfill,
    disableBc: true,
  });
  const onSync = (isSynced: boolean) => {
    if (isSynced) done();
  };
  provider.on('sync', onSync);
  provider.on('connection-close', (event) => {
    const code = (event as { code?: number } | null)?.code;
    // Application close codes (4xxx) mean the server refused us; say so instead of timing out.
    if (code !== undefined && code >= 4000) {
      rejectSynced(new Error(`${server.kind}: room ${room} closed with ${code}`));
    }
  });
  return {
    doc,
    synced,
    destroy() {
      clearTimeout(timer);
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Connects clients in waves so a thousand handshakes do not all land in one tick. */
export async function connectMany(
  server: RunningServer,
  rooms: readonly string[],
  perRoom: number,
  wave = 50,
): Promise<BenchClient[][]> {
  const byRoom: BenchClient[][] = rooms.map(() => []);
  const pending: { room: number }[] = [];
  for (let c = 0; c < perRoom; c++) for (let r = 0; r < rooms.length; r++) pending.push({ room: r });
  for (let i = 0; i < pending.length; i += wave) {
    const slice = pending.slice(i, i + wave);
    const clients = slice.map(({ room }) => {
      const client = connectClient(server, rooms[room] as string);
      (byRoom[room] as BenchClient[]).push(client);
      return client;
    });
    await Promise.all(clients.map((client) => client.synced));
  }
  return byRoom;
}
