// A broken --output-template is refused before any request when the output goes through it, and
// ignored where exo ignores templates (--uri, --settings, ca-certificate) or warns (`dbaas list`).
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expected } from "../helpers/reference-examples.js";
import { useCannedEmulator } from "../helpers/session.js";

const t = useCannedEmulator();
const SHOW = ["dbaas", "show", "test-kafka", "-z", "de-muc-1"];
const BROKEN = ["--output-template", "{{.Name"];
const unclosed = "error: unable to encode output in plaintext using template: template: out:1: unclosed action\n";

describe("an unparsable template sends nothing", () => {
  it.each([
    [SHOW],
    [[...SHOW, "-O", "json"]],
    [[...SHOW, "--backups"]],
    [[...SHOW, "--notifications", "--uri"]],
    [["dbaas", "type", "list"]],
    [["dbaas", "type", "show", "kafka"]],
    [["dbaas", "type", "show", "kafka", "--plans", "--settings", "kafka"]],
    [["dbaas", "type", "show", "kafka", "--backup-config", "startup-2"]],
    [["dbaas", "logs", "test-kafka", "-z", "de-muc-1"]],
  ])("%j", async (argv) => {
    expect(await t.exo([...argv, ...BROKEN])).toEqual({ exitCode: 1, stdout: "", stderr: unclosed });
    expect(t.requests()).toEqual([]);
  });

  it.each([
    [["dbaas", "create", "kafka", "startup-2", "new-kafka", "-z", "de-muc-1"]],
    [["dbaas", "update", "test-kafka", "-z", "de-muc-1", "--force", "--kafka-ip-filter", "10.0.0.0/8"]],
    [["dbaas", "user", "list", "test-kafka", "-z", "de-muc-1"]],
    [["dbaas", "user", "show", "test-kafka", "avnadmin", "-z", "de-muc-1"]],
    [["dbaas", "user", "create", "test-kafka", "app", "-z", "de-muc-1"]],
    [["dbaas", "user", "delete", "test-kafka", "app", "-z", "de-muc-1", "--force"]],
    [["dbaas", "user", "reset-credentials", "test-kafka", "avnadmin", "-z", "de-muc-1"]],
    [["dbaas", "user", "reveal-secrets", "test-kafka", "avnadmin", "-z", "de-muc-1"]],
    [["dbaas", "user", "rotate", "test-kafka", "app-v1", "app-v2", "-z", "de-muc-1", "--dir", join(tmpdir(), "exo-template-first-not-created")]],
    [["dbaas", "acl", "list", "test-kafka", "-z", "de-muc-1"]],
    [["dbaas", "acl", "create", "test-kafka", "-z", "de-muc-1", "--username", "app", "--topic", "orders", "--permission", "read"]],
    [["dbaas", "credentials", "download", "test-kafka", "-z", "de-muc-1", "--dir", join(tmpdir(), "exo-template-first-not-created")]],
    [["dbaas", "credentials", "check", "test-kafka", "-z", "de-muc-1"]],
  ])("%j (changes and writes nothing)", async (argv) => {
    expect(await t.exo([...argv, ...BROKEN])).toEqual({ exitCode: 1, stdout: "", stderr: unclosed });
    expect(t.requests()).toEqual([]);
    expect(existsSync(join(tmpdir(), "exo-template-first-not-created"))).toBe(false);
  });

  it("reports the parse error's line, as Go does", async () => {
    const result = await t.exo([...SHOW, "--output-template", "{{.Name}}\n{{if .Plan}}"]);
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: unable to encode output in plaintext using template: template: out:2: unexpected EOF\n",
    });
    expect(t.requests()).toEqual([]);
  });
});

describe("views that ignore templates ignore a broken one", () => {
  it.each([
    ["show-uri.stdout", [...SHOW, "--uri"]],
    ["show-settings-kafka.stdout", [...SHOW, "--settings", "kafka"]],
    ["ca-cert.stdout", ["dbaas", "ca-certificate"]],
  ])("%s", async (file, argv) => {
    expect(await t.exo([...argv, ...BROKEN])).toEqual({ exitCode: 0, stdout: expected(file), stderr: "" });
  });

  it("metrics", async () => {
    await t.can("POST", "/dbaas-service-metrics/test-kafka", { metrics: { a: 1 } });
    expect(await t.exo(["dbaas", "metrics", "test-kafka", ...BROKEN])).toEqual({ exitCode: 0, stdout: '{"a":1}\n', stderr: "" });
  });

  it("type show --settings", async () => {
    const plain = await t.exo(["dbaas", "type", "show", "kafka", "--settings", "kafka"]);
    expect(plain.exitCode).toBe(0);
    expect(await t.exo(["dbaas", "type", "show", "kafka", "--settings", "kafka", ...BROKEN])).toEqual(plain);
  });

  it("dbaas list still asks the API, then warns and prints each row as {{.}}", async () => {
    const result = await t.exo(["dbaas", "list", "-z", "de-muc-1", ...BROKEN]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.startsWith("warning: invalid output template: template: out:1: unclosed action\n")).toBe(true);
    expect(t.requests()).toEqual(["GET /v2/dbaas-service"]);
  });
});
