// Completion for the external endpoint and integration commands: endpoint types, endpoint IDs of a
// type and integration IDs, listed from the API.
import type { ArgumentSource } from "./argument-source.js";

/** What an argument of `external-endpoint` / `external-integration` completes to; undefined elsewhere. */
export function externalArgumentSource(path: readonly string[], arg: string, index: number, positionals: readonly string[]): ArgumentSource | undefined {
  const group = path[1];
  if (group === "external-endpoint") {
    if (arg === "type") return { kind: "endpoint-types" };
    if (arg === "id") return { kind: "endpoints", type: positionals[0] };
    return { kind: "none" };
  }
  if (group !== "external-integration") return undefined;
  const settings = path[2] === "settings";
  if (arg === "type") return settings ? { kind: "values", values: ["datadog"] } : { kind: "endpoint-types" };
  if (arg === "id") return { kind: "integrations", type: settings ? positionals[0] : undefined };
  if (arg === "service" && index === 0) return { kind: "services" };
  return { kind: "none" };
}

/** Values of the integration flags naming an endpoint, an integration or a service. */
export function externalFlagSource(path: readonly string[], flag: string, positionals: readonly string[]): ArgumentSource | undefined {
  if (path[1] !== "external-integration") return undefined;
  if (flag === "--destination-endpoint-id") return { kind: "endpoints", type: positionals[0] };
  if (flag === "--integration-id") return { kind: "integrations", service: positionals[0] };
  if (flag === "--source-service-name") return { kind: "services" };
  return undefined;
}
