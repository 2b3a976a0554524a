// A service's bootstrap address, as its DNS name resolving to every node is on Exoscale: a loopback TCP port that
// passes each connection, bytes untouched (TLS included), to the first node that accepts it. Clients learn every
// broker's own address from the metadata they fetch through it, so any single node may be down. While no node runs
// it does not listen, so a client is refused as it would be by every node's address.
import { connect, createServer, type Server, type Socket } from "node:net";

export interface BootstrapForwarder {
  port: number;
  /** listens on its port again (true) or stops listening, open connections left alone (false) */
  setListening(listening: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * Listens on `host`:`port` (0: any free port). `targets()` gives the ports to try for each new connection, in
 * order (the running nodes first); a connection none accepts is closed.
 */
export async function startBootstrapForwarder(host: string, port: number, targets: () => number[]): Promise<BootstrapForwarder> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  // no Nagle on either side: a TLS handshake is several small writes, each waiting for the other side's delayed ACK
  const server: Server = createServer({ pauseOnConnect: true, noDelay: true }, (client) => {
    track(client);
    client.on("error", () => undefined);
    const remaining = [...targets()];
    const tryNext = () => {
      const target = remaining.shift();
      if (target === undefined || client.destroyed) return void client.destroy();
      const upstream = connect({ host, port: target, noDelay: true });
      track(upstream);
      // refused (a node down): the next one
      upstream.once("error", tryNext);
      upstream.once("connect", () => {
        upstream.removeAllListeners("error");
        upstream.on("error", () => client.destroy());
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryNext();
  });
  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(at, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  // the port closes at once; the callback waits for the open connections, which stay
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  await listen(port);
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("could not read the bootstrap port");
  const bound = address.port;
  let closed = false;
  // changes one after the other, the last one wins
  let changes = Promise.resolve();
  return {
    port: bound,
    setListening(listening) {
      changes = changes.then(async () => {
        if (closed || listening === server.listening) return;
        if (listening) await listen(bound).catch(() => undefined);
        else void stopListening();
      });
      return changes;
    },
    close: async () => {
      closed = true;
      await changes;
      for (const socket of sockets) socket.destroy();
      await stopListening();
    },
  };
}
