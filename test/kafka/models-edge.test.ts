// Output models when the API leaves fields out, and the views the recorded examples do not cover.

import { describe, expect, it } from "vitest";
import {
  serviceBackupsOutput,
  serviceNotificationsOutput,
  serviceSettingsOutput,
  serviceShowOutput,
  settingsTableRows,
  typeBackupConfigOutput,
  typePlansOutput,
  userListOutput,
  userRevealOutput,
  userShowOutput,
} from "../../src/kafka/views/index.js";
import { encodeOutputJSON } from "../../src/output/json.js";

describe("show with a sparse API response", () => {
  const out = serviceShowOutput({ name: "k1", type: "kafka", plan: "" }, {}, "ch-gva-2");

  it("falls back to Go zero values in JSON", () => {
    expect(encodeOutputJSON(out.value)).toBe(
      '{"creation_date":"0001-01-01T00:00:00Z","disk_size":0,"maintenance":null,"name":"k1","node_cpus":0,' +
        '"node_memory":0,"nodes":0,"plan":"","state":"","termination_protection":false,"type":"kafka",' +
        '"update_date":"0001-01-01T00:00:00Z","zone":"ch-gva-2","kafka":{"acl":null,' +
        '"authentication_methods":{"certificate":false,"sasl":false},"components":null,' +
        '"connection_info":{"access_cert":"","access_key":"","nodes":null,"registry_uri":"","rest_uri":""},' +
        '"ip_filter":null,"kafka_connect_enabled":false,"kafka_rest_enabled":false,' +
        '"schema_registry_enabled":false,"uri":"","uri_params":null,"users":null,"version":""}}\n',
    );
  });

  it("prints n/a and empty cells in the table", () => {
    const table = out.table(false);
    expect(table).toContain("| Maintenance             | n/a                           |");
    expect(table).toContain("| Disk Size               | 0 B                           |");
    expect(table).toContain("| Components              |                               |");
    expect(table).toContain("| Users                   | n/a                           |");
    expect(table).toContain("| Creation Date           | 0001-01-01 00:00:00 +0000 UTC |");
  });

  it("keeps an empty API list as [] and redacts the URI password in the table only", () => {
    const service = { name: "k1", type: "kafka", plan: "p", "ip-filter": [], uri: "kafka://u:secret@h:1", users: [{ username: "u", type: "normal" }] };
    const shown = serviceShowOutput(service, { "topic-acl": [] }, "z");
    const json = encodeOutputJSON(shown.value);
    expect(json).toContain('"ip_filter":[]');
    expect(json).toContain('"acl":null');
    expect(json).toContain('"uri":"kafka://u:secret@h:1"');
    expect(json).toContain('"access_cert-expiry":"0001-01-01T00:00:00Z"');
    expect(shown.table(false)).toContain("kafka://u:xxxxx@h:1");
    expect(shown.table(false)).not.toContain("secret");
  });
});

describe("show --settings", () => {
  it("keeps only egoscale's keys, in struct order, without zero values", () => {
    const service = {
      "kafka-settings": {
        num_partitions: 3,
        unknown_key: 1,
        auto_create_topics_enable: false,
        log_retention_bytes: 0,
        sasl_oauthbearer_expected_issuer: "",
        compression_type: "<gzip>",
        "log-cleanup-and-compaction": { log_cleaner_min_cleanable_ratio: 0.5, log_cleanup_policy: "compact" },
      },
    };
    expect(serviceSettingsOutput(service, "kafka").text).toBe(
      '{\n  "auto_create_topics_enable": false,\n  "compression_type": "\\u003cgzip\\u003e",\n' +
        '  "log-cleanup-and-compaction": {\n    "log_cleaner_min_cleanable_ratio": 0.5,\n' +
        '    "log_cleanup_policy": "compact"\n  },\n  "num_partitions": 3\n}\n',
    );
  });

  it("prints null for an absent object and {} for an empty one", () => {
    expect(serviceSettingsOutput({}, "kafka-rest").text).toBe("null\n");
    expect(serviceSettingsOutput({ "schema-registry-settings": {} }, "schema-registry").text).toBe("{}\n");
  });
});

