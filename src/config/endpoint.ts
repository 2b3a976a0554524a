// Which base URL serves a zone's API.
//
// Without an override: https://<environment>-<zone>.exoscale.com/v2 for the known zones, and the
// API's own zone list (GET /zone) for any other name. With an override (EXOSCALE_API_ENDPOINT or
// the account's `endpoint`), every zone is served by that URL; services carry a `zone` field that
// commands filter on. Only a v2 base URL overrides: exo users often still have a v1 compute
// endpoint configured, which must not redirect DBaaS calls; and one zone's own Exoscale API URL
// keeps per-zone endpoints (see exoscaleZoneApiPrefix).
import { ConfigError } from "./errors.js";

export const KNOWN_ZONES = ["ch-gva-2", "ch-dk-2", "de-fra-1", "de-muc-1", "at-vie-1", "at-vie-2", "bg-sof-1", "hr-zag-1"] as const;

/** The zone list call is made on this zone's endpoint when no override applies. */
export const DISCOVERY_ZONE = "ch-gva-2";

export interface ZoneInfo {
  name: string;
  "api-endpoint"?: string;
}

export interface EndpointOptions {
  /** EXOSCALE_API_ENDPOINT or the account's `endpoint` */
  override?: string;
  /** account environment, "api" by default */
  environment?: string;
  /** lists the zones the API knows, calling GET /zone on the given base URL (unsigned) */
  listZones: (baseUrl: string) => Promise<ZoneInfo[]>;
}

/** The usable override, without trailing slash, or undefined when there is none or it is not a v2 URL. */
export function v2Override(override: string | undefined): string | undefined {
  if (!override) return undefined;
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new ConfigError(`invalid API endpoint ${JSON.stringify(override)}: expected a URL such as https://api-ch-gva-2.exoscale.com/v2`);
  }
  if (!/\/v2\/?$/.test(url.pathname)) return undefined;
  checkScheme(url, override);
  return override.replace(/\/+$/, "");
}

const EXOSCALE_ZONE_API = /^https:\/\/([a-z0-9]+)-[a-z]{2}-[a-z]+-\d+\.exoscale\.com\/v2\/?$/i;

/**
 * The environment prefix when `url` is itself one zone's Exoscale API (https://api-ch-gva-2.exoscale.com/v2
 * → "api"), else undefined. exo uses its override only to list zones, then calls each zone's own
 * endpoint; such a value therefore keeps per-zone endpoints instead of sending every zone to one.
 */
export function exoscaleZoneApiPrefix(url: string | undefined): string | undefined {
  return url ? EXOSCALE_ZONE_API.exec(url)?.[1]?.toLowerCase() : undefined;
}

export function zoneUrl(zone: string, environment = "api"): string {
  return `https://${environment}-${zone}.exoscale.com/v2`;
}

/** Resolves the base URL for a zone; an unknown zone costs one GET /zone. */
export async function resolveZoneEndpoint(zone: string, options: EndpointOptions): Promise<string> {
  const override = v2Override(options.override);
  const environment = options.environment || "api";
  if ((KNOWN_ZONES as readonly string[]).includes(zone)) return override ?? zoneUrl(zone, environment);

  const discoveryUrl = override ?? zoneUrl(DISCOVERY_ZONE, environment);
  const zones = await options.listZones(discoveryUrl);
  const found = zones.find((z) => z.name === zone || z["api-endpoint"] === zone);
  if (!found) {
    throw new ConfigError(`unknown zone ${JSON.stringify(zone)}: valid zones are: ${zones.map((z) => z.name).join(", ")}`);
  }
  if (override) return override;
  const endpoint = found["api-endpoint"] ?? zoneUrl(found.name, environment);
  checkScheme(new URL(endpoint), endpoint);
  return endpoint.replace(/\/+$/, "");
}

const LOOPBACK_HOSTS = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Plain http is only acceptable to a loopback address (a local emulator); anything else must be https. */
export function checkScheme(url: URL, original: string): void {
  if (url.protocol === "https:") return;
  if (url.protocol === "http:") {
    if (LOOPBACK_HOSTS.test(url.hostname)) return;
    throw new ConfigError(
      `refusing to send credentials over plain http to ${JSON.stringify(original)}: use https, or a loopback address (127.0.0.1, ::1, localhost) for a local emulator`,
    );
  }
  throw new ConfigError(`unsupported API endpoint scheme ${JSON.stringify(url.protocol)} in ${JSON.stringify(original)}: use https`);
}
