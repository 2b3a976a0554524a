// exo dbaas list: one shared endpoint (the emulator) asked once, or one endpoint per zone asked
// concurrently with the per-zone --timeout; failed zones warn after the output and fail the command.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../../../src/api/client.js";
import listCommand from "../../../../src/commands/dbaas/list.js";
import type { GroupEntry } from "../../../../src/commands/registry.js";
import type { CommandContext } from "../../../../src/context.js";
import { json, startServer, type LoopbackServer } from "../../../helpers/loopback-server.js";
import { runCli } from "../../../helpers/run-cli.js";
import { useCannedEmulator } from "../../../helpers/session.js";

const t = useCannedEmulator();

const service = (name: string, zone?: string) => ({ name, type: "kafka", plan: "startup-2", ...(zone ? { zone } : {}) });

describe("one endpoint for every zone", () => {
  it("is asked once; rows are grouped by each service's zone, zone-less ones in the default zone", async () => {
    await t.can("GET", "/dbaas-service", {
      "dbaas-services": [service("a", "ch-gva-2"), service("b", "de-muc-1"), service("c", "ch-gva-2"), service("d")],
    });
    const result = await t.exo(["dbaas", "list", "-O", "text"], { env: { EXOSCALE_ZONE: "at-vie-1" } });
    expect(result).toEqual({
      exitCode: 0,
      stdout: "a\tkafka\tstartup-2\tch-gva-2\nc\tkafka\tstartup-2\tch-gva-2\nb\tkafka\tstartup-2\tde-muc-1\nd\tkafka\tstartup-2\tat-vie-1\n",
      stderr: "",
    });
    expect(t.requests()).toEqual(["GET /v2/dbaas-service"]);
  });

  it("-z keeps that zone's services and the zone-less ones, as show finds them (alias ls)", async () => {
    await t.can("GET", "/dbaas-service", { "dbaas-services": [service("a", "ch-gva-2"), service("b", "de-muc-1"), service("d")] });
    expect((await t.exo(["dbaas", "ls", "-z", "ch-gva-2", "--output-template", "{{.Name}}"])).stdout).toBe("a\nd\n");
    expect((await t.exo(["dbaas", "ls", "--zone", "de-muc-1", "--output-template", "{{.Name}}"])).stdout).toBe("b\nd\n");
  });

  it("a failing zone: exo's warning, then `1 zone(s) failed`, exit 1", async () => {
    t.emulator.faults.inject({ kind: "status", status: 403, body: '{"message":"no access"}', pathPrefix: "/dbaas-service" });
    expect(await t.exo(["dbaas", "list", "-z", "de-muc-1"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        `warning: zone de-muc-1: unable to list Database Services in zone {${t.emulator.url} de-muc-1 https://sos-de-muc-1.exo.io}: ` +
        "ListDBAASServices: http response: Forbidden: no access\nerror: 1 zone(s) failed\n",
    });
  });

  it("--timeout bounds the zone's request", async () => {
    // responses 10 s late: the 300 ms limit ends the wait long before (the margin is for a loaded machine)
    t.emulator.faults.inject({ kind: "slow", delayMs: 10_000, count: 10, pathPrefix: "/dbaas-service" });
    const started = Date.now();
    const result = await t.exo(["dbaas", "list", "-z", "de-muc-1", "--timeout", "300ms"]);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^warning: zone de-muc-1: unable to list Database Services in zone \{.+\}: ListDBAASServices: .*timed out.*\nerror: 1 zone\(s\) failed\n$/);
  });

  it("without -z a failure is a plain error", async () => {
    t.emulator.faults.inject({ kind: "status", status: 403, body: '{"message":"no access"}', pathPrefix: "/dbaas-service" });
    expect(await t.exo(["dbaas", "list"])).toEqual({ exitCode: 1, stdout: "", stderr: "error: Forbidden: no access\n" });
  });
});

