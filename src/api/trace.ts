// EXOSCALE_TRACE output: each request and response dumped to stderr, with secrets removed.
import { parse, stringify } from "./json.js";

export const REDACTED = "[REDACTED]";

// basic-auth-password, datadog-api-key and key: secrets of external endpoints (Prometheus, Datadog, rsyslog)
const SECRET_KEYS = new Set(["password", "access-key", "access_key", "secret", "api-secret", "private-key", "basic-auth-password", "datadog-api-key", "key"]);
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
// user:password@ in URIs such as a service's `uri`
const URI_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s@"]+@/gi;
const JSON_SECRET_MEMBER = /("(?:password|access-key|access_key|secret|basic-auth-password|datadog-api-key|key)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "x-auth-token"]);

/** Removes secrets from a string: private keys, URI passwords, and any literal secret given. */
export function redactText(text: string, literals: readonly string[] = []): string {
  let out = text.replace(PEM_PRIVATE_KEY, REDACTED).replace(URI_PASSWORD, `$1${REDACTED}@`).replace(JSON_SECRET_MEMBER, `$1"${REDACTED}"`);
  for (const literal of literals) {
    if (literal.length >= 4) out = out.split(literal).join(REDACTED);
  }
  return out;
}

/** Redacts a JSON body member by member when it parses, as text otherwise. */
export function redactBody(body: string, literals: readonly string[] = []): string {
  if (body === "") return body;
  try {
    return redactText(stringify(redactValue(parse(body))), literals);
  } catch {
    return redactText(body, literals);
  }
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: SECRET_KEYS.has(k.toLowerCase()) && v !== null && v !== "" ? REDACTED : redactValue(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

export interface TraceRequest {
  operationId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface TraceResponse {
  status: number;
  statusText: string;
  headers: Iterable<[string, string]>;
  body: string;
}

function formatHeaders(headers: Iterable<[string, string]>, literals: readonly string[]): string {
  let out = "";
  for (const [name, value] of headers) {
    out += `${name}: ${SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(value, literals)}\n`;
  }
  return out;
}

export function formatTraceRequest(req: TraceRequest, literals: readonly string[]): string {
  const url = new URL(req.url);
  return (
    `>>> Operation: ${req.operationId}\n` +
    `${req.method} ${url.pathname}${url.search} HTTP/1.1\nHost: ${url.host}\n` +
    formatHeaders(Object.entries(req.headers), literals) +
    "\n" +
    (req.body === "" ? "" : redactBody(req.body, literals) + "\n")
  );
}

export function formatTraceResponse(res: TraceResponse, literals: readonly string[]): string {
  return (
    `<<< HTTP/1.1 ${res.status} ${res.statusText}\n` +
    formatHeaders(res.headers, literals) +
    "\n" +
    (res.body === "" ? "" : redactBody(res.body, literals) + "\n") +
    "-".repeat(70) +
    "\n"
  );
}
