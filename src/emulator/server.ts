// The HTTP request pipeline: control API, latency and faults, signature check, canned responses, routes.
import type { IncomingMessage, ServerOptions, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { STATUS_CODES } from "node:http";
import { ApiError } from "./api-error.js";
import { verifySignature, type Credentials } from "./auth.js";
import type { Core } from "./core.js";
import { ControlFieldError, type FaultController, type FaultRule } from "./faults.js";
import { isJsonObject, RequestJsonError, parseJson, stringifyJson, type Json } from "./lossless-json.js";
import { matchRoute } from "./routes.js";
import { checkRawPathSegments } from "./path-segments.js";

export interface RecordedRequest {
  method: string;
  /** path with query string */
  path: string;
  /** 0 when the connection was dropped before any response */
  status: number;
  /** ISO time the request arrived */
  time: string;
  durationMs: number;
  /** for POST/PUT/PATCH/DELETE: the JSON body with `password` fields redacted */
  body?: Json;
  fault?: FaultRule["kind"];
}

export interface CannedResponse {
  method: string;
  /** path as requested, e.g. /v2/dbaas-kafka/test-kafka (a path without /v2 gets it prepended) */
  path: string;
  status: number;
  /** sent verbatim when a string; serialized as JSON otherwise */
  body: unknown;
  headers?: Record<string, string>;
}

export interface Pipeline {
  core: Core;
  faults: FaultController;
  credentials: Credentials;
  recorded: RecordedRequest[];
  canned: Map<string, CannedResponse>;
  baseUrl: () => string;
  log: (line: string) => void;
  control: (req: IncomingMessage, path: string, body: Buffer) => Promise<{ status: number; body: unknown }>;
}

const MAX_BODY = 1024 * 1024;
const MAX_RECORDED = 5000;
export const cannedKey = (method: string, path: string) => `${method.toUpperCase()} ${path.startsWith("/v2/") || path === "/v2" ? path : `/v2${path}`}`;

function readBody(req: IncomingMessage): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on("end", () => resolve(size > MAX_BODY ? "too-large" : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function redact(value: Json): Json {
  if (Array.isArray(value)) return value.map(redact);
  if (isJsonObject(value)) {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = /password|secret|access-key/i.test(k) ? "[redacted]" : redact(v);
    return out;
  }
  return value;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const jsonReply = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: stringifyJson(body),
});

/** A request the emulator cannot make sense of (its target, for one): answered 400. */
class BadRequest extends Error {}

/** How long a client may take to send its headers, and its whole request, before it is dropped. */
export interface ServerTimeouts {
  /** default 10 s */
  headersTimeoutMs?: number;
  /** default 60 s (never less than the headers timeout) */
  requestTimeoutMs?: number;
}

/** Node server options enforcing the timeouts, checked often enough to drop slow clients on time. */
export function serverOptions(timeouts: ServerTimeouts = {}): ServerOptions {
  const headersTimeout = timeouts.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(timeouts.requestTimeoutMs ?? 60_000, headersTimeout);
  return { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))) };
}

/** "/v2/x?y" from an origin-form or absolute-form request target; BadRequest when it is not a URL. */
function targetPath(rawUrl: string): string {
  try {
    return new URL(rawUrl, "http://emulator").pathname;
  } catch {
    throw new BadRequest("malformed request target");
  }
}

/**
 * The request pipeline inside one error boundary: whatever a request holds, it gets an answer (400
 * for a malformed one, 500 for an emulator fault) or, once the answer has started, a closed
 * connection, and the emulator goes on.
 */
export function createHandler(p: Pipeline) {
  const handle = pipeline(p);
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      const bad = error instanceof BadRequest;
      if (!bad) p.log(`internal error on ${req.method} ${JSON.stringify(req.url)}: ${(error as Error)?.stack ?? error}`);
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      try {
        res.setHeader("connection", "close");
        send(res, jsonReply(bad ? 400 : 500, { message: bad ? (error as Error).message : "internal emulator error" }));
      } catch {
        res.destroy();
      }
    });
  };
}

