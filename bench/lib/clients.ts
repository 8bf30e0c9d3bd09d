import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PROTOCOL_VERSION } from '@rejse/shared';
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

/**
 * Clients share a source address at most this many at a time (127.0.0.1, 127.0.0.2, … — all
 * loopback). A thousand people are not one office: Rejse refuses more than 500 connections
 * from one address (SERVER_LIMITS.connectionsPerIp), the peers have no such limit, and every
 * server sees the same spread.
 */
const CLIENTS_PER_ADDRESS = 250;

export function sourceAddress(clientIndex: number): string {
  return `127.0.0.${1 + Math.floor(clientIndex / CLIENTS_PER_ADDRESS)}`;
}

const polyfills = new Map<string, typeof globalThis.WebSocket>();

/** A room to join: its name (Rejse: the board id) and, for Rejse, the secret-link token. */
export interface BenchRoom {
  name: string;
  token?: string;
}

/** `ws` in place of the browser WebSocket, bound to a loopback source address; both providers accept a constructor. */
function webSocketFrom(localAddress: string): typeof globalThis.WebSocket {
  let polyfill = polyfills.get(localAddress);
  if (!polyfill) {
    class BoundWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { localAddress });
      }
    }
    polyfill = BoundWebSocket as unknown as typeof globalThis.WebSocket;
    polyfills.set(localAddress, polyfill);
  }
  return polyfill;
}

/** Every client not yet destroyed, so a failed scenario leaves no provider reconnecting behind. */
const open = new Set<BenchClient>();

export function destroyOpenClients(): number {
  const count = open.size;
  for (const client of [...open]) client.destroy();
  return count;
}

function track(client: BenchClient): BenchClient {
  const tracked: BenchClient = {
    doc: client.doc,
    synced: client.synced,
    destroy() {
      if (!open.delete(tracked)) return;
      client.destroy();
    },
  };
  open.add(tracked);
  return tracked;
}

export interface ConnectOptions {
  timeoutMs?: number;
  localAddress?: string;
}

export function connectClient(server: RunningServer, target: BenchRoom, options: ConnectOptions = {}): BenchClient {
  const room = target.name;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const WebSocketPolyfill = webSocketFrom(options.localAddress ?? '127.0.0.1');
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
  // A server that died will not answer: fail now rather than at the timeout.
  void server.exited.then((how) => rejectSynced(new Error(`${server.kind} ${how} while a client was syncing`)));
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
    return track({
      doc,
      synced,
      destroy() {
        clearTimeout(timer);
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    });
  }

  const provider = new WebsocketProvider(server.wsUrl, room, doc, {
    WebSocketPolyfill,
    disableBc: true,
    // Rejse's own client announces its protocol version the same way.
    ...(server.kind === 'rejse' ? { params: { v: String(PROTOCOL_VERSION), ...(target.token ? { token: target.token } : {}) } } : {}),
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
  return track({
    doc,
    synced,
    destroy() {
      clearTimeout(timer);
      provider.destroy();
      doc.destroy();
    },
  });
}

/** Connects clients in waves so a thousand handshakes do not all land in one tick. */
export async function connectMany(
  server: RunningServer,
  rooms: readonly BenchRoom[],
  perRoom: number,
  wave = 50,
): Promise<BenchClient[][]> {
  const byRoom: BenchClient[][] = rooms.map(() => []);
  const pending: { room: number; address: string }[] = [];
  // Room-major, so the clients of one room mostly share an address, like people in one office.
  for (let r = 0; r < rooms.length; r++) {
    for (let c = 0; c < perRoom; c++) pending.push({ room: r, address: sourceAddress(pending.length) });
  }
  for (let i = 0; i < pending.length; i += wave) {
    const slice = pending.slice(i, i + wave);
    const clients = slice.map(({ room, address }) => {
      const client = connectClient(server, rooms[room] as BenchRoom, { localAddress: address });
      (byRoom[room] as BenchClient[]).push(client);
      return client;
    });
    await Promise.all(clients.map((client) => client.synced));
  }
  return byRoom;
}
