// EXOSCALE_TRACE output: each request and response dumped to stderr, with secrets removed.
import { parse, stringify } from "./json.js";

export const REDACTED = "[REDACTED]";

// basic-auth-password, datadog-api-key and key: secrets of external endpoints (Prometheus, Datadog, rsyslog)
const SECRET_KEYS = new Set(["password", "access-key", "access_key", "secret", "api-secret", "private-key", "basic-auth-password", "datadog-api-key", "key"]);
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
// the userinfo of a URI (`scheme://user:password@`): up to the authority's last `@`, so a password
// holding `@`, `:` or percent-encoding goes as a whole. The scheme starts where a word does: a
// long run of letters is then scanned once, not once from each of its letters.
const URI_USERINFO = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"]*)@/gi;
const JSON_SECRET_MEMBER = /("(?:password|access-key|access_key|secret|basic-auth-password|datadog-api-key|key)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "x-auth-token"]);
/** Shorter literals are not searched for: they would hide ordinary words. */
const MIN_LITERAL = 4;

/** `user:[REDACTED]@`, or `[REDACTED]@` for a userinfo that is a single token. */
function redactUserinfo(_match: string, scheme: string, userinfo: string): string {
  const colon = userinfo.indexOf(":");
  return `${scheme}${colon < 0 ? "" : `${userinfo.slice(0, colon + 1)}`}${REDACTED}@`;
}

/** Removes secrets from a string: private keys, URI userinfo passwords, and any literal secret given. */
export function redactText(text: string, literals: Iterable<string> = []): string {
  let out = text.replace(PEM_PRIVATE_KEY, REDACTED).replace(URI_USERINFO, redactUserinfo).replace(JSON_SECRET_MEMBER, `$1"${REDACTED}"`);
  for (const literal of literals) {
    if (literal.length >= MIN_LITERAL) out = out.split(literal).join(REDACTED);
  }
  return out;
}

/** Redacts a JSON body member by member when it parses, as text otherwise. */
export function redactBody(body: string, literals: readonly string[] = []): string {
  if (body === "") return body;
  try {
    return redactText(stringify(redactValue(parse(body), literals)), literals);
  } catch {
    return redactText(body, literals);
  }
}

/**
 * Adds to `into` the secrets in a request or response body: the values of secret members, and the
 * passwords of URIs, each also as JSON and URL encoding would show it.
 */
export function collectSecrets(value: unknown, into: Set<string>): void {
  const add = (secret: string) => {
    for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) if (form.length >= MIN_LITERAL) into.add(form);
  };
  if (typeof value === "string") {
    for (const [, , userinfo] of value.matchAll(URI_USERINFO)) {
      const password = userinfo!.slice(userinfo!.indexOf(":") + 1);
      add(password);
      try {
        add(decodeURIComponent(password));
      } catch {
        // not percent-encoded
      }
    }
  } else if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, into);
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEYS.has(k.toLowerCase()) && typeof v === "string" && v !== "") {
        add(v);
        // a private key also by its lines, as an error may quote one
        for (const line of v.split("\n")) if (line.length >= 32 && !line.startsWith("-----")) into.add(line);
      } else collectSecrets(v, into);
    }
  }
}

function redactValue(value: unknown, literals: readonly string[]): unknown {
  if (typeof value === "string") return redactText(value, literals);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, literals));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: SECRET_KEYS.has(k.toLowerCase()) && v !== null && v !== "" ? REDACTED : redactValue(v, literals),
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
