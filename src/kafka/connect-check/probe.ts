// Probing one bootstrap address step by step: DNS, TCP connect, TLS handshake (the CA file's trust, the
// client certificate when given), a Kafka ApiVersions exchange. The first step that fails is named.
import { lookup } from "node:dns/promises";
import { isIP, Socket } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import { apiVersionsRequest, parseApiVersionsResponse } from "./api-versions.js";

/** the probe's steps, and "credentials": the files are not the user's current ones (checked with the API) */
export type ProbeStep = "dns" | "connect" | "tls" | "kafka" | "credentials";

export type ProbeResult = { ok: true; detail: string } | { ok: false; step: ProbeStep; reason: string };

export interface ProbeTarget {
  host: string;
  port: number;
  ca: string;
  /** client certificate and key (certificate authentication) */
  cert?: string;
  key?: string;
  timeoutMs: number;
}

const fail = (step: ProbeStep, reason: string): ProbeResult => ({ ok: false, step, reason });
const errorCode = (error: unknown) => String((error as NodeJS.ErrnoException).code ?? "");

/** An error of the TLS layer: the broker's certificate refused by us, or an alert the broker sent. */
function tlsReason(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") return `the broker's certificate does not name this host (${message})`;
  if (/CERT|SIGNATURE|ISSUER/.test(code) && !code.startsWith("ERR_SSL")) return `the broker's certificate is not signed by the CA file's certificate (${code})`;
  if (/ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|CERTIFICATE_REVOKED|CERTIFICATE_EXPIRED|ACCESS_DENIED|DECRYPT_ERROR)/.test(code)) {
    return `certificate rejected by the broker (${code})`;
  }
  return code ? `${code}: ${message}` : message;
}

function connectReason(error: unknown): string {
  const code = errorCode(error);
  if (code === "ECONNREFUSED") return "connection refused: nothing listens on this port";
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return `host unreachable (${code})`;
  return code || String(error);
}

/** Resolves `host` (an IP literal as it is). */
async function resolveHost(host: string): Promise<string | ProbeResult> {
  if (isIP(host)) return host;
  try {
    return (await lookup(host)).address;
  } catch (error) {
    return fail("dns", `cannot resolve ${host} (${errorCode(error) || String(error)})`);
  }
}

function openSocket(address: string, port: number, timeoutMs: number): Promise<Socket | ProbeResult> {
  return new Promise((done) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      done(fail("connect", `timed out after ${timeoutMs / 1000} s without an answer (often an IP filter that does not admit this client)`));
    }, timeoutMs);
    socket.once("error", (error) => {
      clearTimeout(timer);
      socket.destroy();
      done(fail("connect", connectReason(error)));
    });
    socket.connect(port, address, () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      done(socket);
    });
  });
}

function handshake(socket: Socket, target: ProbeTarget): Promise<TLSSocket | ProbeResult> {
  return new Promise((done) => {
    const tls = tlsConnect({
      socket,
      ca: target.ca,
      cert: target.cert,
      key: target.key,
      servername: isIP(target.host) ? undefined : target.host,
      // hostname verification as Kafka clients do it (also for an IP address: its SAN must list it)
      host: target.host,
    });
    const timer = setTimeout(() => {
      tls.destroy();
      done(fail("tls", `no TLS handshake within ${target.timeoutMs / 1000} s (is this a TLS listener?)`));
    }, target.timeoutMs);
    tls.once("error", (error) => {
      clearTimeout(timer);
      tls.destroy();
      done(fail("tls", tlsReason(error)));
    });
    tls.once("secureConnect", () => {
      clearTimeout(timer);
      tls.removeAllListeners("error");
      done(tls);
    });
  });
}

/**
 * ApiVersions over the TLS connection. With TLS 1.3 the broker checks the client certificate after our side
 * of the handshake has completed, so its refusal arrives here, as an alert or a closed connection.
 */
function apiVersions(tls: TLSSocket, timeoutMs: number): Promise<ProbeResult> {
  const correlationId = 0x65786f; // any value: the answer must repeat it
  return new Promise((done) => {
    let received = Buffer.alloc(0);
    const finish = (result: ProbeResult) => {
      clearTimeout(timer);
      tls.removeAllListeners();
      tls.on("error", () => undefined);
      tls.destroy();
      done(result);
    };
    const timer = setTimeout(() => finish(fail("kafka", `no answer to ApiVersions within ${timeoutMs / 1000} s: not a Kafka broker?`)), timeoutMs);
    tls.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parseApiVersionsResponse(received, correlationId);
      if (answer.kind === "not-kafka") finish(fail("kafka", `not a Kafka broker: ${answer.reason}`));
      else if (answer.kind === "kafka") {
        finish(
          answer.errorCode === 0
            ? { ok: true, detail: `${tls.getProtocol() ?? "TLS"}, ApiVersions answered with ${answer.apiCount} APIs` }
            : fail("kafka", `the broker answered ApiVersions with error code ${answer.errorCode}`),
        );
      }
    });
    tls.on("error", (error) => {
      const code = errorCode(error);
      if (code.startsWith("ERR_SSL")) finish(fail("tls", tlsReason(error)));
      else if (code === "ECONNRESET") finish(fail("tls", "the broker reset the connection after the handshake: client certificate rejected?"));
      else finish(fail("kafka", code || String(error)));
    });
    tls.on("end", () => finish(fail("kafka", "the connection closed without an answer to ApiVersions: not a Kafka broker, or the client was refused")));
    tls.write(apiVersionsRequest(correlationId, "exo-dbaas-check"));
  });
}

export async function probeAddress(target: ProbeTarget): Promise<ProbeResult> {
  const address = await resolveHost(target.host);
  if (typeof address !== "string") return address;
  const socket = await openSocket(address, target.port, target.timeoutMs);
  if (!(socket instanceof Socket)) return socket;
  const tls = await handshake(socket, target);
  if ("ok" in tls) return tls;
  return apiVersions(tls, target.timeoutMs);
}
