// The emulator's state: services, users, ACLs, operations and the project CA, optionally persisted to
// <dataDir>/state.json (written atomically: temp file + rename).
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { parseJson, stringifyJson, type Json } from "./lossless-json.js";
import type { ExternalState } from "./external-records.js";

export interface UserRecord {
  username: string;
  type: "primary" | "normal";
  password: string;
  accessCert: string;
  accessKey: string;
  accessCertExpiry: string;
}

export interface TopicAcl {
  id: string;
  username: string;
  topic: string;
  permission: string;
}

export interface SchemaRegistryAcl {
  id: string;
  username: string;
  resource: string;
  permission: string;
}

export type Settings = { [key: string]: Json };

export interface ServiceRecord {
  id: string;
  name: string;
  type: string;
  zone: string;
  plan: string;
  version: string;
  createdAt: string;
  updatedAt: string;
  /** until this epoch-ms instant the service reports `busyState` instead of running */
  busyUntil: number;
  busyState: "rebuilding" | "rebalancing";
  terminationProtection: boolean;
  maintenance: { dow: string; time: string };
  ipFilter: string[];
  authenticationMethods: { certificate: boolean; sasl: boolean };
  kafkaRestEnabled: boolean;
  kafkaConnectEnabled: boolean;
  schemaRegistryEnabled: boolean;
  kafkaSettings: Settings;
  kafkaConnectSettings: Settings;
  kafkaRestSettings: Settings;
  schemaRegistrySettings: Settings;
  users: UserRecord[];
  topicAcls: TopicAcl[];
  schemaRegistryAcls: SchemaRegistryAcl[];
}

export interface OperationRecord {
  id: string;
  /** epoch ms at which the operation turns from pending to success */
  doneAt: number;
  command: string;
  referenceId: string;
  link: string;
}

export interface PersistedState {
  version: 1;
  projectId: string;
  ca?: { certPem: string; keyPem: string };
  services: ServiceRecord[];
  operations: OperationRecord[];
  /** external endpoints and integrations (external-endpoints.ts) */
  external?: ExternalState;
}

const MAX_OPERATIONS = 2000;

export class Store {
  state: PersistedState;
  private readonly file: string | undefined;

  constructor(dataDir: string | undefined, reset: boolean) {
    this.file = dataDir ? join(dataDir, "state.json") : undefined;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    if (this.file && reset) rmSync(this.file, { force: true });
    this.state = this.file && existsSync(this.file) ? Store.load(this.file) : Store.empty();
  }

  static empty(): PersistedState {
    return { version: 1, projectId: randomUUID(), services: [], operations: [] };
  }

  private static load(file: string): PersistedState {
    const parsed = parseJson(readFileSync(file, "utf8")) as unknown as PersistedState;
    if (parsed?.version !== 1 || !Array.isArray(parsed.services)) throw new Error(`${file}: not an emulator state file (use --reset to start over)`);
    return parsed;
  }

  save(): void {
    if (!this.file) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, stringifyJson(this.state, 1), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  find(name: string): ServiceRecord | undefined {
    return this.state.services.find((s) => s.name === name);
  }

  addOperation(op: OperationRecord): void {
    this.state.operations.push(op);
    if (this.state.operations.length > MAX_OPERATIONS) this.state.operations.splice(0, this.state.operations.length - MAX_OPERATIONS);
  }

  /** Forgets services and operations; keeps the project and its CA (expensive to make, and clients may hold it). */
  clear(): void {
    this.state.services = [];
    this.state.operations = [];
    this.state.external = undefined;
    this.save();
  }
}
