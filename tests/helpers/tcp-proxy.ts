import net from 'node:net';

/**
 * A TCP proxy in front of the test PostgreSQL that can cut the line: what a database outage
 * looks like from the server (connections reset, new ones refused), with a real PostgreSQL behind.
 */
export interface TcpProxy {
  port: number;
  /** Resets every open connection and refuses new ones until `restore`. */
  cut(): void;
  /**
   * What a crashed host looks like to connections that sit idle: nothing, until one sends, and
   * then it is reset; new connections are refused. Until `restore`.
   */
  sever(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let down = false;
  let severed = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      // Before the pipes' own listeners: a severed line carries nothing more.
      socket.on('data', () => {
        if (!severed) return;
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      });
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      down = true;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    sever() {
      down = true;
      severed = true;
    },
    restore() {
      down = false;
      severed = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