describe("one endpoint per zone", () => {
  const servers: Record<string, LoopbackServer> = {};
  const delayed = (ms: number, body: unknown, status = 200) =>
    startServer(async (_req, res) => {
      await new Promise((r) => setTimeout(r, ms));
      if (!res.destroyed) json(res, status, body);
    });

  beforeAll(async () => {
    servers["zz-fast-1"] = await delayed(0, { "dbaas-services": [service("f1"), service("f2")] });
    servers["zz-later-1"] = await delayed(150, { "dbaas-services": [service("l1")] });
    servers["zz-denied-1"] = await delayed(0, { message: "no access here" }, 403);
    servers["zz-slow-1"] = await delayed(20_000, { "dbaas-services": [service("never")] });
  });
  afterAll(() => Promise.all(Object.values(servers).map((s) => s.close())));

  /** The real list command, with the zones' endpoints pointing at the loopback servers. */
  const tree: GroupEntry = {
    name: "exo",
    summary: "",
    children: [
      {
        name: "dbaas",
        summary: "",
        children: [
          {
            name: "list",
            summary: "",
            load: async () => ({ default: { ...listCommand, run: (ctx, args, opts) => listCommand.run(perZone(ctx), args, opts) } }),
          },
        ],
      },
    ],
  };
  const perZone = (ctx: CommandContext): CommandContext => ({
    ...ctx,
    listZones: async () => Object.keys(servers),
    client: async (zone, settings) =>
      new ApiClient({ endpoint: `${servers[zone]!.origin}/v2`, credentials: { key: "EXOkey", secret: "s3cret" }, deadlineMs: settings?.deadlineMs }),
  });

  const exo = async (argv: string[]) => {
    const started = Date.now();
    const result = await runCli(argv, { env: { EXOSCALE_API_KEY: "EXOkey", EXOSCALE_API_SECRET: "s3cret" }, cwd: "/", tree });
    return { ...result, ms: Date.now() - started };
  };

  const warning = (zone: string, reason: string) =>
    `warning: zone ${zone}: unable to list Database Services in zone {${servers[zone]!.origin}/v2 ${zone} https://sos-${zone}.exo.io}: ListDBAASServices: ${reason}\n`;

  it("asks every zone concurrently: rows as zones answer, then the warnings and the failure", async () => {
    const result = await exo(["dbaas", "list", "--timeout", "500ms", "-O", "text"]);
    expect(result.stdout).toBe("f1\tkafka\tstartup-2\tzz-fast-1\nf2\tkafka\tstartup-2\tzz-fast-1\nl1\tkafka\tstartup-2\tzz-later-1\n");
    expect(result.stderr.startsWith(warning("zz-denied-1", "http response: Forbidden: no access here"))).toBe(true);
    expect(result.stderr).toMatch(/warning: zone zz-slow-1: .*timed out.*\nerror: 2 zone\(s\) failed\n$/);
    expect(result.exitCode).toBe(1);
    // concurrent: the slow zone's 500 ms timeout, not its 20 s delay (the margin is for a loaded machine)
    expect(result.ms).toBeLessThan(8000);
  });

  it("the output of the zones that answered is complete in every format", async () => {
    const table = await exo(["dbaas", "list", "--timeout", "300ms"]);
    expect(table.stdout.split("\n").filter((l) => l.startsWith("│ ")).map((l) => l.split("│")[1]!.trim())).toEqual(["NAME", "f1", "f2", "l1"]);
    const jsonOut = await exo(["dbaas", "list", "--timeout", "300ms", "-O", "json"]);
    expect(JSON.parse(jsonOut.stdout).map((r: { name: string }) => r.name)).toEqual(["f1", "f2", "l1"]);
    expect(jsonOut.exitCode).toBe(1);
  });

  it("-z asks that zone only", async () => {
    const before = servers["zz-fast-1"]!.requests.length;
    const result = await exo(["dbaas", "list", "-z", "zz-later-1", "--output-template", "{{.Name}}"]);
    expect(result).toMatchObject({ exitCode: 0, stdout: "l1\n", stderr: "" });
    expect(servers["zz-fast-1"]!.requests.length).toBe(before);
  });

  it("-1s disables the timeout", async () => {
    const result = await exo(["dbaas", "list", "-z", "zz-later-1", "--timeout", "-1s", "-O", "json"]);
    expect(result).toMatchObject({ exitCode: 0, stdout: '[{"name":"l1","type":"kafka","plan":"startup-2","zone":"zz-later-1"}]\n' });
  });
});
