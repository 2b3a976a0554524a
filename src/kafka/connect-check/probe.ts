// Probing one bootstrap address step by step: DNS, TCP connect, TLS handshake (the CA file's trust, the
// client certificate when given), a Kafka ApiVersions exchange, and for SASL a SCRAM-SHA-256 login. The first
// step that fails is named.
import { lookup } from "node:dns/promises";
import { isIP, Socket } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import {
  apiVersionsRequest,
  BodyReader,
  kafkaBytes,
  kafkaRequest,
  kafkaString,
  parseApiVersionsBody,
  parseResponseFrame,
  SASL_AUTHENTICATE,
  SASL_HANDSHAKE,
} from "./api-versions.js";
import { ScramClient, ScramError } from "./scram.js";

const SCRAM_SHA_256 = "SCRAM-SHA-256";

/** the probe's steps, and "credentials": the files are not the user's current ones (checked with the API) */
export type ProbeStep = "dns" | "connect" | "tls" | "kafka" | "sasl" | "credentials";

export type ProbeResult = { ok: true; detail: string } | { ok: false; step: ProbeStep; reason: string };

export interface ProbeTarget {
  host: string;
  port: number;
  ca: string;
  /** client certificate and key (certificate authentication) */
  cert?: string;
  key?: string;
  /** SCRAM-SHA-256 login after ApiVersions (SASL authentication) */
  sasl?: { username: string; password: string };
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

/** Failure of the connection after the handshake, named by the step the probe is in. */
function connectionFailure(error: unknown, step: ProbeStep): ProbeResult {
  const code = errorCode(error);
  if (code.startsWith("ERR_SSL")) return fail("tls", tlsReason(error));
  if (code === "ECONNRESET") return fail("tls", "the broker reset the connection after the handshake: client certificate rejected?");
  return fail(step, code || String(error));
}

/**
 * Request and response over the TLS connection, one at a time. With TLS 1.3 the broker checks the client
 * certificate after our side of the handshake has completed, so its refusal arrives here, as an alert or a
 * closed connection.
 */
class KafkaExchange {
  private received = Buffer.alloc(0);
  private pending?: { correlationId: number; step: ProbeStep; done: (answer: Buffer | ProbeResult) => void };
  private closed?: (step: ProbeStep) => ProbeResult;
  private nextId = 0x65786f; // any value: each answer must repeat its request's

  constructor(
    private readonly tls: TLSSocket,
    private readonly timeoutMs: number,
  ) {
    tls.on("data", (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.deliver();
    });
    tls.on("error", (error) => this.close((step) => connectionFailure(error, step)));
    tls.on("end", () =>
      this.close((step) => fail(step, step === "kafka" ? "the connection closed without an answer to ApiVersions: not a Kafka broker, or the client was refused" : "the broker closed the connection")),
    );
  }

  private close(reason: (step: ProbeStep) => ProbeResult): void {
    this.closed ??= reason;
    this.deliver();
  }

  private deliver(): void {
    const pending = this.pending;
    if (!pending) return;
    const frame = parseResponseFrame(this.received, pending.correlationId);
    if (frame.kind === "frame") {
      this.received = Buffer.from(frame.rest);
      this.pending = undefined;
      pending.done(frame.body);
    } else if (frame.kind === "not-kafka") {
      this.pending = undefined;
      pending.done(fail("kafka", `not a Kafka broker: ${frame.reason}`));
    } else if (this.closed) {
      this.pending = undefined;
      pending.done(this.closed(pending.step));
    }
  }

  /** The response body (after the correlation id), or the failure of `step`. */
  send(step: ProbeStep, what: string, request: (correlationId: number) => Buffer): Promise<Buffer | ProbeResult> {
    const correlationId = this.nextId++;
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        done(fail(step, `no answer to ${what} within ${this.timeoutMs / 1000} s${step === "kafka" ? ": not a Kafka broker?" : ""}`));
      }, this.timeoutMs);
      this.pending = {
        correlationId,
        step,
        done: (answer) => {
          clearTimeout(timer);
          done(answer);
        },
      };
      this.tls.write(request(correlationId));
      this.deliver();
    });
  }

  end(): void {
    this.tls.removeAllListeners();
    this.tls.on("error", () => undefined);
    this.tls.destroy();
  }
}

