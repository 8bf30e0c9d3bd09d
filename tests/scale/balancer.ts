/**
 * A tiny TCP load balancer on loopback, standing in for nginx/Caddy in front of several
 * Rejse instances: each new connection goes to the next instance in turn, skipping one that
 * refuses; when an instance dies its connections drop, and the clients' reconnects (to the
 * same address, as in production) land on an instance that is alive. No sticky sessions.
 */
import net from 'node:net';

export interface Balancer {
  /** ws://127.0.0.1:PORT/ws — what the clients are given. */
  wsUrl: string;
  url: string;
  /** Connections made to each backend port so far. */
  connectionsTo: Map<number, number>;
  close(): Promise<void>;
}

export async function startBalancer(backendPorts: readonly number[]): Promise<Balancer> {
  let next = 0;
  const connectionsTo = new Map<number, number>(backendPorts.map((port) => [port, 0]));
  const sockets = new Set<net.Socket>();

  const connectToBackend = (client: net.Socket, attempt: number): void => {
    if (attempt >= backendPorts.length) {
      client.destroy();
      return;
    }
    const port = backendPorts[next++ % backendPorts.length]!;
    const backend = net.connect({ host: '127.0.0.1', port });
    sockets.add(backend);
    let connected = false;
    backend.once('close', () => sockets.delete(backend));
    backend.on('error', () => {
      // Refused: that instance is down; try the next one. Reset later: drop the client too.
      if (!connected) connectToBackend(client, attempt + 1);
      else client.destroy();
    });
    backend.once('connect', () => {
      connected = true;
      connectionsTo.set(port, (connectionsTo.get(port) ?? 0) + 1);
      client.pipe(backend);
      backend.pipe(client);
      client.resume();
      backend.once('close', () => client.destroy());
      client.once('close', () => backend.destroy());
    });
  };

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    connectToBackend(client, 0);
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
  return {
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    url: `http://127.0.0.1:${port}`,
    connectionsTo,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
