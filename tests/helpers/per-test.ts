/**
 * What one test starts — server processes and stock y-websocket clients — stopped after it:
 * clients first, then servers newest first (a restarted server shares its predecessor's data
 * directory, which the predecessor removes when it stops). Call once at a test file's top level.
 */
import { afterEach } from 'vitest';
import {
  connectClient,
  startServer,
  type ConnectClientOptions,
  type ConnectedClient,
  type RunningServer,
  type StartServerOptions,
} from './server.ts';

export function stoppedAfterEach() {
  const clients: ConnectedClient[] = [];
  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0).reverse()) await server.stop();
  });
  return {
    /** Clients destroyed after the test: push the ones connected some other way. */
    clients,
    /** Servers stopped after the test: push the ones started some other way. */
    servers,
    async start(opts?: StartServerOptions): Promise<RunningServer> {
      const server = await startServer(opts);
      servers.push(server);
      return server;
    },
    connect(server: Pick<RunningServer, 'wsUrl'>, boardId: string, opts?: ConnectClientOptions): ConnectedClient {
      const client = connectClient(server, boardId, opts);
      clients.push(client);
      return client;
    },
  };
}
