// The bootstrap port of a cluster, checked with plain loopback TCP servers standing in for brokers: each connection
// reaches the first node that accepts it, bytes both ways untouched; none accepting closes it; told that no node
// runs, it stops listening.
import { connect, createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBootstrapForwarder, type BootstrapForwarder } from "../../src/emulator/broker/bootstrap-forwarder.js";
import { closedPort } from "../helpers/loopback-server.js";

/** A node that answers every chunk with its name and the chunk. */
async function node(name: string): Promise<{ port: number; server: Server }> {
  const server = createServer((socket) => socket.on("data", (chunk) => socket.write(Buffer.concat([Buffer.from(`${name}:`), chunk]))));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as { port: number }).port, server };
}

/** Sends `text` through the port; resolves with what came back before the connection closed or 1 s passed. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
      socket.end();
    });
    socket.on("error", () => undefined);
    socket.on("close", () => resolve(answer));
    socket.write(text);
    setTimeout(() => socket.destroy(), 1000);
  });
}

describe("bootstrap forwarder", () => {
  let second: { port: number; server: Server };
  let third: { port: number; server: Server };
  let down: number;
  let targets: number[];
  let forwarder: BootstrapForwarder;

  beforeAll(async () => {
    second = await node("node-2");
    third = await node("node-3");
    down = await closedPort();
    forwarder = await startBootstrapForwarder("127.0.0.1", 0, () => targets);
  });
  afterAll(async () => {
    await forwarder.close();
    second.server.close();
    third.server.close();
  });

  it("passes a connection to the first node that accepts it: node 1 down, node 2 answers", async () => {
    targets = [down, second.port, third.port];
    expect(await exchange(forwarder.port, "hello")).toBe("node-2:hello");
  });

  it("asks for the targets on every connection", async () => {
    targets = [third.port, second.port];
    expect(await exchange(forwarder.port, "\u0000\u00ffbinary")).toBe("node-3:\u0000\u00ffbinary");
  });

  it("closes a connection no node accepts, and keeps serving", async () => {
    targets = [down];
    expect(await exchange(forwarder.port, "anyone?")).toBe("");
    targets = [second.port];
    expect(await exchange(forwarder.port, "again")).toBe("node-2:again");
  });

  it("while no node runs it does not listen: a client is refused, as by every node's own address; then it listens on the same port again", async () => {
    targets = [second.port];
    await forwarder.setListening(false);
    const refused = await new Promise<string>((done) =>
      connect({ host: "127.0.0.1", port: forwarder.port }).once("connect", () => done("connected")).once("error", (e: NodeJS.ErrnoException) => done(e.code ?? "error")),
    );
    expect(refused).toBe("ECONNREFUSED");
    await forwarder.setListening(true);
    expect(await exchange(forwarder.port, "back")).toBe("node-2:back");
  });

  it("close() stops listening and drops open connections", async () => {
    const own = await startBootstrapForwarder("127.0.0.1", 0, () => [second.port]);
    const socket = connect({ host: "127.0.0.1", port: own.port });
    await new Promise((resolve) => socket.once("connect", resolve));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.on("error", () => undefined);
    await own.close();
    await closed;
    expect(await exchange(own.port, "x")).toBe("");
  });
});
