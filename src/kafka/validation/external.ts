// Checks on the input of the external endpoint and integration commands, made before any request.
// Messages never quote a secret (API keys, passwords, private keys).
import { CredentialsError, parseCertificates, parsePrivateKey } from "../credentials/pem.js";
import { InputError } from "./errors.js";
import { goJsonSyntaxError } from "../../go/json/go-syntax.js";
import { goQuote } from "../../go/quote.js";
import { exoCommand } from "../../output/shell-word.js";

/**
 * Go's uuid.Parse (google/uuid, behind egoscale's ParseUUID): 36 characters with dashes, the same
 * in braces or after `urn:uuid:`, or 32 hex digits. Returns the canonical lower-case form, or the
 * Go error text. Lengths count UTF-8 bytes, as Go's len does.
 */
export function parseGoUuid(input: string): { uuid: string } | { error: string } {
  const bytes = Buffer.from(input, "utf8");
  const length = bytes.length;
  if (![32, 36, 38, 45].includes(length)) return { error: `invalid UUID length: ${length}` };
  let s = bytes.toString("latin1");
  if (length === 45) {
    if (s.slice(0, 9).toLowerCase() !== "urn:uuid:") return { error: `invalid urn prefix: ${goQuote(bytes.subarray(0, 9).toString("utf8"))}` };
    s = s.slice(9);
  } else if (length === 38) {
    // Go drops the first byte and never looks at the last one
    s = s.slice(1, 37);
  }
  let hex = s;
  if (length !== 32) {
    if (s[8] !== "-" || s[13] !== "-" || s[18] !== "-" || s[23] !== "-") return { error: "invalid UUID format" };
    hex = s.slice(0, 8) + s.slice(9, 13) + s.slice(14, 18) + s.slice(19, 23) + s.slice(24, 36);
  }
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return { error: "invalid UUID format" };
  const h = hex.toLowerCase();
  return { uuid: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}` };
}

/**
 * A UUID argument or flag; `what` is exo's prefix ("endpoint" → `invalid endpoint ID: ...`). An
 * endpoint is known by its name too, so the refusal says where its ID is found.
 */
export function validateUuid(input: string, what: "endpoint" | "integration"): string {
  const parsed = parseGoUuid(input);
  if ("error" in parsed) {
    const where = what === "endpoint" ? ` (${goQuote(input)} is not an endpoint ID; the IDs are listed by: ${exoCommand(["dbaas", "external-endpoint", "list"])})` : "";
    throw new InputError(`invalid ${what} ID: ${parsed.error}${where}`);
  }
  return parsed.uuid;
}

/** The ID as the commands send it once checked: canonical when it parses, else as given. */
export function canonicalUuid(input: string): string {
  const parsed = parseGoUuid(input);
  return "uuid" in parsed ? parsed.uuid : input;
}

/** A TCP port: 1 to 65535. */
export function validatePort(value: number | bigint, flagName: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InputError(`invalid --${flagName} ${value}: must be a port number between 1 and 65535`);
  return n;
}

/** A positive integer flag (exo drops 0 silently; here it is refused). */
export function validatePositive(value: number | bigint, flagName: string): number | bigint {
  if (value <= 0) throw new InputError(`invalid --${flagName} ${value}: must be a positive integer`);
  return value;
}

/**
 * An absolute http(s) URL with a host. The value is not quoted back: it may carry a password
 * (https://user:password@host).
 */
export function validateHttpUrl(value: string, flagName: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`invalid --${flagName}: not an absolute URL (expected https://host[:port][/path])`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new InputError(`invalid --${flagName}: the scheme must be http or https`);
  if (url.hostname === "") throw new InputError(`invalid --${flagName}: the URL has no host`);
  if (/[\s\x00-\x1f\x7f]/.test(value)) throw new InputError(`invalid --${flagName}: the URL contains whitespace or control characters`);
  return value;
}

/** A host name or IP address for rsyslog: no scheme, port, path or whitespace. */
export function validateHost(value: string, flagName: string): string {
  if (!/^(?:\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*|[A-Za-z0-9](?:[A-Za-z0-9._-]{0,252}))$/.test(value) || value.length > 253) {
    throw new InputError(`invalid --${flagName} ${goQuote(value)}: expected a host name or IP address`);
  }
  return value;
}

/** Runs a PEM check, turning its CredentialsError into an input error (the message never quotes the PEM). */
function pemCheck(value: string, check: () => unknown): string {
  try {
    check();
  } catch (error) {
    if (error instanceof CredentialsError) throw new InputError(error.message);
    throw error;
  }
  return value;
}

/** One or more PEM certificates (a CA may be a chain). */
export const validateCertificatePem = (value: string, flagName: string): string => pemCheck(value, () => parseCertificates(value, `--${flagName}`));

/** Exactly one unencrypted PEM private key; the message never quotes it. */
export const validatePrivateKeyPem = (value: string, flagName: string): string => pemCheck(value, () => parsePrivateKey(value, `--${flagName}`));

export { validateEnum } from "./choice.js";

export interface DatadogTag {
  comment?: string;
  tag: string;
}

/**
 * `--datadog-tags`: a JSON array of {"tag": ..., "comment": ...}, decoded as exo's json.Unmarshal
 * into []DBAASDatadogTag does (keys match case-insensitively, other keys are dropped, null is no
 * tag), except that a tag must be given and be a string.
 */
export function parseDatadogTags(input: string): DatadogTag[] {
  const fail = (reason: string): never => {
    throw new InputError(`failed to parse datadog tags: ${reason}`);
  };
  // Go checks the whole text before decoding: a syntax error wins over a type error
  const syntax = goJsonSyntaxError(input);
  if (syntax !== undefined) return fail(syntax);
  const doc: unknown = JSON.parse(input);
  if (doc === null) return [];
  if (!Array.isArray(doc)) return fail(`json: cannot unmarshal ${jsonKind(doc)} into Go value of type []v3.DBAASDatadogTag`);
  return doc.map((entry, index) => {
    if (entry === null) return fail(`element ${index}: "tag" is required`);
    if (typeof entry !== "object" || Array.isArray(entry)) return fail(`json: cannot unmarshal ${jsonKind(entry)} into Go value of type v3.DBAASDatadogTag`);
    const out: DatadogTag = { tag: "" };
    let tagSeen = false;
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      const k = key.toLowerCase();
      if (k !== "tag" && k !== "comment") continue;
      if (value === null) continue;
      if (typeof value !== "string") return fail(`json: cannot unmarshal ${jsonKind(value)} into Go struct field DBAASDatadogTag.${k} of type string`);
      if (k === "tag") {
        out.tag = value;
        tagSeen = true;
      } else out.comment = value;
    }
    if (!tagSeen || out.tag === "") return fail(`element ${index}: "tag" is required`);
    // Go's encoder writes comment first and leaves an empty one out
    return out.comment ? { comment: out.comment, tag: out.tag } : { tag: out.tag };
  });
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  return typeof value;
}