function pipeline(p: Pipeline) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const method = (req.method ?? "GET").toUpperCase();
    const rawUrl = req.url ?? "/";
    const path = targetPath(rawUrl);
    let body: Buffer | "too-large";
    try {
      body = await readBody(req);
    } catch {
      return;
    }

    if (path.startsWith("/_emulator/")) {
      const loopback = /^(127\.|::1$|::ffff:127\.)/.test(req.socket.remoteAddress ?? "");
      const reply = !loopback
        ? { status: 403, body: { message: "the control API only answers loopback clients" } }
        : body === "too-large"
          ? { status: 413, body: { message: "request body too large" } }
          : await p.control(req, path, body).catch((e: Error) => ({ status: 400, body: e instanceof ControlFieldError ? { message: e.message, field: e.field } : { message: e.message } }));
      send(res, jsonReply(reply.status, reply.body));
      return;
    }

    const entry: RecordedRequest = { method, path: rawUrl, status: 0, time: new Date(started).toISOString(), durationMs: 0 };
    if (["POST", "PUT", "PATCH", "DELETE"].includes(method) && body !== "too-large" && body.length > 0) {
      try {
        entry.body = redact(parseJson(body.toString("utf8")));
      } catch {
        entry.body = `<${body.length} bytes, not JSON>`;
      }
    }
    p.recorded.push(entry);
    if (p.recorded.length > MAX_RECORDED) p.recorded.splice(0, p.recorded.length - MAX_RECORDED);
    const finish = (status: number) => {
      entry.status = status;
      entry.durationMs = Date.now() - started;
      p.log(`${method} ${rawUrl} ${status || "dropped"} ${entry.durationMs}ms${entry.fault ? ` (fault: ${entry.fault})` : ""}`);
    };

    if (p.faults.latencyMs > 0) await sleep(p.faults.latencyMs);
    const fault = p.faults.take(method, path);
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === "status") {
      const status = fault.status!;
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
      const reply = fault.body !== undefined
        ? { status, headers: { "content-type": "application/json", ...headers }, body: fault.body }
        : jsonReply(status, { message: STATUS_CODES[status] ?? `HTTP ${status}` }, headers);
      send(res, reply);
      finish(status);
      return;
    }
    if (fault?.kind === "drop" && fault.when !== "after") {
      req.socket.destroy();
      finish(0);
      return;
    }
    if (fault?.kind === "slow") await sleep(fault.delayMs ?? 2000);

    const reply = await respond(p, method, rawUrl, path, body, req);
    if (fault?.kind === "drop") {
      req.socket.destroy();
      finish(0);
      return;
    }
    if (fault?.kind === "content-type") reply.headers["content-type"] = fault.contentType ?? "text/html; charset=utf-8";
    if (fault?.kind === "truncate" && fault.complete) {
      send(res, { ...reply, body: reply.body.slice(0, Math.floor(reply.body.length / 2)) });
      finish(reply.status);
      return;
    }
    if (fault?.kind === "truncate") {
      const bytes = Buffer.from(reply.body);
      res.writeHead(reply.status, { ...reply.headers, "content-length": String(bytes.length + 64) });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      // give the partial body a chance to leave before the connection is cut
      setTimeout(() => res.destroy(), 20);
      finish(reply.status);
      return;
    }
    send(res, reply);
    finish(reply.status);
  };
}

async function respond(p: Pipeline, method: string, rawUrl: string, path: string, body: Buffer | "too-large", req: IncomingMessage): Promise<Reply> {
  try {
    if (body === "too-large") throw new ApiError(413, "request body too large");
    checkRawPathSegments(rawUrl);
    if (!path.startsWith("/v2/")) throw new ApiError(404, "resource not found");
    const apiPath = path.slice(3);
    const unsigned = method === "GET" && apiPath === "/zone";
    if (!unsigned) {
      verifySignature({ method, url: rawUrl, authorization: req.headers.authorization, body }, p.credentials);
    }
    const canned = p.canned.get(cannedKey(method, path));
    if (canned) {
      const text = typeof canned.body === "string" ? canned.body : stringifyJson(canned.body);
      return { status: canned.status, headers: { "content-type": "application/json", ...canned.headers }, body: text };
    }
    const match = matchRoute(method, apiPath);
    if (match === undefined) throw new ApiError(404, "resource not found");
    if (match === "method-not-allowed") throw new ApiError(405, `method ${method} not allowed on ${apiPath}`);
    let parsed: Json | undefined;
    if (body.length > 0) {
      try {
        parsed = parseJson(body.toString("utf8"));
      } catch (e) {
        throw new ApiError(400, `invalid JSON body: ${e instanceof RequestJsonError ? e.message : String(e)}`);
      }
    }
    const result = await match.route.handle({ core: p.core, params: match.params, body: parsed, headers: req.headers, baseUrl: p.baseUrl() });
    return jsonReply(200, result);
  } catch (e) {
    if (e instanceof ApiError) return jsonReply(e.status, { message: e.message }, e.headers);
    if (e instanceof URIError) return jsonReply(400, { message: "malformed percent-encoding in the path" });
    p.log(`internal error on ${method} ${path}: ${(e as Error).stack ?? e}`);
    return jsonReply(500, { message: "internal emulator error" });
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const bytes = Buffer.from(reply.body);
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(bytes.length) });
  res.end(bytes);
}
