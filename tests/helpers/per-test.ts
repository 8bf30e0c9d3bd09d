/**
 * What one test starts — server processes and stock y-websocket clients — stopped after it:
 * clients first, then servers newest first (a restarted server shares its predecessor's data
 * directory, which the predecessor removes when it stops). Call once at a test file's top level.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
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

/**
 * One server process for a whole test file: started before its first test, stopped after its
 * last. The returned server answers for the started one (reading it outside the tests throws).
 */
export function serverForFile(opts?: StartServerOptions): RunningServer {
  let started: RunningServer | undefined;
  beforeAll(async () => {
    started = await startServer(opts);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const running = (): RunningServer => {
    if (!started) throw new Error('the file’s server is only there while its tests run');
    return started;
  };
  return {
    get url() {
      return running().url;
    },
    get wsUrl() {
      return running().wsUrl;
    },
    get port() {
      return running().port;
    },
    get dataDir() {
      return running().dataDir;
    },
    get pid() {
      return running().pid;
    },
    kill: (signal) => running().kill(signal),
    stop: () => running().stop(),
    output: () => running().output(),
    exitCode: () => running().exitCode(),
  };
}
