// Go's `url.Parse(raw)` followed by `URL.Redacted()`, for the URIs exo prints in tables.

const SCHEME_CHAR = /^[A-Za-z0-9+.-]$/;

/** Splits off a scheme the way net/url's getScheme does; undefined when there is none. */
function splitScheme(raw: string): { scheme: string; rest: string } | undefined | "error" {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[A-Za-z]/.test(c)) continue;
    if (SCHEME_CHAR.test(c)) {
      if (i === 0) return undefined;
      continue;
    }
    if (c === ":") {
      if (i === 0) return "error"; // missing protocol scheme
      return { scheme: raw.slice(0, i).toLowerCase(), rest: raw.slice(i + 1) };
    }
    return undefined;
  }
  return undefined;
}

function validPort(hostport: string): boolean {
  const host = hostport.startsWith("[") ? hostport.slice(hostport.indexOf("]") + 1) : hostport;
  const colon = host.lastIndexOf(":");
  if (colon < 0) return !hostport.startsWith("[") || host === "";
  return /^[0-9]*$/.test(host.slice(colon + 1));
}

/**
 * The URI with its password replaced by `xxxxx`, re-serialised with a lower-case scheme; the raw
 * text when Go's parser would reject it (e.g. `10.0.0.1:9092`: "first path segment cannot
 * contain colon").
 */
export function redactURL(raw: string): string {
  if (/[\x00-\x1f\x7f]/.test(raw)) return raw;
  let rest = raw;
  let fragment = "";
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    fragment = rest.slice(hash);
    rest = rest.slice(0, hash);
  }
  let query = "";
  const q = rest.indexOf("?");
  if (q >= 0) {
    query = rest.slice(q);
    rest = rest.slice(0, q);
  }
  const split = splitScheme(rest);
  if (split === "error") return raw;
  const scheme = split?.scheme ?? "";
  rest = split ? split.rest : rest;

  if (scheme !== "" && !rest.startsWith("/")) {
    return `${scheme}:${rest}${query}${fragment}`; // opaque, e.g. `host:9092`
  }
  if (scheme === "" && !rest.startsWith("/")) return raw; // relative, or rejected for its colon
  const prefix = scheme ? `${scheme}:` : "";
  if (!rest.startsWith("//")) return `${prefix}${rest}${query}${fragment}`;

  const authorityEnd = rest.indexOf("/", 2);
  const authority = authorityEnd < 0 ? rest.slice(2) : rest.slice(2, authorityEnd);
  const path = authorityEnd < 0 ? "" : rest.slice(authorityEnd);
  const at = authority.lastIndexOf("@");
  const host = at < 0 ? authority : authority.slice(at + 1);
  if (!validPort(host)) return raw;
  let userinfo = "";
  if (at >= 0) {
    const info = authority.slice(0, at);
    const colon = info.indexOf(":");
    userinfo = colon < 0 ? `${info}@` : `${info.slice(0, colon)}:xxxxx@`;
  }
  return `${prefix}//${userinfo}${host}${path}${query}${fragment}`;
}
