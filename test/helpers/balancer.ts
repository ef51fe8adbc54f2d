/**
 * A plain round-robin TCP load balancer on 127.0.0.1, as an operator would
 * put in front of the relays (docs/scale-out.md has nginx's equivalent):
 * each new connection goes to the next relay in turn, skipping one that
 * refuses the connection (a killed relay), and bytes are piped both ways.
 * It knows nothing of WebSockets or boards.
 */
import net from 'node:net';

export interface Balancer {
  port: number;
  syncUrl: string;
  /** Replaces the list of backend ports (a relay replaced after a kill). */
  setBackends(ports: number[]): void;
  close(): Promise<void>;
}

export async function startBalancer(ports: number[]): Promise<Balancer> {
  let backends = [...ports];
  let next = 0;
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    track(client);
    client.pause();
    const tryBackend = (tries: number) => {
      if (tries >= backends.length || client.destroyed) return client.destroy();
      const port = backends[next++ % backends.length]!;
      const upstream = net.connect(port, '127.0.0.1');
      track(upstream);
      upstream.once('connect', () => {
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.resume();
      });
      upstream.once('error', (error: NodeJS.ErrnoException) => {
        if (upstream.connecting || error.code === 'ECONNREFUSED') tryBackend(tries + 1);
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    setBackends: (list) => void (backends = [...list]),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
