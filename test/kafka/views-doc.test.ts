// The views and the help's template annotations against exo's output structs as the reference
// documents them (Go field names, JSON tags, declaration order).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import listCommand from "../../src/commands/dbaas/list.js";
import logsCommand from "../../src/commands/dbaas/logs.js";
import showCommand from "../../src/commands/dbaas/show.js";
import typeListCommand from "../../src/commands/dbaas/type/list.js";
import typeShowCommand from "../../src/commands/dbaas/type/show.js";
import * as views from "../../src/kafka/views/index.js";
import { aclListItemView } from "../../src/kafka/views/acl.js";
import { credentialsCheckView } from "../../src/kafka/views/credentials-check.js";
import { credentialsFilesView } from "../../src/kafka/views/credentials-files.js";
import { userRotateView } from "../../src/kafka/views/user-rotate.js";
import { annotations, type View } from "../../src/kafka/views/spec.js";
import { SHARED } from "../helpers/shared.js";

const DOC = readFileSync(join(SHARED, "reference", "exo-cli-kafka.md"), "utf8");

interface DocField {
  go: string;
  json: string;
}

const fieldsIn = (body: string): DocField[] => [...body.matchAll(/(\w+)\s+\S+\s+json:"([^"]+)"/g)].map((m) => ({ go: m[1]!, json: m[2]! }));

/** exo's structs as the document lists them: `Name { A T json:"a"; … }` or a name over indented field lines. */
function documentedStructs(): Map<string, DocField[]> {
  const structs = new Map<string, DocField[]>();
  for (const m of DOC.matchAll(/(\w+Output)\s*\{([^{}]*)\}/g)) structs.set(m[1]!, fieldsIn(m[2]!));
  for (const m of DOC.matchAll(/^(\w+Output)\n((?: {2}.+\n)+)/gm)) structs.set(m[1]!, fieldsIn(m[2]!));
  // the log line struct is documented by its shape only, after its list
  const item = /Logs \[\]dbServiceLogsItemOutput[^\n]*\n\s*item `\{([^{}]*)\}/.exec(DOC);
  if (item) structs.set("dbServiceLogsItemOutput", fieldsIn(item[1]!));
  return structs;
}

const DOCUMENTED = documentedStructs();
const goTypeName = (view: View<never>) => view.type.replace(/^\*/, "").replace(/^dbaas\./, "");
const specOf = (view: View<never>): DocField[] =>
  view.fields.map((f) => ({ go: f.go, json: f.omitempty ? `${f.json},omitempty` : f.json }));

/** Every view of an exo struct, and the structs this CLI adds (not in exo, so not documented). */
const EXO_VIEWS = (Object.values(views) as unknown[]).filter(
  (v): v is View<never> => typeof v === "object" && v !== null && "fields" in v && "type" in v,
);
const OWN_VIEWS = [aclListItemView, credentialsFilesView, credentialsCheckView, userRotateView] as View<never>[];

describe("views against the documented Go structs", () => {
  it("finds the documented structs", () => {
    expect(DOCUMENTED.size).toBeGreaterThanOrEqual(20);
    expect(DOCUMENTED.get("dbServiceShowOutput")?.map((f) => f.go)).toContain("Thanos");
  });

  it("exports a view for each documented struct", () => {
    const ours = new Set(EXO_VIEWS.map(goTypeName));
    const missing = [...DOCUMENTED.keys()].filter((name) => !ours.has(name));
    expect(missing).toEqual([]);
  });

  for (const view of EXO_VIEWS) {
    it(`${view.type}: Go names, JSON tags and order as exo declares them`, () => {
      const documented = DOCUMENTED.get(goTypeName(view));
      expect(documented, `${goTypeName(view)} is not documented`).toBeDefined();
      expect(specOf(view)).toEqual(documented);
    });
  }

  it("keeps this CLI's own structs apart from exo's", () => {
    for (const view of OWN_VIEWS) expect(DOCUMENTED.has(goTypeName(view))).toBe(false);
    expect(annotations(aclListItemView)).toBe(".ID .Kind .Username .Topic .Resource .Permission");
  });
});

/** `.A .B` names of a help text fragment. */
const names = (text: string) => [...text.matchAll(/\.(\w+)/g)].map((m) => m[1]!);
const goNames = (struct: string, leaveOut: readonly string[] = []) => DOCUMENTED.get(struct)!.map((f) => f.go).filter((n) => !leaveOut.includes(n));

/** The `  * TITLE: names` sections after "Supported output template annotations:". */
function helpSections(description: string): Map<string, string[]> {
  const text = description.slice(description.indexOf("annotations:") + "annotations:".length).replace(/^\n+/, "").split("\n\n")[0]!;
  const sections = new Map<string, string[]>();
  for (const chunk of text.split(/^ {2}\* /m).filter((c) => c.trim() !== "")) {
    const colon = chunk.indexOf(":");
    sections.set(chunk.slice(0, colon), names(chunk.slice(colon + 1)));
  }
  return sections;
}

describe("the help's template annotations name the documented Go fields", () => {
  const OTHER_ENGINES = ["Grafana", "Mysql", "PG", "Valkey", "Opensearch", "Thanos"];

  it("dbaas show", () => {
    expect(Object.fromEntries(helpSections(showCommand.description!))).toEqual({
      "When showing a Database Service": goNames("dbServiceShowOutput", OTHER_ENGINES),
      ".Kafka": goNames("dbServiceKafkaShowOutput"),
      ".Kafka.ACL[]": goNames("dbServiceKafkaACLShowOutput"),
      ".Kafka.AuthenticationMethods": goNames("dbServiceKafkaAuthenticationShowOutput"),
      ".Kafka.Components[]": goNames("dbServiceKafkaComponentShowOutput"),
      ".Kafka.ConnectionInfo": goNames("dbServiceKafkaConnectionInfoShowOutput"),
      ".Kafka.Users[]": goNames("dbServiceKafkaUserShowOutput"),
      "When listing backups (--backups)": goNames("dbServiceBackupListItemOutput"),
      "When listing notifications (--notifications)": goNames("dbServiceNotificationListItemOutput"),
    });
  });

  it("dbaas type show", () => {
    expect(Object.fromEntries(helpSections(typeShowCommand.description!))).toEqual({
      "When showing a Database Service type": goNames("dbaasTypeShowOutput"),
      "When listing plans (--plans)": goNames("dbaasTypePlanListItemOutput"),
      "When showing a plan's backup configuration (--backup-config)": goNames("dbaasTypePlanBackupOutput"),
    });
  });

  it("dbaas list, type list and logs", () => {
    const line = (description: string) => description.slice(description.indexOf("annotations:"));
    expect(names(line(listCommand.description!))).toEqual(goNames("dbaasServiceListItemOutput"));
    expect(names(line(typeListCommand.description!))).toEqual(goNames("dbaasTypeListItemOutput"));
    const [top, logLines] = line(logsCommand.description!).split("\n  - .Logs:");
    expect(names(top!)).toEqual(goNames("dbServiceLogsOutput"));
    expect(names(logLines!)).toEqual(goNames("dbServiceLogsItemOutput"));
  });
});
