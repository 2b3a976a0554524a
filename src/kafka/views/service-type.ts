// `exo dbaas type list` and `exo dbaas type show NAME [--plans | --backup-config PLAN]`.

import type { Plan, ServiceType, ServiceTypeList } from "../../api/schemas.js";
import { GoNil, GoPtr } from "../../templates/values.js";
import { humanizeBytes } from "../../output/go-format.js";
import type { ListOutput, ObjectOutput } from "../../output/model.js";
import { optional, toNumber } from "./go.js";
import { sliceOutput, structOutput } from "./outputs.js";
import { defineView, fieldsOf } from "./spec.js";

export type BackupConfig = NonNullable<Plan["backup-config"]>;

const versions = (value: readonly string[] | GoNil) => (Array.isArray(value) ? value.join(", ") : "");
const availableVersions = (t: ServiceType): readonly string[] | GoNil => t["available-versions"] ?? new GoNil("[]string");

const typeField = fieldsOf<ServiceType>();
const name = typeField({ go: "Name", json: "name", label: "Name", from: (t) => t.name ?? "" });
const available = typeField({ go: "AvailableVersions", json: "available_versions", label: "Available Versions", from: availableVersions, cell: versions });
const defaultVersion = typeField({ go: "DefaultVersion", json: "default_version", label: "Default Version", from: (t) => t["default-version"] ?? "" });

export const typeListItemView = defineView("dbaas.dbaasTypeListItemOutput", [name, available, defaultVersion]);

export const typeShowView = defineView("*dbaas.dbaasTypeShowOutput", [
  name,
  typeField({ go: "Description", json: "description", label: "Description", from: (t) => t.description ?? "" }),
  available,
  defaultVersion,
]);

const planField = fieldsOf<Plan>();
const bytes = (value: number | bigint) => humanizeBytes(toNumber(value));
export const typePlanView = defineView("dbaas.dbaasTypePlanListItemOutput", [
  planField({ go: "Name", json: "name", label: "Name", from: (p) => p.name ?? "" }),
  planField({ go: "Nodes", json: "nodes", label: "# Nodes", from: (p) => p["node-count"] ?? 0 }),
  planField({ go: "NodeCPUs", json: "node_cpus", label: "# CPUs", from: (p) => p["node-cpu-count"] ?? 0 }),
  planField({ go: "NodeMemory", json: "node_memory", label: "Node Memory", from: (p) => p["node-memory"] ?? 0, cell: bytes }),
  planField({ go: "DiskSpace", json: "disk_space", label: "Disk Space", from: (p) => p["disk-space"] ?? 0, cell: bytes }),
  planField({ go: "Authorized", json: "authorized", label: "Authorized", from: (p) => p.authorized ?? false }),
]);

/**
 * exo 1.97 copies the fields of its API struct, which are plain values, so a field the API leaves out
 * is its zero value: `0` (an empty recovery mode) in the table, JSON, text and templates alike.
 */
const backupField = fieldsOf<BackupConfig>();
const shown = (value: GoPtr) => String(value.value);
const int64 = (go: string, json: string, label: string, key: keyof BackupConfig & string) =>
  backupField({ go, json, label, from: (c) => new GoPtr(c[key] ?? 0, "*int64"), cell: shown });
export const typeBackupConfigView = defineView("*dbaas.dbaasTypePlanBackupOutput", [
  int64("Interval", "interval", "Backup interval (hours)", "interval"),
  int64("MaxCount", "max_count", "Max backups", "max-count"),
  backupField({ go: "RecoveryMode", json: "recovery_mode", label: "Recovery mode", from: (c) => new GoPtr(c["recovery-mode"] ?? "", "*string"), cell: shown }),
  int64("FrequentIntervalMinutes", "frequent_interval_minutes", "Frequent backup interval", "frequent-interval-minutes"),
  int64("FrequentOldestAgeMinutes", "frequent_oldest_age_minutes", "Frequent backup max age", "frequent-oldest-age-minutes"),
  int64("InfrequentIntervalMinutes", "infrequent_interval_minutes", "Infrequent backup interval", "infrequent-interval-minutes"),
  int64("InfrequentOldestAgeMinutes", "infrequent_oldest_age_minutes", "Infrequent backup max age", "infrequent-oldest-age-minutes"),
]);

/** `type list` from `GET /dbaas-service-type`. */
export function typeListOutput(response: ServiceTypeList): ListOutput {
  return sliceOutput(typeListItemView, response["dbaas-service-types"]);
}

/** `type show NAME` from `GET /dbaas-service-type/NAME`. */
export function typeShowOutput(serviceType: ServiceType): ObjectOutput {
  return structOutput(typeShowView, serviceType);
}

/** `type show NAME --plans`: sizes in SI units (humanize.Bytes). */
export function typePlansOutput(serviceType: Pick<ServiceType, "plans">): ListOutput {
  return sliceOutput(typePlanView, serviceType.plans ?? []);
}

/** The plan's backup configuration, or undefined when exo says `"<PLAN>" is not a valid plan`. */
export function findPlanBackupConfig(serviceType: Pick<ServiceType, "plans">, plan: string): BackupConfig | undefined {
  return serviceType.plans?.find((p) => (p.name ?? "") === plan)?.["backup-config"];
}

/** `type show NAME --backup-config PLAN` from the plan's `backup-config`. */
export function typeBackupConfigOutput(backupConfig: BackupConfig): ObjectOutput {
  return structOutput(typeBackupConfigView, backupConfig);
}
