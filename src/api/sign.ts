// EXO2-HMAC-SHA256 request signing, as the Exoscale API v2 expects it.
// Pure: the expiry is passed in, so tests pin the clock.
import { createHmac } from "node:crypto";

export interface SignInput {
  method: string;
  /** full request URL, or an absolute path with optional query string */
  url: string;
  /** raw body bytes exactly as sent ("" or undefined when there is none) */
  body?: string | Uint8Array;
  key: string;
  secret: string;
  /** expiry as Unix seconds */
  expires: number;
}

/** Default validity of a signature: the Go SDK signs for now + 10 minutes. */
export const SIGNATURE_TTL_SECONDS = 600;

/**
 * Builds the five-line string to sign: "<METHOD> <escaped path>", body, the values of the
 * single-valued query parameters in name order, an empty signed-headers line, and the expiry.
 */
export function stringToSign(input: Omit<SignInput, "key" | "secret">): { message: string; signedQueryArgs: string[] } {
  const url = new URL(input.url, "http://placeholder");
  const byName = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) {
    const values = byName.get(name) ?? [];
    values.push(value);
    byName.set(name, values);
  }
  // Parameters with exactly one value are signed, an empty one ("?a" or "?a=") included, as the
  // SDK's len(values) == 1 test does; multi-valued ones are not. Names sorted byte-wise.
  const signedQueryArgs = [...byName.entries()]
    .filter(([, values]) => values.length === 1)
    .map(([name]) => name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const queryValues = signedQueryArgs.map((name) => byName.get(name)![0]).join("");
  const body = input.body === undefined ? "" : typeof input.body === "string" ? input.body : Buffer.from(input.body).toString("utf8");
  const message = [`${input.method.toUpperCase()} ${url.pathname}`, body, queryValues, "", String(input.expires)].join("\n");
  return { message, signedQueryArgs };
}

/** Returns the value of the Authorization header. */
export function signRequest(input: SignInput): string {
  const { message, signedQueryArgs } = stringToSign(input);
  const signature = createHmac("sha256", Buffer.from(input.secret, "utf8")).update(message, "utf8").digest("base64");
  const parts = [`credential=${input.key}`];
  if (signedQueryArgs.length > 0) parts.push(`signed-query-args=${signedQueryArgs.join(";")}`);
  parts.push(`expires=${input.expires}`, `signature=${signature}`);
  return `EXO2-HMAC-SHA256 ${parts.join(",")}`;
}

export interface ParsedAuthorization {
  credential: string;
  signedQueryArgs: string[];
  expires: number;
  signature: string;
}

/** Parses an EXO2-HMAC-SHA256 Authorization header; undefined if it is not one. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (!header?.startsWith("EXO2-HMAC-SHA256 ")) return undefined;
  const pragmas = new Map<string, string>();
  for (const part of header.slice("EXO2-HMAC-SHA256 ".length).split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return undefined;
    pragmas.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const credential = pragmas.get("credential");
  const expires = Number(pragmas.get("expires"));
  const signature = pragmas.get("signature");
  if (!credential || !signature || !Number.isInteger(expires)) return undefined;
  const args = pragmas.get("signed-query-args");
  return { credential, signedQueryArgs: args ? args.split(";") : [], expires, signature };
}
