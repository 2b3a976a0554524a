// A word for each argument kind (and flag value kind) that a command runs with on the seeded
// emulator, made through the API when the seed has none. Names are unique per call, so a line can
// run any number of times on the same emulator. A new kind fails to compile here until it has its
// fixture, and then every command declaring it is in the generated fault table.
import type { ApiClient } from "../../src/api/client.js";
import { createKafkaService, createKafkaTopicAcl, createKafkaUser, getKafkaAclConfig, getKafkaService, listServices } from "../../src/api/dbaas.js";
import { attachServiceToEndpoint, createExternalEndpoint, isExternalEndpointType, listExternalIntegrations, type ExternalEndpointType } from "../../src/api/external.js";
import type { ValueKind } from "../../src/commands/define.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dir.js";

export const SERVICE = "test-kafka";

/** What a fixture knows of the line: the example's word, and the words of the line's other arguments by kind. */
export interface FixtureLine {
  word: string;
  byKind: ReadonlyMap<ValueKind, string>;
}

type Make = (api: ApiClient, line: FixtureLine) => Promise<string>;

export interface KindFixture {
  /** the word for a run that leaves its target as it was (or changes it alike each time) */
  shared: Make;
  /** for an argument the command declares `singleUse`: a target made for this run alone */
  own?: Make;
  /** the word costs the emulator a key pair (a new service or user) on each successful run */
  costly?: "shared" | "own";
}

let counter = 0;
export const unique = (prefix: string) => `${prefix}${process.pid % 1000}x${++counter}`;

const keep: Make = async (_api, line) => line.word;
const brokerOnly: Make = async () => {
  throw new Error("the dbaas kafka commands run on a real broker, outside the emulator's fault table");
};

// commands that change nothing (or change it the same way each time) share one target, so the
// path of their first read is the same in every run
const shared: Record<string, Promise<string>> = {};
const once = (key: string, make: () => Promise<string>) => (shared[key] ??= make());

async function newUser(api: ApiClient): Promise<string> {
  const username = unique("u");
  await createKafkaUser(api, SERVICE, username);
  return username;
}

// A run whose write failed leaves its victim in place: the next run reuses it rather than paying
// for another service or user.
let doomedService: string | undefined;
async function serviceToDelete(api: ApiClient): Promise<string> {
  if (doomedService && (await listServices(api)).some((s) => s.name === doomedService)) return doomedService;
  doomedService = unique("doomed");
  await createKafkaService(api, doomedService, { plan: "startup-2", "termination-protection": false });
  return doomedService;
}

let doomedUser: string | undefined;
async function userToDelete(api: ApiClient): Promise<string> {
  if (doomedUser && ((await getKafkaService(api, SERVICE)).users ?? []).some((u) => u.username === doomedUser)) return doomedUser;
  return (doomedUser = await newUser(api));
}

async function acl(api: ApiClient): Promise<string> {
  const topic = unique("t");
  await createKafkaTopicAcl(api, SERVICE, { username: "app", topic, permission: "read" });
  const id = ((await getKafkaAclConfig(api, SERVICE))["topic-acl"] ?? []).find((a) => a.topic === topic)?.id;
  if (!id) throw new Error(`ACL for ${topic} not found`);
  return id;
}

const ENDPOINT_SETTINGS: Partial<Record<ExternalEndpointType, Record<string, unknown>>> = {
  prometheus: { "basic-auth-username": "scraper" },
  datadog: { "datadog-api-key": "fault-case-api-key", site: "datadoghq.com" },
};

/** The line's endpoint type (of the endpoint or of the integration settings), else prometheus. */
function endpointType(line: FixtureLine): ExternalEndpointType {
  const type = line.byKind.get("endpoint type") ?? line.byKind.get("integration settings type") ?? "prometheus";
  if (!isExternalEndpointType(type) || !ENDPOINT_SETTINGS[type]) throw new Error(`no endpoint fixture of type ${type}: add its settings to ENDPOINT_SETTINGS`);
  return type;
}

async function endpoint(api: ApiClient, type: ExternalEndpointType): Promise<string> {
  const op = await createExternalEndpoint(api, type, unique("ep"), ENDPOINT_SETTINGS[type]!);
  return op.reference!.id!;
}

async function integration(api: ApiClient, type: ExternalEndpointType): Promise<string> {
  const id = await endpoint(api, type);
  await attachServiceToEndpoint(api, SERVICE, id, type);
  const found = (await listExternalIntegrations(api, SERVICE)).find((i) => i["dest-endpoint-id"] === id);
  return found!["integration-id"]!;
}

function textFile(): string {
  const path = join(tempDir("exo-fixture-"), "value");
  writeFileSync(path, "fixture-secret-value\n", { mode: 0o600 });
  return path;
}

export const KIND_FIXTURES: Record<ValueKind, KindFixture> = {
  service: { shared: async () => SERVICE, own: serviceToDelete, costly: "own" },
  "new service": { shared: async () => unique("svc"), costly: "shared" },
  // fixed values: the example's word is one
  "service type": { shared: keep },
  "type to create": { shared: keep },
  plan: { shared: keep },
  "endpoint type": { shared: keep },
  "integration settings type": { shared: keep },
  shell: { shared: keep },
  // creating a user costs a key pair: commands that leave it in place share one
  user: { shared: (api) => once("user", () => newUser(api)), own: userToDelete, costly: "own" },
  "new user": { shared: async () => unique("u"), costly: "shared" },
  "ACL id": { shared: (api) => once("acl", () => acl(api)), own: acl },
  "endpoint name": { shared: async () => unique("ep") },
  "endpoint id": {
    shared: (api, line) => once(`endpoint ${endpointType(line)}`, () => endpoint(api, endpointType(line))),
    own: (api, line) => endpoint(api, endpointType(line)),
  },
  "integration id": {
    shared: (api, line) => once(`integration ${endpointType(line)}`, () => integration(api, endpointType(line))),
    own: (api, line) => integration(api, endpointType(line)),
  },
  topic: { shared: brokerOnly },
  "new topic": { shared: brokerOnly },
  group: { shared: brokerOnly },
  file: { shared: async () => textFile() },
  directory: { shared: async () => tempDir("exo-faults-") },
};

/** A flag value naming no kind: the example's word, made unique when the command declares it `singleUse`. */
export const PLAIN_VALUE: KindFixture = { shared: keep, own: async (_api, line) => `${line.word}-${unique("")}` };
