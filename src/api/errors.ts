// Typed API errors. Callers branch on the class (or `kind`), never on message text.
// Messages follow exo's formatting of API errors, since scripts read them.
import { parse } from "./json.js";

export type ApiErrorKind = "not-found" | "auth" | "validation" | "server" | "api";

/** An HTTP error response (status 400..599) from the API. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind = "api";
  constructor(
    readonly status: number,
    message: string,
    /** the raw response body (never contains a secret the client sent) */
    readonly body: string,
    readonly method?: string,
    readonly url?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export class NotFoundError extends ApiError {
  override readonly kind = "not-found";
}
/** 401 or 403: wrong key or secret, expired signature, or missing permission. */
export class AuthError extends ApiError {
  override readonly kind = "auth";
}
/** 400 or 422: the API rejected the request; the message carries its explanation. */
export class ValidationError extends ApiError {
  override readonly kind = "validation";
}
export class ServerError extends ApiError {
  override readonly kind = "server";
}

/** Builds the right ApiError subclass for a response. */
export function apiErrorFor(status: number, body: string, method?: string, url?: string): ApiError {
  const message = formatApiErrorMessage(status, body);
  if (status === 404) return new NotFoundError(status, message, body, method, url);
  if (status === 401 || status === 403) return new AuthError(status, message, body, method, url);
  if (status === 400 || status === 422) return new ValidationError(status, message, body, method, url);
  if (status >= 500) return new ServerError(status, message, body, method, url);
  return new ApiError(status, message, body, method, url);
}

/** The request did not complete in time (per-attempt timeout or overall deadline). */
export class TimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TimeoutError";
  }
}

export type NetworkErrorKind = "refused" | "reset" | "dns" | "tls" | "other";

/** The API could not be reached or the connection broke. */
export class NetworkError extends Error {
  constructor(
    readonly networkKind: NetworkErrorKind,
    message: string,
    /** the system error code, e.g. ECONNREFUSED */
    readonly code?: string,
    /** whether another attempt could succeed (false for TLS failures and requests fetch refuses to make) */
    readonly transient = true,
  ) {
    super(message);
    this.name = "NetworkError";
  }
}

/** The API answered something this client cannot use: bad JSON, wrong content type, unexpected shape. */
export class InvalidResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidResponseError";
  }
}

// Go's net/http StatusText, which exo prints (it differs from Node's table in places).
const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
  405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout",
  409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed", 413: "Request Entity Too Large",
  414: "Request URI Too Long", 415: "Unsupported Media Type", 416: "Requested Range Not Satisfiable",
  417: "Expectation Failed", 418: "I'm a teapot", 421: "Misdirected Request", 422: "Unprocessable Entity",
  423: "Locked", 424: "Failed Dependency", 425: "Too Early", 426: "Upgrade Required", 428: "Precondition Required",
  429: "Too Many Requests", 431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
  500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
  504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates",
  507: "Insufficient Storage", 508: "Loop Detected", 510: "Not Extended", 511: "Network Authentication Required",
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? `HTTP error ${status}`;
}

/**
 * exo's error text for an API error body: RFC 9457 `title`/`detail` then each `errors[]` entry
 * (exo puts each on a line of its own; here "; " keeps the error one line); else `message` (or
 * `error`); else the raw non-JSON body; prefixed by the status text.
 */
export function formatApiErrorMessage(status: number, body: string): string {
  const head = statusText(status);
  let doc: unknown;
  try {
    doc = parse(body);
  } catch {
    return body.trim() === "" ? head : `${head}: ${body}`;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return head;
  const d = doc as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const title = str(d.title);
  const detail = str(d.detail);
  if (title !== "" || detail !== "") {
    const parts = [`${head}: ${title}: ${detail !== "" ? detail : title}`];
    if (Array.isArray(d.errors)) {
      for (const entry of d.errors) parts.push(formatErrorEntry(entry));
    }
    return parts.join("; ");
  }
  const message = str(d.message) || str(d.error);
  return message !== "" ? `${head}: ${message}` : head;
}

function formatErrorEntry(entry: unknown): string {
  if (typeof entry === "string") return entry;
  const e = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
  const location = typeof e.location === "string" ? e.location : "";
  let detail = typeof e.detail === "string" ? e.detail : "";
  const match = /\$\['([^']+)'\]/.exec(location);
  const field = match ? `--${match[1]}` : location;
  const enumPrefix = "does not have a value in the enumeration ";
  if (detail.startsWith(enumPrefix)) {
    try {
      const values = parse(detail.slice(enumPrefix.length));
      if (Array.isArray(values)) detail = `invalid value; valid values are: ${values.join(", ")}`;
    } catch {
      // keep the detail as sent
    }
  }
  return field === "" ? detail : `${field}: ${detail}`;
}
