// The address probe against loopback servers that are not Kafka brokers: each failure names its step.
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiVersionsRequest, parseApiVersionsResponse } from "../../../src/kafka/connect-check/api-versions.js";
import { probeAddress } from "../../../src/kafka/connect-check/probe.js";
import { issueServerCertificate } from "../../../src/emulator/broker/server-cert.js";
import { createCa } from "../../broker/pki.js";

const servers: Server[] = [];
const connections: Socket[] = [];
const listen = async (server: Server) => {
  servers.push(server);
  server.on("connection", (socket: Socket) => connections.push(socket));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return (server.address() as AddressInfo).port;
};
let caPem: string;
let otherCaPem: string;
let serverTls: { certPem: string; keyPem: string };

beforeAll(async () => {
  const ca = await createCa("probe test CA");
  caPem = ca.certPem;
  otherCaPem = (await createCa("another CA")).certPem;
  serverTls = await issueServerCertificate(ca.certPem, ca.keyPem, { dns: ["localhost"], ips: ["127.0.0.1"] });
});
afterAll(async () => {
  for (const socket of connections) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
});

/** a TLS server on 127.0.0.1 that answers every connection with `answer` */
const tlsServer = (answer: (data: Buffer) => Buffer | null) =>
  listen(
    createTlsServer({ cert: serverTls.certPem, key: serverTls.keyPem }, (socket) => {
      socket.on("data", (data) => {
        const reply = answer(data);
        if (reply) socket.end(reply);
      });
      socket.on("error", () => undefined);
    }),
  );

describe("probeAddress", () => {
  it("is ok when the answer repeats the correlation id, and reads the API count", async () => {
    const port = await tlsServer((request) => {
      const answer = Buffer.alloc(4 + 10);
      answer.writeInt32BE(10);
      answer.writeInt32BE(request.readInt32BE(8), 4); // the request's correlation id
      answer.writeInt32BE(0, 10);
      return answer;
    });
    expect(await probeAddress({ host: "127.0.0.1", port, ca: caPem, timeoutMs: 3000 })).toEqual({ ok: true, detail: expect.stringMatching(/ApiVersions answered with 0 APIs$/) });
  });

  it("names the kafka step when a TLS server answers HTTP", async () => {
    const port = await tlsServer(() => Buffer.from("HTTP/1.1 400 Bad Request\r\n\r\n"));
    expect(await probeAddress({ host: "127.0.0.1", port, ca: caPem, timeoutMs: 3000 })).toEqual({ ok: false, step: "kafka", reason: "not a Kafka broker: the answer is not a Kafka response" });
  });

  it("names the tls step when the server's certificate is from another CA, or when the server never speaks TLS", async () => {
    const port = await tlsServer(() => null);
    expect(await probeAddress({ host: "127.0.0.1", port, ca: otherCaPem, timeoutMs: 3000 })).toMatchObject({ ok: false, step: "tls", reason: expect.stringContaining("not signed by the CA") });
    const silent = await listen(createTcpServer(() => undefined));
    expect(await probeAddress({ host: "127.0.0.1", port: silent, ca: caPem, timeoutMs: 300 })).toMatchObject({ ok: false, step: "tls", reason: expect.stringContaining("no TLS handshake within 0.3 s") });
  });

  it("names the connect step when nothing listens, and the dns step for a name that does not resolve", async () => {
    const port = await listen(createTcpServer());
    await new Promise((done) => servers.pop()!.close(done));
    expect(await probeAddress({ host: "127.0.0.1", port, ca: caPem, timeoutMs: 3000 })).toMatchObject({ ok: false, step: "connect", reason: expect.stringContaining("connection refused") });
    expect(await probeAddress({ host: "no-such-host.invalid", port: 9, ca: caPem, timeoutMs: 3000 })).toMatchObject({ ok: false, step: "dns" });
  });
});

describe("ApiVersions v0 framing", () => {
  it("sends size, api key 18, version 0, the correlation id and the client id", () => {
    expect(apiVersionsRequest(7, "ab").toString("hex")).toBe("0000000c" + "0012" + "0000" + "00000007" + "0002" + "6162");
  });

  it("waits for the whole answer and refuses a wrong correlation id or an absurd size", () => {
    const answer = Buffer.from("0000000a" + "00000007" + "0000" + "00000003", "hex");
    expect(parseApiVersionsResponse(answer.subarray(0, 9), 7)).toEqual({ kind: "incomplete" });
    expect(parseApiVersionsResponse(answer, 7)).toEqual({ kind: "kafka", errorCode: 0, apiCount: 3 });
    expect(parseApiVersionsResponse(answer, 8)).toMatchObject({ kind: "not-kafka" });
    expect(parseApiVersionsResponse(Buffer.from("HTTP/1.1 400"), 7)).toMatchObject({ kind: "not-kafka" });
  });
});