describe("show --backups / --notifications", () => {
  it("lists backups with Go times and raw sizes", () => {
    const out = serviceBackupsOutput({
      backups: [{ "backup-name": "b1", "backup-time": "2024-05-01T10:00:00Z", "data-size": 1234 }],
    });
    expect(out.table(false)).toBe(
      "| NAME |             DATE              | SIZE |\n" +
        "|------|-------------------------------|------|\n" +
        "| b1   | 2024-05-01 10:00:00 +0000 UTC | 1234 |\n",
    );
    expect(encodeOutputJSON(out.value)).toBe('[{"name":"b1","date":"2024-05-01T10:00:00Z","size":1234}]\n');
    expect(encodeOutputJSON(serviceBackupsOutput({}).value)).toBe("[]\n");
    expect(serviceBackupsOutput({}).table(true)).toBe("");
  });

  it("wraps notification messages at 50 columns, also in JSON", () => {
    const message = "Your service is running out of disk space, please upgrade to a larger plan soon";
    const out = serviceNotificationsOutput({ notifications: [{ level: "warning", message, type: "disk" }] });
    expect(encodeOutputJSON(out.value)).toBe(
      '[{"level":"warning","message":"Your service is running out of disk space, please\\nupgrade to a larger plan soon","type":"disk"}]\n',
    );
    const width = "Your service is running out of disk space, please".length;
    expect(out.table(false).split("\n")[3]).toBe(`|         | ${"upgrade to a larger plan soon".padEnd(width)} |`);
  });
});

describe("type show --plans / --backup-config", () => {
  it("prints plans with SI sizes", () => {
    const out = typePlansOutput({
      plans: [{ name: "startup-2", "node-count": 3, "node-cpu-count": 2, "node-memory": 8589934592, "disk-space": 96636764160 }],
    });
    expect(out.table(false)).toBe(
      "|   NAME    | # NODES | # CPUS | NODE MEMORY | DISK SPACE | AUTHORIZED |\n" +
        "|-----------|---------|--------|-------------|------------|------------|\n" +
        "| startup-2 | 3       | 2      | 8.6 GB      | 97 GB      | false      |\n",
    );
  });

  it("gives absent backup fields their zero value, as exo 1.97 does (JSON, table)", () => {
    const out = typeBackupConfigOutput({ interval: 24, "frequent-interval-minutes": 5 });
    expect(encodeOutputJSON(out.value)).toBe(
      '{"interval":24,"max_count":0,"recovery_mode":"","frequent_interval_minutes":5,' +
        '"frequent_oldest_age_minutes":0,"infrequent_interval_minutes":0,"infrequent_oldest_age_minutes":0}\n',
    );
    const table = out.table(false);
    expect(table).toContain("| Max backups                | 0  |\n");
    expect(table).toContain("| Recovery mode              |    |\n");
    expect(table).toContain("| Frequent backup interval   | 5  |\n");
    expect(table).not.toContain("n/a");
  });
});

describe("users", () => {
  const service = { users: [{ username: "avnadmin", type: "primary" }, { username: "alice", type: "normal" }] };

  it("lists users", () => {
    const out = userListOutput(service);
    expect(out.table(false)).toBe(
      "| USERNAME |  TYPE   |\n|----------|---------|\n| avnadmin | primary |\n| alice    | normal  |\n",
    );
    expect(encodeOutputJSON(userListOutput({}).value)).toBe("[]\n");
  });

  it("shows a user", () => {
    const out = userShowOutput({ username: "alice", type: "normal", password: "p" });
    expect(encodeOutputJSON(out.value)).toBe('{"username":"alice","type":"normal"}\n');
    expect(out.table(false)).toBe(
      "| SERVICE USER |        |\n|--------------|--------|\n| Username     | alice  |\n| Type         | normal |\n",
    );
  });

  it("reveals secrets with exo's kebab-case JSON names", () => {
    const out = userRevealOutput({
      username: "alice",
      password: "pw",
      "access-key": "KEY",
      "access-cert": "CERT",
      "access-cert-expiry": "2026-01-01T00:00:00Z",
    });
    expect(encodeOutputJSON(out.value)).toBe(
      '{"password":"pw","kafka":{"access-key":"KEY","access-cert":"CERT","access-cert-expiry":"2026-01-01T00:00:00Z"}}\n',
    );
    expect(out.table(false)).toContain("| Access Cert Expiry | 2026-01-01 00:00:00 +0000 UTC |");
  });
});

describe("settings schema table", () => {
  it("adds enum, bounds, default and example lines with Go number formatting", () => {
    const rows = settingsTableRows({
      b_key: {
        type: "integer",
        description: "Some size",
        minimum: 1048576,
        maximum: 9223372036854775807n,
        default: 3600000,
        example: 0.2,
      },
      a_key: { type: ["string", "null"], description: "Policy", enum: ["delete", "compact", null] },
      c_key: { type: "integer", minimum: 1 },
      d_key: "not an object",
      e_key: { description: "untyped" },
      f_key: { type: "string", description: "empty enum", enum: [] },
    });
    expect(rows).toEqual([
      ["a_key", "[string null]", "Policy\n  * Supported values:\n    - delete\n    - compact\n    - <nil>"],
      [
        "b_key",
        "integer",
        "Some size\n  * Minimum: 1.048576e+06 / Maximum: 9.223372036854776e+18\n  * Default: 3.6e+06\n  * Example: 0.2",
      ],
      ["c_key", "integer", ""],
      ["e_key", "-", "untyped"],
      ["f_key", "string", "empty enum\n  * Supported values:\n"],
    ]);
  });
});
