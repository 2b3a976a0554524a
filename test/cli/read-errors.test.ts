// Failures of the read commands: one `error:` line on stderr, exit 1, nothing on stdout, and for a
// bad flag value not a single request sent.
import { describe, expect, it } from "vitest";
import { useCannedEmulator } from "../helpers/session.js";

const t = useCannedEmulator();
const SHOW = ["dbaas", "show", "test-kafka", "-z", "de-muc-1"];
const fails = (stderr: string) => ({ exitCode: 1, stdout: "", stderr });

describe("bad flag values send nothing", () => {
  it.each([
    ["nope", [...SHOW, "--settings", "nope"]],
    ["nope", [...SHOW, "--settings=nope", "--uri"]],
    ["Kafka", ["dbaas", "show", "test-kafka", "--settings", "Kafka", "-O", "json"]],
    ["nope", ["dbaas", "type", "show", "kafka", "--settings", "nope"]],
  ])("--settings %s: %j", async (value, argv) => {
    expect(await t.exo(argv)).toEqual(
      fails(`error: invalid settings value "${value}", expected one of: kafka, kafka-rest, kafka-connect, schema-registry\n`),
    );
    expect(t.requests()).toEqual([]);
  });

  it("a missing NAME, an unknown flag or a bad boolean", async () => {
    expect(await t.exo(["dbaas", "show", "-z", "de-muc-1"])).toEqual(fails("error: missing argument NAME, run with --help for usage\n"));
    expect(await t.exo(["dbaas", "type", "show"])).toEqual(fails("error: missing argument NAME, run with --help for usage\n"));
    expect(await t.exo([...SHOW, "--uri=maybe"])).toEqual(
      fails('error: invalid argument "maybe" for "--uri" flag: strconv.ParseBool: parsing "maybe": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)\n'),
    );
    expect(await t.exo(["dbaas", "list", "--plans"])).toEqual(fails("error: unknown flag: --plans\n"));
    expect(await t.exo(["dbaas", "type", "list", "-z", "de-muc-1"])).toEqual(fails("error: unknown shorthand flag: 'z' in -z (exo dbaas type commands have no zone: they work in the account's default zone, from EXOSCALE_ZONE or defaultZone)\n"));
    expect(t.requests()).toEqual([]);
  });
});

describe("not found", () => {
  it("a name missing from the zone's list: exo's message", async () => {
    expect(await t.exo(["dbaas", "show", "nope", "-z", "de-muc-1"])).toEqual(
      fails('error: "nope" Database Service not found in zone "de-muc-1"\n'),
    );
  });

  it("Go quoting of odd names", async () => {
    expect(await t.exo(["dbaas", "show", 'a"b\\c é', "-z", "de-muc-1"])).toEqual(
      fails('error: "a\\"b\\\\c é" Database Service not found in zone "de-muc-1"\n'),
    );
  });

  it("a 404 from the service itself: resource not found in zone", async () => {
    await t.can("GET", "/dbaas-kafka/test-kafka", { message: "resource not found" }, 404);
    expect(await t.exo(SHOW)).toEqual(fails('error: resource not found in zone "de-muc-1"\n'));
  });

  it("an ACL failure is reported as the API's error", async () => {
    await t.can("GET", "/dbaas-kafka/test-kafka/acl-config", { message: "forbidden" }, 403);
    expect(await t.exo(SHOW)).toEqual(fails("error: Forbidden: forbidden\n"));
  });

  it("a service of another type", async () => {
    expect(await t.exo(["dbaas", "show", "test-pg", "-z", "de-muc-1"])).toEqual(
      fails('error: Database Service "test-pg" is of type "pg": only kafka services are supported\n'),
    );
  });

  it("an unknown service type, an unknown plan", async () => {
    await t.can("GET", "/dbaas-service-type/nope", { message: "Service type not found" }, 404);
    expect(await t.exo(["dbaas", "type", "show", "nope"])).toEqual(fails("error: Not Found: Service type not found\n"));
    expect(await t.exo(["dbaas", "type", "show", "kafka", "--backup-config", "nope"])).toEqual(fails('error: "nope" is not a valid plan\n'));
  });

  it("an unknown zone", async () => {
    const result = await t.exo(["dbaas", "show", "test-kafka", "-z", "xx-nope-1"]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: unknown zone "xx-nope-1": valid zones are: .+\n$/);
  });
});

describe("template failures leave stdout empty", () => {
  it.each([
    [[...SHOW, "--output-template", "{{.Name}} {{.Nope}}"], 'error: unable to encode output using template: template: out:1:12: executing "out" at <.Nope>: can\'t evaluate field Nope in type *dbaas.dbServiceShowOutput\n'],
    [[...SHOW, "--output-template", "{{.Name"], "error: unable to encode output in plaintext using template: template: out:1: unclosed action\n"],
    [[...SHOW, "--output-template", "{{.Name}}{{.Maintenance.Nope}}"], undefined],
    [["dbaas", "list", "-z", "de-muc-1", "--output-template", "{{.Name}}{{.Nope}}"], undefined],
    [["dbaas", "type", "list", "--output-template", "{{.Name}}{{.Nope}}"], undefined],
    [["dbaas", "type", "list", "--output-template", "{{.Name"], "error: unable to encode output in plaintext using template: template: out:1: unclosed action\n"],
    [["dbaas", "type", "show", "kafka", "--output-template", "{{.Name}}{{.Nope}}"], undefined],
  ])("%j", async (argv, stderr) => {
    const result = await t.exo(argv);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    if (stderr) expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(/^error: unable to encode output using template: template: out:1:\d+: executing "out" at <.+>: .+\n$/);
  });
});

describe("API failures", () => {
  it("a server error after retries: exit 1, one line, empty stdout", async () => {
    t.emulator.faults.inject({ kind: "status", status: 400, body: '{"message":"bad request"}', pathPrefix: "/dbaas-service-type" });
    expect(await t.exo(["dbaas", "type", "list"])).toEqual(fails("error: Bad Request: bad request\n"));
  });

  it("a wrong secret never shows the secret", async () => {
    const result = await t.exo(SHOW, { env: { EXOSCALE_API_SECRET: "not-the-secret-42" } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toContain("not-the-secret-42");
  });
});