const CLIENT_ID = "exo-dbaas-check";

async function apiVersions(exchange: KafkaExchange, protocol: string): Promise<ProbeResult> {
  const body = await exchange.send("kafka", "ApiVersions", (id) => apiVersionsRequest(id, CLIENT_ID));
  if (!Buffer.isBuffer(body)) return body;
  const answer = parseApiVersionsBody(body);
  if (answer.kind !== "kafka") return fail("kafka", `not a Kafka broker: ${answer.kind === "not-kafka" ? answer.reason : "incomplete answer"}`);
  if (answer.errorCode !== 0) return fail("kafka", `the broker answered ApiVersions with error code ${answer.errorCode}`);
  return { ok: true, detail: `${protocol}, ApiVersions answered with ${answer.apiCount} APIs` };
}

/** SaslHandshake for SCRAM-SHA-256, then the two SaslAuthenticate rounds of SCRAM. */
async function scramLogin(exchange: KafkaExchange, username: string, password: string): Promise<ProbeResult | undefined> {
  try {
    const handshake = await exchange.send("sasl", "SaslHandshake", (id) => kafkaRequest(SASL_HANDSHAKE, 1, id, CLIENT_ID, kafkaString(SCRAM_SHA_256)));
    if (!Buffer.isBuffer(handshake)) return handshake;
    const reader = new BodyReader(handshake);
    const handshakeError = reader.int16();
    if (handshakeError !== 0) return fail("sasl", `the broker does not offer ${SCRAM_SHA_256} (SaslHandshake error code ${handshakeError})`);

    const scram = new ScramClient(username, password);
    const authenticate = async (message: string): Promise<string | ProbeResult> => {
      const body = await exchange.send("sasl", "SaslAuthenticate", (id) => kafkaRequest(SASL_AUTHENTICATE, 1, id, CLIENT_ID, kafkaBytes(Buffer.from(message))));
      if (!Buffer.isBuffer(body)) return body;
      const answer = new BodyReader(body);
      const code = answer.int16();
      const errorMessage = answer.string();
      if (code !== 0) return fail("sasl", `the broker refused user ${JSON.stringify(username)}'s password (${errorMessage ?? `error code ${code}`})`);
      return answer.bytes().toString("utf8");
    };
    const serverFirst = await authenticate(scram.first());
    if (typeof serverFirst !== "string") return serverFirst;
    const serverFinal = await authenticate(scram.final(serverFirst));
    if (typeof serverFinal !== "string") return serverFinal;
    if (!scram.verify(serverFinal)) return fail("sasl", "the broker's SCRAM answer does not prove it knows the password");
    return undefined;
  } catch (error) {
    if (error instanceof ScramError || error instanceof RangeError) return fail("sasl", `unexpected SCRAM answer: ${error.message}`);
    throw error;
  }
}

export async function probeAddress(target: ProbeTarget): Promise<ProbeResult> {
  const address = await resolveHost(target.host);
  if (typeof address !== "string") return address;
  const socket = await openSocket(address, target.port, target.timeoutMs);
  if (!(socket instanceof Socket)) return socket;
  const tls = await handshake(socket, target);
  if ("ok" in tls) return tls;
  const exchange = new KafkaExchange(tls, target.timeoutMs);
  try {
    const result = await apiVersions(exchange, tls.getProtocol() ?? "TLS");
    if (!result.ok || !target.sasl) return result;
    const refused = await scramLogin(exchange, target.sasl.username, target.sasl.password);
    return refused ?? { ok: true, detail: `${result.detail}, ${SCRAM_SHA_256} login accepted` };
  } finally {
    exchange.end();
  }
}
