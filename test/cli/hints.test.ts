// Every command the CLI prints for the user to run next runs as printed: taken from stderr, split
// as a POSIX shell splits it, and run against the emulator, it succeeds (no missing -z, no flag
// refused, no name left unquoted). Operations stay pending 300 ms, so `--wait-timeout 1ms` gives up.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { resetKafkaUserPassword } from "../../src/api/dbaas.js";
import { awaitOperation } from "../../src/commands/dbaas/shared/async-operation.js";
import { createContext } from "../../src/context.js";
import { bufferIO } from "../../src/io.js";
import { DEFAULT_FLAGS, ID_LINE } from "../helpers/endpoint-session.js";
import { useSession } from "../helpers/session.js";

const OPERATION_MS = 300;
const s = useSession({ emulator: { operationDelayMs: OPERATION_MS } });
const Z = ["-z", "de-muc-1"];
const GIVE_UP = ["--wait-timeout", "1ms"];

/** The words of a command line as a POSIX shell reads them (bare words and single quotes, what shellWord writes). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /\s*((?:[^\s']+|'[^']*')+)/gy;
  for (let m = re.exec(line); m; m = re.exec(line)) words.push(m[1]!.replace(/'([^']*)'/g, "$1"));
  expect(words.join(" ").length).toBeGreaterThan(0);
  return words;
}

/** The command printed between `lead` and `end` (the end of the error line unless told). */
function printed(stderr: string, lead: RegExp, end = /\n/): string[] {
  const m = new RegExp(`${lead.source}(exo .*?)${end.source}`).exec(stderr);
  expect(m, stderr).not.toBeNull();
  return shellWords(m![1]!);
}

/** Runs the printed command (after the operation it checks has ended) and expects success. */
async function runsAsPrinted(words: string[], options: Parameters<typeof s.exo>[1] = {}) {
  expect(words[0]).toBe("exo");
  await sleep(OPERATION_MS + 100);
  const result = await s.exo(words.slice(1), options);
  expect({ words, ...result, stdout: "" }).toEqual({ words, exitCode: 0, stdout: "", stderr: expect.any(String) });
  expect(result.stderr).not.toMatch(/error:/);
}

async function endpoint(type: string, name: string): Promise<string> {
  const created = await s.exo(["dbaas", "external-endpoint", "create", type, name, ...DEFAULT_FLAGS[type]!]);
  expect(created.exitCode).toBe(0);
  return ID_LINE.exec(created.stdout)![1]!;
}

