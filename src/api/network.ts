// Turns fetch's opaque "fetch failed" into a NetworkError that says what went wrong.
import { NetworkError, type NetworkErrorKind } from "./errors.js";

const KIND_BY_CODE: Record<string, NetworkErrorKind> = {
  ECONNREFUSED: "refused",
  ECONNRESET: "reset",
  EPIPE: "reset",
  UND_ERR_SOCKET: "reset",
  UND_ERR_CLOSED: "reset",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  EAI_FAIL: "dns",
};

const DESCRIPTION: Record<NetworkErrorKind, string> = {
  refused: "connection refused",
  reset: "connection reset by the server",
  dns: "host name could not be resolved",
  tls: "TLS handshake failed",
  other: "request failed",
};

/** Finds the system error code in a fetch failure (undici nests it in `cause`, sometimes an AggregateError). */
function findCode(error: unknown, depth = 0): { code?: string; message?: string } {
  if (depth > 4 || typeof error !== "object" || error === null) return {};
  if (depth > 0 && !("code" in error) && !("cause" in error) && !("errors" in error) && error instanceof Error) return { message: error.message };
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && e.code !== "UND_ERR_CONNECT_TIMEOUT" && !e.code.startsWith("ABORT"))
    return { code: e.code, message: typeof e.message === "string" ? e.message : undefined };
  if (Array.isArray(e.errors) && e.errors.length > 0) return findCode(e.errors[0], depth + 1);
  return findCode(e.cause, depth + 1);
}

function isTlsCode(code: string): boolean {
  return /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME|ALTNAME/.test(code);
}

export function toNetworkError(error: unknown, method: string, url: string): NetworkError {
  const { code, message } = findCode(error);
  const kind: NetworkErrorKind = code ? (KIND_BY_CODE[code] ?? (isTlsCode(code) ? "tls" : "other")) : "other";
  const where = `${method} ${url}`;
  const suffix = code ? ` (${code}${kind === "tls" && message ? `: ${message}` : ""})` : message ? ` (${message})` : "";
  const transient = kind !== "tls" && code !== "ENOTFOUND" && (code !== undefined || kind !== "other");
  return new NetworkError(kind, `${DESCRIPTION[kind]}: ${where}${suffix}`, code, transient);
}
