#!/usr/bin/env node
// Fetches a Kafka service's CA certificate and its access certificate and key with exo-dbaas/api,
// and writes them as ca.pem, service.cert and service.key (mode 0600) into a directory.
//
//   EXOSCALE_API_KEY=… EXOSCALE_API_SECRET=… node fetch-certificates.mjs SERVICE ZONE [DIR]
//
// EXOSCALE_API_ENDPOINT, when set, replaces the zone's endpoint (the emulator prints one).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ApiClient, getCaCertificate, getKafkaService, zoneEndpoint } from "exo-dbaas/api";

const [service, zone, dir = "."] = process.argv.slice(2);
const { EXOSCALE_API_KEY: key, EXOSCALE_API_SECRET: secret, EXOSCALE_API_ENDPOINT: endpoint } = process.env;
if (!service || !zone || !key || !secret) {
  console.error("usage: EXOSCALE_API_KEY=… EXOSCALE_API_SECRET=… fetch-certificates.mjs SERVICE ZONE [DIR]");
  process.exit(2);
}

const client = new ApiClient({
  endpoint: endpoint ?? zoneEndpoint(zone),
  credentials: { key, secret },
  // one endpoint for every zone (the emulator) learns the zone from this header
  headers: { "Exoscale-Zone": zone },
});

// the two reads do not depend on each other: one round trip
const [ca, kafka] = await Promise.all([getCaCertificate(client), getKafkaService(client, service)]);
const info = kafka["connection-info"];
if (!ca.certificate || !info?.["access-cert"] || !info["access-key"]) {
  console.error(`${service}: the API returned no certificate (is the service running?)`);
  process.exit(1);
}

mkdirSync(dir, { recursive: true });
const files = { "ca.pem": ca.certificate, "service.cert": info["access-cert"], "service.key": info["access-key"] };
for (const [name, pem] of Object.entries(files)) writeFileSync(join(dir, name), pem, { mode: 0o600 });
console.log(Object.keys(files).map((name) => join(dir, name)).join("\n"));
