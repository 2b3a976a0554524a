// `exo dbaas type list` and `exo dbaas type show NAME [--plans | --backup-config PLAN]`.

import { GoNil, GoPtr } from "../../templates/values.js";
import { humanizeBytes } from "../../output/go-format.js";
import { listOutput, objectOutput, type ListOutput, type ObjectOutput } from "../../output/model.js";
import { renderTable } from "../../output/table.js";
import { field, struct } from "./go.js";
import { bool, int, isObject, obj, objects, optInt, optStr, str, strings, toNumber, type RawObject } from "./raw.js";

const asObject = (value: unknown): RawObject => (isObject(value) ? value : {});

function versions(value: unknown): string {
  return Array.isArray(value) ? value.join(", ") : "";
}

/** `type list` from `GET /dbaas-service-type`. */
export function typeListOutput(response: unknown): ListOutput {
  const types = objects(asObject(response), "dbaas-service-types") ?? [];
  const items = types.map((t) =>
    struct("dbaas.dbaasTypeListItemOutput", [
      field("Name", str(t, "name"), "name"),
      field("AvailableVersions", strings(t, "available-versions") ?? new GoNil("[]string"), "available_versions"),
      field("DefaultVersion", str(t, "default-version"), "default_version"),
    ]),
  );
  return listOutput(items, (isTTY) =>
    renderTable(
      {
        header: ["Name", "Available Versions", "Default Version"],
        rows: items.map((i) => [String(i.get("Name")), versions(i.get("AvailableVersions")), String(i.get("DefaultVersion"))]),
      },
      isTTY,
    ),
  );
}

/** `type show NAME` from `GET /dbaas-service-type/NAME`. */
export function typeShowOutput(serviceType: unknown): ObjectOutput {
  const t = asObject(serviceType);
  const value = struct("*dbaas.dbaasTypeShowOutput", [
    field("Name", str(t, "name"), "name"),
    field("Description", str(t, "description"), "description"),
    field("AvailableVersions", strings(t, "available-versions") ?? new GoNil("[]string"), "available_versions"),
    field("DefaultVersion", str(t, "default-version"), "default_version"),
  ]);
  return objectOutput(value, (isTTY) =>
    renderTable(
      {
        rows: [
          ["Name", String(value.get("Name"))],
          ["Description", String(value.get("Description"))],
          ["Available Versions", versions(value.get("AvailableVersions"))],
          ["Default Version", String(value.get("DefaultVersion"))],
        ],
      },
      isTTY,
    ),
  );
}

/** `type show NAME --plans`: sizes in SI units (humanize.Bytes). */
export function typePlansOutput(serviceType: unknown): ListOutput {
  const plans = objects(asObject(serviceType), "plans") ?? [];
  const items = plans.map((p) =>
    struct("dbaas.dbaasTypePlanListItemOutput", [
      field("Name", str(p, "name"), "name"),
      field("Nodes", int(p, "node-count"), "nodes"),
      field("NodeCPUs", int(p, "node-cpu-count"), "node_cpus"),
      field("NodeMemory", int(p, "node-memory"), "node_memory"),
      field("DiskSpace", int(p, "disk-space"), "disk_space"),
      field("Authorized", bool(p, "authorized"), "authorized"),
    ]),
  );
  return listOutput(items, (isTTY) =>
    renderTable(
      {
        header: ["Name", "# Nodes", "# CPUs", "Node Memory", "Disk Space", "Authorized"],
        rows: items.map((i) => [
          String(i.get("Name")),
          String(i.get("Nodes")),
          String(i.get("NodeCPUs")),
          humanizeBytes(toNumber(i.get("NodeMemory") as number | bigint)),
          humanizeBytes(toNumber(i.get("DiskSpace") as number | bigint)),
          String(i.get("Authorized")),
        ]),
      },
      isTTY,
    ),
  );
}

/** The plan's backup configuration, or undefined when exo says `"<PLAN>" is not a valid plan`. */
export function findPlanBackupConfig(serviceType: unknown, plan: string): RawObject | undefined {
  const found = (objects(asObject(serviceType), "plans") ?? []).find((p) => str(p, "name") === plan);
  return found ? obj(found, "backup-config") : undefined;
}

/**
 * `type show NAME --backup-config PLAN` from the plan's `backup-config`. Fields the API leaves
 * out are nil pointers: JSON `null`, table `n/a` (what exo prints for them).
 */
export function typeBackupConfigOutput(backupConfig: RawObject): ObjectOutput {
  const int64 = (key: string) => {
    const v = optInt(backupConfig, key);
    return v === undefined ? new GoNil("*int64") : new GoPtr(v, "*int64");
  };
  const mode = optStr(backupConfig, "recovery-mode");
  const value = struct("*dbaas.dbaasTypePlanBackupOutput", [
    field("Interval", int64("interval"), "interval"),
    field("MaxCount", int64("max-count"), "max_count"),
    field("RecoveryMode", mode === undefined ? new GoNil("*string") : new GoPtr(mode, "*string"), "recovery_mode"),
    field("FrequentIntervalMinutes", int64("frequent-interval-minutes"), "frequent_interval_minutes"),
    field("FrequentOldestAgeMinutes", int64("frequent-oldest-age-minutes"), "frequent_oldest_age_minutes"),
    field("InfrequentIntervalMinutes", int64("infrequent-interval-minutes"), "infrequent_interval_minutes"),
    field("InfrequentOldestAgeMinutes", int64("infrequent-oldest-age-minutes"), "infrequent_oldest_age_minutes"),
  ]);
  const show = (name: string) => {
    const v = value.get(name);
    return v instanceof GoPtr ? String(v.value) : "n/a";
  };
  return objectOutput(value, (isTTY) =>
    renderTable(
      {
        rows: [
          ["Backup interval (hours)", show("Interval")],
          ["Max backups", show("MaxCount")],
          ["Recovery mode", show("RecoveryMode")],
          ["Frequent backup interval", show("FrequentIntervalMinutes")],
          ["Frequent backup max age", show("FrequentOldestAgeMinutes")],
          ["Infrequent backup interval", show("InfrequentIntervalMinutes")],
          ["Infrequent backup max age", show("InfrequentOldestAgeMinutes")],
        ],
      },
      isTTY,
    ),
  );
}
