// Verifies EXO2-HMAC-SHA256 request signatures the way the API does.
import { timingSafeEqual } from "node:crypto";
import { parseAuthorization, signRequest } from "../api/sign.js";
import { ApiError } from "./api-error.js";

export interface Credentials {
  key: string;
  secret: string;
}

/** Throws a 403 ApiError unless the request carries a valid, unexpired signature for `creds`. */
export function verifySignature(
  req: { method: string; url: string; authorization: string | undefined; body: Buffer },
  creds: Credentials,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  if (!req.authorization) throw new ApiError(403, "missing Authorization header: requests must be signed (EXO2-HMAC-SHA256)");
  const auth = parseAuthorization(req.authorization);
  if (!auth) throw new ApiError(403, "malformed Authorization header: expected EXO2-HMAC-SHA256 credential=...,expires=...,signature=...");
  if (auth.credential !== creds.key) throw new ApiError(403, `invalid API credential: unknown API key ${JSON.stringify(auth.credential)}`);
  if (auth.expires < nowSeconds) throw new ApiError(403, "request signature expired");
  const expected = signRequest({ method: req.method, url: req.url, body: req.body, key: creds.key, secret: creds.secret, expires: auth.expires });
  const expectedSignature = Buffer.from(parseAuthorization(expected)!.signature);
  const given = Buffer.from(auth.signature);
  if (given.length !== expectedSignature.length || !timingSafeEqual(given, expectedSignature)) {
    throw new ApiError(403, "invalid request signature: check the API secret and that the signed method, path, body and query match the request");
  }
}
