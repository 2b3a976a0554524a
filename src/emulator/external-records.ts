// The emulator's stored external endpoints and integrations (kept by the store, served by external-endpoints.ts).
import type { Json } from "./lossless-json.js";

export const TYPES = ["datadog", "elasticsearch", "opensearch", "prometheus", "rsyslog"] as const;
export type EndpointType = (typeof TYPES)[number];

export interface ExternalEndpointRecord {
  id: string;
  name: string;
  type: EndpointType;
  /** settings as shown (no secret) */
  settings: { [key: string]: Json };
  /** secret members, stored apart so no answer can include them */
  secrets: { [key: string]: Json };
}

export interface ExternalIntegrationRecord {
  id: string;
  service: string;
  serviceId: string;
  endpointId: string;
  type: EndpointType;
  datadogSettings: { "datadog-dbm-enabled": boolean; "datadog-pgbouncer-enabled": boolean };
}

export interface ExternalState {
  endpoints: ExternalEndpointRecord[];
  integrations: ExternalIntegrationRecord[];
}