describe("the check command of a wait that gave up (exit 3)", () => {
  const CASES: Array<[name: string, argv: () => Promise<string[]> | string[], check: string]> = [
    ["create", () => ["dbaas", "create", "kafka", "startup-2", "k7", ...Z], "exo dbaas show k7 -z de-muc-1"],
    ["update", () => ["dbaas", "update", "test-kafka", ...Z, "-f", "--kafka-enable-sasl-auth"], "exo dbaas show test-kafka -z de-muc-1"],
    ["delete", () => ["dbaas", "delete", "test-kafka", ...Z, "-f"], "exo dbaas list -z de-muc-1"],
    ["user create", () => ["dbaas", "user", "create", "test-kafka", "app-1", ...Z], "exo dbaas user show test-kafka app-1 -z de-muc-1"],
    [
      "user delete",
      async () => {
        expect((await s.exo(["dbaas", "user", "create", "test-kafka", "app-2", ...Z, "-Q"])).exitCode).toBe(0);
        return ["dbaas", "user", "delete", "test-kafka", "app-2", ...Z, "-f"];
      },
      "exo dbaas user list test-kafka -z de-muc-1",
    ],
    ["user reset-credentials", () => ["dbaas", "user", "reset-credentials", "test-kafka", "avnadmin", ...Z], "exo dbaas user reveal-secrets test-kafka avnadmin -z de-muc-1"],
    ["acl create", () => ["dbaas", "acl", "create", "test-kafka", ...Z, "--username", "app", "--topic", "orders", "--permission", "read"], "exo dbaas acl list test-kafka -z de-muc-1"],
    ["acl delete", () => ["dbaas", "acl", "delete", "test-kafka", "default", ...Z, "-f"], "exo dbaas acl list test-kafka -z de-muc-1"],
    ["external-endpoint create", () => ["dbaas", "external-endpoint", "create", "prometheus", "prom-1", ...DEFAULT_FLAGS.prometheus!], "exo dbaas external-endpoint list"],
    [
      "external-endpoint delete",
      async () => ["dbaas", "external-endpoint", "delete", "prometheus", await endpoint("prometheus", "prom-2")],
      "exo dbaas external-endpoint list",
    ],
    [
      "external-integration attach",
      async () => ["dbaas", "external-integration", "attach", "prometheus", "--source-service-name", "test-kafka", "--destination-endpoint-id", await endpoint("prometheus", "prom-3")],
      "exo dbaas external-integration list test-kafka",
    ],
  ];
  it.each(CASES)("%s", async (_, argv, check) => {
    const result = await s.exo([...(await argv()), ...GIVE_UP]);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`the change may still complete, check with: ${check}\n$`));
    await runsAsPrinted(printed(result.stderr, /check with: /));
  });

  it("each word of the check command is quoted for the shell", async () => {
    const ctx = createContext({ io: bufferIO({ env: { ...s.env, HOME: "/nonexistent-home" } }).io, globals: { quiet: true, timeoutMs: undefined } });
    const client = await ctx.client("de-muc-1");
    const op = await resetKafkaUserPassword(client, "test-kafka", "avnadmin");
    const waiting = awaitOperation(ctx, client, op, "Resetting", 1, ["dbaas", "show", "it's $(here)", "-z", "de-muc-1"]);
    await expect(waiting).rejects.toThrow(/check with: exo dbaas show 'it'\\''s \$\(here\)' -z de-muc-1$/);
  });

  it("external-endpoint update: show TYPE ID", async () => {
    const id = await endpoint("prometheus", "prom-4");
    const result = await s.exo(["dbaas", "external-endpoint", "update", "prometheus", id, "--prometheus-basic-auth-username", "other", ...GIVE_UP]);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain(`check with: exo dbaas external-endpoint show prometheus ${id}\n`);
    await runsAsPrinted(printed(result.stderr, /check with: /));
  });
});

describe("the other printed commands", () => {
  it("delete of a protected service: the update that turns the protection off (it asks, at a terminal)", async () => {
    expect((await s.exo(["dbaas", "update", "test-kafka", ...Z, "-f", "-Q", "--termination-protection"])).exitCode).toBe(0);
    await sleep(OPERATION_MS + 100);
    const refused = await s.exo(["dbaas", "delete", "test-kafka", ...Z, "-f"]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("To turn it off: exo dbaas update test-kafka -z de-muc-1 --termination-protection=false\n");
    await runsAsPrinted(printed(refused.stderr, /To turn it off: /), { terminal: true, input: ["y"] });
    expect((await s.service())["termination-protection"]).toBe(false);
  });

  it("an unknown Kafka setting: the command listing the valid ones", async () => {
    const refused = await s.exo(["dbaas", "update", "test-kafka", ...Z, "-f", "--kafka-settings", '{"no_such_setting":1}']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('(the valid settings are listed by "exo dbaas type show kafka --settings kafka")');
    await runsAsPrinted(printed(refused.stderr, /listed by "/, /"/));
  });

  it("an endpoint named where its ID is expected: the command listing the IDs", async () => {
    const refused = await s.exo(["dbaas", "external-endpoint", "show", "prometheus", "kafka-metrics"]);
    expect(refused).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: invalid endpoint ID: invalid UUID length: 13 ("kafka-metrics" is not an endpoint ID; the IDs are listed by: exo dbaas external-endpoint list)\n',
    });
    await runsAsPrinted(printed(refused.stderr, /listed by: /, /\)\n/));
  });

  it("a service in another zone than the default: the line with the -z printed", async () => {
    const argv = ["dbaas", "user", "list", "test-kafka"];
    const refused = await s.exo(argv);
    const m = /: add (-z \S+)\n$/.exec(refused.stderr);
    expect(m, refused.stderr).not.toBeNull();
    await runsAsPrinted(["exo", ...argv, ...shellWords(m![1]!)]);
  });
});
